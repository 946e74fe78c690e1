/**
 * What the lesson-exercise tests share: the bundled lesson files, an exercise's starter and solution files, the
 * variant fixtures, and a PostgreSQL sandbox whose changes (roles included) are rolled back after each variant.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe } from 'node:test';
import { type PGlite } from '@electric-sql/pglite';
import { exerciseVariantSuite, type Variant } from '../helpers/exerciseVariants';

const root = join(import.meta.dirname, '..', '..', '..');


/** A file of the exercise's shared code: `lessons/exercises/<lesson-id>/<starter|solution>/<path>`. */
export function exerciseFile(lessonId: string, kind: 'starter' | 'solution', path: string): string {
	return readFileSync(join(root, 'lessons', 'exercises', lessonId, kind, path), 'utf8');
}

/**
 * The variant table of an exercise whose variants each replace the learner file `path`: every
 * `test/fixtures/exercises/<lesson-id>/{right,wrong}-<name>.<ext>` becomes a variant named `<name>`. Registers the
 * table's suite for the English and the Japanese lesson, and returns it for the tests that run the code.
 */
export function variantSuites(lessonId: string, exerciseId: string, path: string): VariantTable {
	const dir = join(root, 'test', 'fixtures', 'exercises', lessonId);
	const table: VariantTable = { right: [], wrong: [] };
	for (const name of readdirSync(dir).sort()) {
		const match = /^(right|wrong)-(.+)\.[a-z]+$/.exec(name);
		if (match?.[1] === 'right' || match?.[1] === 'wrong') {
			table[match[1]].push({ name: match[2] ?? name, text: readFileSync(join(dir, name), 'utf8') });
		}
	}
	const asVariants = (list: readonly Fix[]): Variant[] => list.map((fix) => ({ name: fix.name, files: { [path]: fix.text } }));
	for (const language of ['en', 'ja']) {
		describe(`${lessonId} (${language}): ${exerciseId}`, () => {
			exerciseVariantSuite(join(root, 'lessons', language, `${lessonId}.md`), exerciseId, { right: asVariants(table.right), wrong: asVariants(table.wrong) });
		});
	}
	return table;
}

/** One version of the learner file. */
export interface Fix {
	readonly name: string;
	readonly text: string;
}

export interface VariantTable {
	readonly right: Fix[];
	readonly wrong: Fix[];
}

/** The reference solution's `path` and every right variant: the versions that must behave correctly. */
export function correctFixes(lessonId: string, path: string, table: VariantTable): Fix[] {
	return [{ name: 'reference solution', text: exerciseFile(lessonId, 'solution', path) },
		...table.right.map((fix) => ({ name: `right variant ${fix.name}`, text: fix.text }))];
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

let moduleDir: string | undefined;

/** Imports TypeScript source as a module (tsx compiles it), from a fresh file so each variant loads on its own. */
export async function importSource<T>(name: string, source: string): Promise<T> {
	moduleDir ??= mkdtempSync(join(tmpdir(), 'lesson-exercises-'));
	const file = join(moduleDir, `${name.replace(/[^\w-]/g, '_')}.ts`);
	writeFileSync(file, source);
	return await import(pathToFileURL(file).href) as T;
}
