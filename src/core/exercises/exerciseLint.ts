/**
 * Lint rules for exercises that need the RE2 engine or the referenced files: patterns that do not compile, files that
 * cannot be read, and consistency (the starter fails a check, the reference solution passes them all). Kept out of the
 * parser so that loading lessons neither loads re2js nor reads files; the CLI's `lint` and the editor's diagnostics for
 * lessons run it with their own file reading. Pure.
 */
import type { Diagnostic, Lesson } from '../lessons/lesson';
import { createDiagnostic } from '../lessons/rules';
import { compileExercisePattern, runChecks } from './checks';
import type { Exercise } from './exercise';
import { resolveExercise, type ReadRelative } from './resolve';

function patternDiagnostics(exercise: Exercise, file: string): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	for (const check of exercise.checks) {
		const named = [...check.patterns.map((pattern, i) => ({ pattern, what: check.patterns.length > 1 ? `pattern ${i + 1}` : 'pattern' })),
			...(check.at !== undefined ? [{ pattern: check.at, what: '"at"' }] : [])];
		for (const { pattern, what } of named) {
			const compiled = compileExercisePattern(pattern);
			if (!compiled.ok) {
				const message = `exercise "${exercise.id}", check "${check.id}": ${what}: ${compiled.message}`;
				diagnostics.push(createDiagnostic(file, 'exercise-invalid-pattern', message, { line: check.line, column: 1 }));
			}
		}
	}
	return diagnostics;
}

/** Diagnostics for one exercise of the lesson file `file`, whose referenced files `read` reads. */
export async function lintExercise(exercise: Exercise, file: string, read: ReadRelative): Promise<Diagnostic[]> {
	const diagnostics = patternDiagnostics(exercise, file);
	const resolved = await resolveExercise(exercise, read, file);
	diagnostics.push(...resolved.diagnostics);
	if (!resolved.exercise || diagnostics.length > 0) {
		return diagnostics; // consistency means nothing with a pattern that cannot run or a file that is not there
	}
	if (runChecks(resolved.exercise, resolved.exercise.starterFiles).passed) {
		const message = `exercise "${exercise.id}": the starter passes every check, so there is nothing to fix; a check should fail on it`;
		diagnostics.push(createDiagnostic(file, 'exercise-starter-passes', message, { line: exercise.line, column: 1 }));
	}
	const solution = runChecks(resolved.exercise, resolved.exercise.solutionFiles);
	solution.results.forEach((result, index) => {
		if (!result.passed) {
			const message = `exercise "${exercise.id}": the reference solution fails check "${result.checkId}" (${result.file}:${result.line}:${result.column}: ${result.hint})`;
			diagnostics.push(createDiagnostic(file, 'exercise-solution-fails', message, { line: exercise.checks[index]?.line ?? exercise.line, column: 1 }));
		}
	});
	return diagnostics;
}

/** {@link lintExercise} for every exercise of a parsed lesson. */
export async function lintExercises(lesson: Lesson, file: string, read: ReadRelative): Promise<Diagnostic[]> {
	const all: Diagnostic[] = [];
	for (const exercise of lesson.exercises) {
		all.push(...await lintExercise(exercise, file, read));
	}
	return all;
}
