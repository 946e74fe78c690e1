// Variant tables kept as files: test/fixtures/exercises/<lesson-id>/<variant>.<ext>, each a full version of the
// exercise's one file, registered for both languages of the lesson.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, it } from 'node:test';
import { runChecks } from '../../../src/core/exercises';
import { exerciseVariantSuite, loadExercise } from '../helpers/exerciseVariants';

const root = join(import.meta.dirname, '..', '..', '..');

export interface FixtureTable {
	/** The text of a variant file, by its name without extension. */
	readonly read: (name: string) => string;
	/** The bundled starter and reference solution of the exercise's file. */
	readonly starter: string;
	readonly solution: string;
}

/** Registers the variant suite of `exerciseId` for lessons/en and lessons/ja, and returns the files for further tests. */
export function fixtureVariantTables(lessonId: string, exerciseId: string, file: string, table: { right: readonly string[]; wrong: readonly string[] }): FixtureTable {
	const read = (name: string): string => readFileSync(join(root, 'test', 'fixtures', 'exercises', lessonId, `${name}${extname(file)}`), 'utf8');
	const variant = (name: string): { name: string; files: Record<string, string> } => ({ name, files: { [file]: read(name) } });
	for (const language of ['en', 'ja']) {
		const lessonFile = join(root, 'lessons', language, `${lessonId}.md`);
		exerciseVariantSuite(lessonFile, exerciseId, { right: table.right.map(variant), wrong: table.wrong.map(variant) });
		it(`${exerciseId} of ${language}/${lessonId}.md: each of the starter's failures with a place points at the line it names`, async () => {
			const exercise = await loadExercise(lessonFile, exerciseId);
			const starter = exercise.starterFiles.get(file) ?? '';
			const placed = new Set(exercise.checks.filter((check) => check.kind === 'mustNot' || check.at !== undefined).map((check) => check.id));
			const failures = runChecks(exercise, exercise.starterFiles).results.filter((r) => !r.passed && placed.has(r.checkId));
			assert.notDeepEqual(failures, []);
			for (const failure of failures) {
				// Line 1 is the fallback for a place that matched nothing; the starters open with a comment header.
				assert.ok(failure.line > 1, `${failure.checkId} is reported at line ${failure.line}`);
				assert.notEqual((starter.split('\n')[failure.line - 1] ?? '').trim(), '', failure.checkId);
			}
		});
	}
	const bundled = (kind: string): string => readFileSync(join(root, 'lessons', 'exercises', lessonId, kind, file), 'utf8');
	return { read, starter: bundled('starter'), solution: bundled('solution') };
}

/**
 * Registers tests that read the files as data, independently of the lesson's text patterns: `meaning` holds for every
 * name in `holds` and fails for every name in `fails` ('starter' and 'solution' are the bundled files).
 */
export function meaningSuite(title: string, table: FixtureTable, meaning: (text: string) => boolean, names: { holds: readonly string[]; fails: readonly string[] }): void {
	const text = (name: string): string => (name === 'starter' ? table.starter : name === 'solution' ? table.solution : table.read(name));
	describe(title, () => {
		for (const [expected, list] of [[true, names.holds], [false, names.fails]] as const) {
			it(`${expected ? 'holds' : 'fails'} for ${list.join(', ')}`, () => {
				for (const name of list) {
					assert.equal(meaning(text(name)), expected, name);
				}
			});
		}
	});
}
