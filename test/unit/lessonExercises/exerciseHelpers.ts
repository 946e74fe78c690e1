/**
 * What the lesson-exercise tests share: the bundled exercise files, variant tables (built by editing the starter or
 * kept as files under test/fixtures/exercises/<lesson-id>/), loading a TypeScript version as a module so a test can
 * run it instead of only matching it, and a PostgreSQL sandbox whose changes (roles included) are rolled back.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, it } from 'node:test';
import { type PGlite } from '@electric-sql/pglite';
import { runChecks } from '../../../src/core/exercises';
import { exerciseVariantSuite, loadExercise, type Variant } from '../helpers/exerciseVariants';

const root = join(import.meta.dirname, '..', '..', '..');
const LANGUAGES = ['en', 'ja'] as const;

/** `lessons/<language>/<lessonId>.md`. */
function lessonFile(lessonId: string, language: string): string {
	return join(root, 'lessons', language, `${lessonId}.md`);
}

/** `test/fixtures/exercises/<lessonId>/<file>`: one variant kept as a file. */
function fixtureFile(lessonId: string, file: string): string {
	return readFileSync(join(root, 'test', 'fixtures', 'exercises', lessonId, file), 'utf8');
}

/** A file of the exercise's shared code: `lessons/exercises/<lessonId>/<starter|solution>/<path>`. */
export function exerciseFile(lessonId: string, kind: 'starter' | 'solution', path: string): string {
	return readFileSync(join(root, 'lessons', 'exercises', lessonId, kind, path), 'utf8');
}

/** `text` with `from` replaced by `to`; throws when `from` is not in it, so a variant cannot silently equal its base. */
export function edit(text: string, from: string, to: string): string {
	if (!text.includes(from)) {
		throw new Error(`variant base does not contain: ${from}`);
	}
	return text.replace(from, to);
}

/** Makes variants of `file`: each one named `name`, its text `base` with each [from, to] edit applied in turn. */
export function editedVariants(file: string, base: string): (name: string, ...edits: readonly (readonly [string, string])[]) => Variant {
	return (name, ...edits) => ({ name, files: { [file]: edits.reduce((text, [from, to]) => edit(text, from, to), base) } });
}

/** `run` over the starter, the solution and each variant's `file`, keyed by "starter", "solution" and variant name. */
export async function outcomes<T>(
	file: string, starter: string, solution: string, variants: readonly Variant[], run: (text: string) => Promise<T>,
): Promise<Map<string, T>> {
	const results = new Map<string, T>([['starter', await run(starter)], ['solution', await run(solution)]]);
	for (const { name, files } of variants) {
		results.set(name, await run(files[file] ?? ''));
	}
	return results;
}

export { importTs } from '../helpers/importTs';

/** One version of the learner file. */
export interface Fix {
	readonly name: string;
	readonly text: string;
}

export interface VariantTable {
	readonly right: Fix[];
	readonly wrong: Fix[];
}

/**
 * The variant table of an exercise whose variants each replace the learner file `path`: every
 * `test/fixtures/exercises/<lesson-id>/{right,wrong}-<name>.<ext>` becomes a variant named `<name>`. Registers the
 * table's suite for the English and the Japanese lesson, and returns it for the tests that run the code.
 */
export function variantSuites(lessonId: string, exerciseId: string, path: string): VariantTable {
	const table: VariantTable = { right: [], wrong: [] };
	for (const name of readdirSync(join(root, 'test', 'fixtures', 'exercises', lessonId)).sort()) {
		const match = /^(right|wrong)-(.+)\.[a-z]+$/.exec(name);
		if (match?.[1] === 'right' || match?.[1] === 'wrong') {
			table[match[1]].push({ name: match[2] ?? name, text: fixtureFile(lessonId, name) });
		}
	}
	const asVariants = (list: readonly Fix[]): Variant[] => list.map((fix) => ({ name: fix.name, files: { [path]: fix.text } }));
	for (const language of LANGUAGES) {
		describe(`${lessonId} (${language}): ${exerciseId}`, () => {
			exerciseVariantSuite(lessonFile(lessonId, language), exerciseId, { right: asVariants(table.right), wrong: asVariants(table.wrong) });
		});
	}
	return table;
}

/** The reference solution's `path` and every right variant: the versions that must behave correctly. */
export function correctFixes(lessonId: string, path: string, table: VariantTable): Fix[] {
	return [{ name: 'reference solution', text: exerciseFile(lessonId, 'solution', path) },
		...table.right.map((fix) => ({ name: `right variant ${fix.name}`, text: fix.text }))];
}

export interface FixtureTable {
	/** The text of a variant file, by its name without extension. */
	readonly read: (name: string) => string;
	/** The bundled starter and reference solution of the exercise's file. */
	readonly starter: string;
	readonly solution: string;
}

/**
 * Registers the variant suite of `exerciseId` (variants named by their fixture file, without extension) for the
 * English and the Japanese lesson, plus a test that the starter's failures point at real lines; returns the files.
 */
export function fixtureVariantTables(lessonId: string, exerciseId: string, file: string, table: { right: readonly string[]; wrong: readonly string[] }): FixtureTable {
	const read = (name: string): string => fixtureFile(lessonId, `${name}${extname(file)}`);
	const variant = (name: string): Variant => ({ name, files: { [file]: read(name) } });
	for (const language of LANGUAGES) {
		const lesson = lessonFile(lessonId, language);
		exerciseVariantSuite(lesson, exerciseId, { right: table.right.map(variant), wrong: table.wrong.map(variant) });
		it(`${exerciseId} of ${language}/${lessonId}.md: each of the starter's failures with a place points at the line it names`, async () => {
			const exercise = await loadExercise(lesson, exerciseId);
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
	return { read, starter: exerciseFile(lessonId, 'starter', file), solution: exerciseFile(lessonId, 'solution', file) };
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

/** Runs `body` inside a transaction that is always rolled back, so each variant starts from an empty database. */
export async function rolledBack<T>(db: PGlite, body: () => Promise<T>): Promise<T> {
	await db.exec('BEGIN');
	try {
		return await body();
	} finally {
		await db.exec('ROLLBACK');
	}
}

/** Whether `role` may run `sql` (inside {@link rolledBack}); the statement's effects are undone either way. */
export async function allowed(db: PGlite, role: string, sql: string): Promise<boolean> {
	await db.exec('SAVEPOINT probe');
	try {
		await db.exec(`SET LOCAL ROLE ${role}; ${sql}`);
		return true;
	} catch (error) {
		if (!/permission denied|must be owner/.test(String(error))) {
			throw error;
		}
		return false;
	} finally {
		await db.exec('ROLLBACK TO SAVEPOINT probe');
	}
}
