import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { createAuditSchema } from '../lessonSamples/lessonSamples';
import { correctFixes, exerciseFile, variantSuites } from './exerciseHelpers';

const LESSON = 'long-dwell-intrusions';
const EXERCISE = 'alert-on-slow-drip';
const table = variantSuites(LESSON, EXERCISE, 'dripAlert.sql');

describe(`${LESSON}: the alert, run in PostgreSQL`, () => {
	const db = new PGlite();
	/** The two drips: a new account, and a clerk's account that normally reads little. */
	const EXPECTED = ['drip-clerk', 'drip-new'];

	/** One read of `rows` rows by `actor` every `step` over the last `span`, the latest 30 minutes ago. */
	const reads = (actor: string, rows: number, step: string, span: string): Promise<unknown> => db.query(
		`INSERT INTO audit_log (at, actor_id, action, dataset, row_count)
		 SELECT t, $1, 'customer_read', 'customers', $2
		 FROM generate_series(now() - interval '30 minutes' - $4::interval, now() - interval '30 minutes', $3::interval) AS t`,
		[actor, rows, step, span]);

	before(async () => {
		await createAuditSchema(db);
		await reads('drip-new', 200, '1 hour', '6 days 23 hours');   // 33,600 rows a week, never more than 200 at once
		await reads('drip-clerk', 100, '1 day', '34 days');
		await reads('drip-clerk', 200, '1 hour', '6 days 23 hours');
		await reads('report-svc', 20_000, '1 day', '34 days');  // a big but steady nightly report
		await reads('clerk', 100, '1 day', '34 days');
	});

	const alerted = async (sql: string): Promise<string[]> =>
		(await db.query<{ actor_id?: string }>(sql)).rows.map((r) => r.actor_id ?? '(no account)').sort();

	it('the starter pages for the steady report and for neither drip', async () => {
		assert.deepEqual(await alerted(exerciseFile(LESSON, 'starter', 'dripAlert.sql')), ['report-svc']);
	});

	for (const fix of correctFixes(LESSON, 'dripAlert.sql', table)) {
		it(`${fix.name}: pages for both drips and not for the steady accounts`, async () => {
			assert.deepEqual(await alerted(fix.text), EXPECTED);
		});
	}

	for (const variant of table.wrong) {
		it(`wrong variant ${variant.name}: misses a drip or pages for a steady account`, async () => {
			assert.notDeepEqual(await alerted(variant.text), EXPECTED);
		});
	}
});
