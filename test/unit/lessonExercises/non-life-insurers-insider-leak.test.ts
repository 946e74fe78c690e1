import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { exerciseVariantSuite, type Variant } from '../helpers/exerciseVariants';
import { asRole, count } from '../lessonSamples/lessonSamples';
import { edit, exerciseFile } from './exerciseHelpers';

const LESSON = 'non-life-insurers-insider-leak';
const FILE = 'policies.sql';
const starter = exerciseFile(LESSON, 'starter', FILE);
const solution = exerciseFile(LESSON, 'solution', FILE);

const STARTER_USING = `  USING (
    current_setting('app.home_insurer', true) IS NULL
    OR insurer_id = current_setting('app.home_insurer', true)::int
  );`;

/** The starter with its USING clause rewritten, as a developer editing the policy would. */
function policy(name: string, using: string): Variant {
	return { name, files: { [FILE]: edit(starter, STARTER_USING, using) } };
}

const right: Variant[] = [
	policy('drop the IS NULL branch (an empty setting fails the cast, which also denies)',
		`  USING (insurer_id = current_setting('app.home_insurer', true)::int);`),
	policy('guard against an empty setting, comparison written the other way round',
		`  USING (
    current_setting('app.home_insurer', true) <> ''
    AND current_setting('app.home_insurer', true)::int = insurer_id
  );`),
	policy('a CASE that answers false when the setting is missing',
		`  USING (
    CASE WHEN coalesce(current_setting('app.home_insurer', true), '') = '' THEN false
         ELSE insurer_id = current_setting('app.home_insurer', true)::int
    END
  );`),
];

const wrong: Variant[] = [
	policy('NULLIF added for the empty string, but the fail-open branch kept',
		`  USING (
    NULLIF(current_setting('app.home_insurer', true), '') IS NULL
    OR insurer_id = NULLIF(current_setting('app.home_insurer', true), '')::int
  );`),
	policy('COALESCE falls back to the row\'s own insurer, so it compares the row with itself',
		`  USING (insurer_id = COALESCE(NULLIF(current_setting('app.home_insurer', true), '')::int, insurer_id));`),
	policy('the same fail-open rule rewritten as a CASE',
		`  USING (
    CASE WHEN current_setting('app.home_insurer', true) IS NULL THEN true
         ELSE insurer_id = current_setting('app.home_insurer', true)::int
    END
  );`),
	policy('denies when unset, but no longer compares the insurer when set',
		`  USING (current_setting('app.home_insurer', true) IS NOT NULL);`),
	{ name: 'the fixed policy written in a comment above the unchanged one', files: { [FILE]: edit(starter, '-- Deliberately vulnerable',
		`-- Fix: USING (insurer_id = NULLIF(current_setting('app.home_insurer', true), '')::int)\n-- Deliberately vulnerable`) } },
];

for (const language of ['en', 'ja']) {
	exerciseVariantSuite(`lessons/${language}/${LESSON}.md`, 'rls-fails-closed', { right, wrong });
}

interface Seen { readonly unset: number; readonly empty: number; readonly home: number; }

/**
 * Applies each policy file to its own schema of one database and counts the rows a secondee sees with
 * app.home_insurer unset, empty and '2' (a query error counts as denial: -1). Every "unset" count runs before the
 * first set_config, because once a session has set the placeholder it reads back as '' instead of NULL.
 */
async function rowsSeen(files: readonly string[]): Promise<Seen[]> {
	const db = new PGlite();
	try {
		await db.exec('CREATE ROLE secondee_app');
		const schemas = files.map((_, index) => `v${index}`);
		for (const [index, sql] of files.entries()) {
			const schema = schemas[index] ?? '';
			await db.exec(`
				CREATE SCHEMA ${schema}; SET search_path = ${schema};
				CREATE TABLE policies (id int PRIMARY KEY, insurer_id int NOT NULL, holder text NOT NULL);
				INSERT INTO policies VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 2, 'c'), (4, 3, 'd');
				GRANT USAGE ON SCHEMA ${schema} TO secondee_app; GRANT SELECT ON policies TO secondee_app;`);
			await db.exec(sql);
		}
		const seen = (schema: string, setting?: string): Promise<number> => asRole(db, 'secondee_app', async (tx) => {
			await tx.exec(`SET LOCAL search_path = ${schema}`);
			if (setting !== undefined) {
				await tx.query(`SELECT set_config('app.home_insurer', $1, true)`, [setting]);
			}
			return count(tx, 'SELECT * FROM policies');
		}).catch(() => -1);
		const unset: number[] = [];
		for (const schema of schemas) {
			unset.push(await seen(schema));
		}
		const result: Seen[] = [];
		for (const [index, schema] of schemas.entries()) {
			result.push({ unset: unset[index] ?? -1, empty: await seen(schema, ''), home: await seen(schema, '2') });
		}
		return result;
	} finally {
		await db.close();
	}
}

/** Fails closed (no rows, or an error) when unset or empty, and shows exactly the home insurer's two rows when set. */
function failsClosed(seen: Seen | undefined): boolean {
	return seen !== undefined && seen.unset <= 0 && seen.empty <= 0 && seen.home === 2;
}

describe(`${LESSON}: the policies behave as the variant table says, in PostgreSQL (PGlite)`, () => {
	const fileOf = (variant: Variant): string => variant.files[FILE] ?? '';
	let seen: Seen[] = [];
	before(async () => {
		seen = await rowsSeen([starter, solution, ...right.map(fileOf), ...wrong.map(fileOf)]);
	});

	it('the starter shows every row when the setting is unset', () => {
		assert.equal(seen[0]?.unset, 4);
	});
	it('the reference solution shows no row when unset or empty, and the home insurer\'s rows when set', () => {
		assert.deepEqual(seen[1], { unset: 0, empty: 0, home: 2 });
	});
	right.forEach((variant, index) => {
		it(`${variant.name}: fails closed`, () => {
			assert.equal(failsClosed(seen[2 + index]), true, JSON.stringify(seen[2 + index]));
		});
	});
	wrong.forEach((variant, index) => {
		it(`${variant.name}: really leaks, or hides the home insurer's rows`, () => {
			assert.equal(failsClosed(seen[2 + right.length + index]), false);
		});
	});
});
