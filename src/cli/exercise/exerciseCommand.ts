/** `incident-lessons exercise list|write|check`: exercises of lesson files, for authors, leads and CI. */
import * as path from 'node:path';
import { lessonIdFromPath } from '../../core/catalog/catalog';
import { resolveExercise, runChecks, type ResolvedExercise } from '../../core/exercises';
import type { Lesson } from '../../core/lessons/lesson';
import { parseLesson } from '../../core/lessons/parseLesson';
import { findLessonFiles, localeFolder, readLessonText, type FoundFile } from '../files';
import { formatDiagnostic, oneLine, type CliOutput } from '../output';
import type { ExerciseCommand } from './exerciseArgs';
import { readExerciseFiles, writeExerciseFiles } from './exerciseFiles';
import { lessonFileReader } from './readRelative';

/** Reads and parses one lesson file, printing its errors (and warnings) to stderr; undefined when it has errors. */
async function loadLesson(file: FoundFile, output: CliOutput, warnings: boolean): Promise<Lesson | undefined> {
	const read = await readLessonText(file);
	const parsed = read.text === undefined
		? { diagnostics: read.diagnostics }
		: parseLesson(read.text, file.display, { expectedId: lessonIdFromPath(file.display), locale: localeFolder(file.absolute) ?? 'en' });
	for (const diagnostic of parsed.diagnostics) {
		if (warnings || diagnostic.severity === 'error') {
			output.stderr(`${formatDiagnostic(diagnostic)}\n`);
		}
	}
	return parsed.lesson;
}

/** `exercise list`: one `path: exercise-id: title` line per exercise; 1 when a lesson does not parse. */
async function list(paths: readonly string[], cwd: string, output: CliOutput): Promise<number> {
	const { files, problems } = await findLessonFiles(paths, cwd);
	let failed = problems.length > 0;
	for (const problem of problems) {
		output.stderr(`${formatDiagnostic(problem)}\n`);
	}
	for (const file of files) {
		const lesson = await loadLesson(file, output, false);
		failed ||= !lesson;
		for (const exercise of lesson?.exercises ?? []) {
			output.stdout(`${oneLine(`${file.display}: ${exercise.id}: ${exercise.title}`)}\n`);
		}
	}
	return failed ? 1 : 0;
}

/** The exercise `id` of the lesson file `lesson`, with its files read; undefined (after saying why) when it cannot be. */
async function loadExercise(lesson: string, id: string, cwd: string, output: CliOutput): Promise<ResolvedExercise | undefined> {
	const file = { display: lesson, absolute: path.resolve(cwd, lesson) };
	const parsed = await loadLesson(file, output, true);
	if (!parsed) {
		output.stderr(`incident-lessons: ${oneLine(lesson)} has errors; fix them first (incident-lessons lint)\n`);
		return undefined;
	}
	const exercise = parsed.exercises.find((e) => e.id === id);
	if (!exercise) {
		const known = parsed.exercises.map((e) => e.id).join(', ') || 'none';
		output.stderr(`incident-lessons: ${oneLine(`${lesson} has no exercise "${id}" (its exercises: ${known})`)}\n`);
		return undefined;
	}
	const resolved = await resolveExercise(exercise, lessonFileReader(file.absolute), lesson);
	for (const diagnostic of resolved.diagnostics) {
		output.stderr(`${formatDiagnostic(diagnostic)}\n`);
	}
	return resolved.exercise;
}

/** `exercise write`: 0 written, 1 refused (nothing written), 2 the exercise cannot be loaded. */
async function write(command: Extract<ExerciseCommand, { action: 'write' }>, cwd: string, output: CliOutput): Promise<number> {
	const exercise = await loadExercise(command.lesson, command.id, cwd, output);
	if (!exercise) {
		return 2;
	}
	const source = command.solution ? exercise.solutionFiles : exercise.starterFiles;
	const files = exercise.files.map((f) => ({ path: f.path, content: source.get(f.path) ?? '' }));
	const outcome = await writeExerciseFiles(path.resolve(cwd, command.dir), files, command.force);
	if (!outcome.ok) {
		for (const problem of outcome.problems) {
			output.stderr(`incident-lessons: ${oneLine(problem)}\n`);
		}
		return 1;
	}
	for (const file of outcome.written) {
		output.stdout(`${oneLine(`wrote ${path.join(command.dir, file)}`)}\n`);
	}
	for (const file of outcome.unchanged) {
		output.stdout(`${oneLine(`unchanged ${path.join(command.dir, file)}`)}\n`);
	}
	return 0;
}

/** `exercise check`: one line per check; 0 all pass, 1 one fails, 2 the exercise cannot be loaded. */
async function check(command: Extract<ExerciseCommand, { action: 'check' }>, cwd: string, output: CliOutput): Promise<number> {
	const exercise = await loadExercise(command.lesson, command.id, cwd, output);
	if (!exercise) {
		return 2;
	}
	const { files, notes } = await readExerciseFiles(path.resolve(cwd, command.dir), exercise.files.map((f) => f.path));
	for (const note of notes) {
		output.stderr(`incident-lessons: ${oneLine(note)}\n`);
	}
	const report = runChecks(exercise, files);
	for (const result of report.results) {
		output.stdout(`${oneLine(result.passed ? `pass: ${result.checkId}` : `fail: ${result.checkId}: ${result.hint}`)}\n`);
	}
	return report.passed ? 0 : 1;
}

/** Runs one `exercise` command; see {@link EXERCISE_USAGE} for the exit codes. */
export async function runExercise(command: ExerciseCommand, cwd: string, output: CliOutput): Promise<number> {
	switch (command.action) {
		case 'list':
			return list(command.paths, cwd, output);
		case 'write':
			return write(command, cwd, output);
		case 'check':
			return check(command, cwd, output);
	}
}
