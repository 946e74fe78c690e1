import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { addAuditRows, createAuditSchema } from '../lessonSamples/lessonSamples';
import { correctFixes, exerciseFile, variantSuites } from './exerciseHelpers';

const LESSON = 'axa-non-life-unauthorized-access';
const EXERCISE = 'alert-on-accounts-without-history';
const table = variantSuites(LESSON, EXERCISE, 'bulkReadAlert.sql');

const days = (from: number, to: number, rowCount: number): { daysAgo: number; rowCount: number }[] =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ daysAgo: from + i, rowCount }));

describe(`${LESSON}: the alert, run in PostgreSQL`, () => {
	const db = new PGlite();
	/** The accounts that must page someone: a new account reading in bulk, and a clerk far above their own average. */
	const EXPECTED = ['clerk-2', 'new-account'];

	before(async () => {
		await createAuditSchema(db);
		await addAuditRows(db, 'new-account', 'customer_export', [{ daysAgo: 0, rowCount: 40_000 }]);
		await addAuditRows(db, 'report-svc', 'customer_read', days(0, 30, 20_000));   // reads a lot, every day
		await addAuditRows(db, 'clerk-1', 'customer_read', days(0, 30, 50));
		await addAuditRows(db, 'clerk-2', 'customer_read', [...days(1, 30, 500), { daysAgo: 0, rowCount: 40_000 }]);
	});

	const alerted = async (sql: string): Promise<string[]> =>
		(await db.query<{ actor_id: string }>(sql)).rows.map((r) => r.actor_id).sort();

	it('the starter misses the new account', async () => {
		assert.deepEqual(await alerted(exerciseFile(LESSON, 'starter', 'bulkReadAlert.sql')), ['clerk-2']);
	});

	for (const fix of correctFixes(LESSON, 'bulkReadAlert.sql', table)) {
		it(`${fix.name}: pages for the new account and the clerk, not for the busy report account`, async () => {
			assert.deepEqual(await alerted(fix.text), EXPECTED);
		});
	}

	for (const variant of table.wrong) {
		it(`wrong variant ${variant.name}: misses an account or pages for a normal one`, async () => {
			assert.notDeepEqual(await alerted(variant.text), EXPECTED);
		});
	}
});
