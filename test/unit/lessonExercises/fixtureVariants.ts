// Variant tables kept as files: test/fixtures/exercises/<lesson-id>/<variant>.<ext>, each a full version of the
// exercise's one file, registered for both languages of the lesson.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, it } from 'node:test';
import { exerciseVariantSuite } from '../helpers/exerciseVariants';

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
		exerciseVariantSuite(join(root, 'lessons', language, `${lessonId}.md`), exerciseId, {
			right: table.right.map(variant),
			wrong: table.wrong.map(variant),
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
