/**
 * An exercise with its files' contents: inline text as written, referenced files read through the caller's
 * {@link ReadRelative} (the core does no I/O). Pure.
 */
import type { Diagnostic } from '../lessons/lesson';
import { createDiagnostic } from '../lessons/rules';
import { utf8ByteLength } from '../shared/text';
import { EXERCISE_LIMITS, isExerciseRef, type Exercise, type FileSource } from './exercise';

/** Reads a file by its path relative to the lesson file; undefined when it is missing or cannot be read. */
export type ReadRelative = (ref: string) => Promise<string | undefined>;

export interface ResolvedExercise extends Exercise {
	/** Path → starter content, for every file of the exercise. */
	readonly starterFiles: ReadonlyMap<string, string>;
	/** The starter files overlaid with the solution's. */
	readonly solutionFiles: ReadonlyMap<string, string>;
}

/**
 * Reads the exercise's referenced files (each at most once). A reference that is not a plain relative path, a file
 * that is missing, unreadable or over {@link EXERCISE_LIMITS.referencedBytes} gives an `exercise-file-missing` or
 * `exercise-invalid-path` diagnostic at the exercise's fence, naming the file; the exercise comes back only when every
 * file was read. Never throws.
 */
export async function resolveExercise(exercise: Exercise, read: ReadRelative, file: string): Promise<{ exercise?: ResolvedExercise; diagnostics: Diagnostic[] }> {
	const diagnostics: Diagnostic[] = [];
	const at = { line: exercise.line, column: 1 };
	const reads = new Map<string, Promise<string | undefined>>();
	const load = async (source: FileSource, what: string): Promise<string | undefined> => {
		if ('text' in source) {
			return source.text;
		}
		const label = `exercise "${exercise.id}": ${what} "${source.ref}"`;
		if (!isExerciseRef(source.ref)) {
			diagnostics.push(createDiagnostic(file, 'exercise-invalid-path', `${label} is not a path relative to the lesson file (at most one leading "../")`, at));
			return undefined;
		}
		let pending = reads.get(source.ref);
		if (!pending) {
			pending = read(source.ref).catch(() => undefined);
			reads.set(source.ref, pending);
		}
		const text = await pending;
		if (text === undefined) {
			diagnostics.push(createDiagnostic(file, 'exercise-file-missing', `${label} does not exist or cannot be read`, at));
		} else if (text.length > EXERCISE_LIMITS.referencedBytes || utf8ByteLength(text) > EXERCISE_LIMITS.referencedBytes) {
			diagnostics.push(createDiagnostic(file, 'exercise-file-missing', `${label} is larger than ${EXERCISE_LIMITS.referencedBytes / 1024} KiB, the most a referenced file may have`, at));
			return undefined;
		}
		return text;
	};
	const starterFiles = new Map<string, string>();
	for (const spec of exercise.files) {
		const text = await load(spec.starter, `starter of ${spec.path}`);
		if (text !== undefined) {
			starterFiles.set(spec.path, text);
		}
	}
	const solutionFiles = new Map(starterFiles);
	for (const entry of exercise.solution) {
		const text = await load(entry.content, `solution of ${entry.path}`);
		if (text !== undefined) {
			solutionFiles.set(entry.path, text);
		}
	}
	if (diagnostics.length > 0) {
		return { diagnostics };
	}
	return { exercise: { ...exercise, starterFiles, solutionFiles }, diagnostics };
}
