// Variant tables for a lesson's exercise: the starter fails, the reference solution passes, honest alternative fixes
// pass and plausible wrong fixes fail. One test file per lesson (test/unit/lessonExercises/<lesson-id>.test.ts) calls
// exerciseVariantSuite for lessons/en/<id>.md and lessons/ja/<id>.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveExercise, runChecks, type CheckReport, type ResolvedExercise } from '../../../src/core/exercises';
import { parseLesson } from '../../../src/core/lessons/parseLesson';
import { lessonFileReader } from '../../../src/cli/exercise/readRelative';

/** A learner's version of the exercise: path → full text; files not given are the starter's. */
export interface Variant {
	readonly name: string;
	readonly files: Readonly<Record<string, string>>;
}

/** Parses the lesson and resolves one exercise, failing with every diagnostic when that is not possible. */
export async function loadExercise(lessonFile: string, exerciseId: string): Promise<ResolvedExercise> {
	const absolute = path.resolve(lessonFile);
	const locale = path.basename(path.dirname(absolute));
	const parsed = parseLesson(readFileSync(absolute, 'utf8'), lessonFile, { expectedId: path.basename(absolute, '.md'), locale });
	const show = (list: readonly { line: number; message: string; code: string }[]): string => list.map((d) => `${d.line}: ${d.message} (${d.code})`).join('\n');
	assert.ok(parsed.lesson, `${lessonFile} does not parse:\n${show(parsed.diagnostics)}`);
	const exercise = parsed.lesson.exercises.find((e) => e.id === exerciseId);
	assert.ok(exercise, `${lessonFile} has no exercise "${exerciseId}" (it has: ${parsed.lesson.exercises.map((e) => e.id).join(', ') || 'none'})`);
	const resolved = await resolveExercise(exercise, lessonFileReader(absolute), lessonFile);
	assert.ok(resolved.exercise, `exercise "${exerciseId}" of ${lessonFile} cannot be resolved:\n${show(resolved.diagnostics)}`);
	return resolved.exercise;
}

function failing(report: CheckReport): string[] {
	return report.results.filter((r) => !r.passed).map((r) => r.checkId);
}

function withVariant(exercise: ResolvedExercise, variant: Variant): Map<string, string> {
	const files = new Map(exercise.starterFiles);
	for (const [file, text] of Object.entries(variant.files)) {
		assert.ok(files.has(file), `variant "${variant.name}" names "${file}", which is not a file of the exercise (${[...files.keys()].join(', ')})`);
		files.set(file, text);
	}
	return files;
}

/**
 * Registers node:test cases for one exercise: the starter fails, the solution passes, every right variant passes and
 * every wrong one fails (its title names the checks that caught it). Needs at least two right and three wrong variants.
 */
export function exerciseVariantSuite(lessonFile: string, exerciseId: string, table: { right: readonly Variant[]; wrong: readonly Variant[] }): void {
	describe(`exercise ${exerciseId} of ${lessonFile}`, async () => {
		const exercise = await loadExercise(lessonFile, exerciseId);
		it('has at least two right and three wrong variants', () => {
			assert.ok(table.right.length >= 2, `${table.right.length} right variants`);
			assert.ok(table.wrong.length >= 3, `${table.wrong.length} wrong variants`);
		});
		it('the starter fails a check', () => {
			assert.notDeepEqual(failing(runChecks(exercise, exercise.starterFiles)), []);
		});
		it('the reference solution passes every check', () => {
			assert.deepEqual(failing(runChecks(exercise, exercise.solutionFiles)), []);
		});
		for (const variant of table.right) {
			it(`right: ${variant.name} passes`, () => {
				assert.deepEqual(failing(runChecks(exercise, withVariant(exercise, variant))), [], `right variant "${variant.name}" fails`);
			});
		}
		for (const variant of table.wrong) {
			let caught: string[] = [];
			try {
				caught = failing(runChecks(exercise, withVariant(exercise, variant)));
			} catch {
				// reported by the test below
			}
			it(`wrong: ${variant.name} fails (caught by ${caught.join(', ') || 'nothing'})`, () => {
				assert.notDeepEqual(failing(runChecks(exercise, withVariant(exercise, variant))), [], `wrong variant "${variant.name}" passes every check`);
			});
		}
	});
}
