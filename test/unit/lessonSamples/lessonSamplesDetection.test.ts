import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { addAuditRows, auditInto, createAuditSchema, importTsSample, sample } from './lessonSamples';

const AXA = 'axa-non-life-unauthorized-access';
const LONG_DWELL = 'long-dwell-intrusions';
type Ctx = { actor: string; sourceIp: string };

const db = new PGlite();
const flagged = async (sql: string): Promise<string[]> => (await db.query<{ actor_id: string }>(sql)).rows.map((r) => r.actor_id).sort();
let customerRows = 0;

before(async () => {
	await createAuditSchema(db);
	Object.assign(globalThis, {
		audit: auditInto(db),
		repo: { findCustomers: () => Promise.resolve(Array.from({ length: customerRows }, (_, id) => ({ id }))) },
	});
});

describe('AXA and long-dwell lessons: small reads reach the cumulative detection', () => {
	type ReadCustomers = (ctx: Ctx, filter: { fields: string[] }) => Promise<unknown[]>;
	let readCustomers: ReadCustomers;
	before(async () => {
		({ readCustomers } = await importTsSample<{ readCustomers: ReadCustomers }>('axaRead'));
	});

	it('records a read of a handful of rows, with the sensitive fields it asked for', async () => {
		customerRows = 3;
		await readCustomers({ actor: 'clerk-1', sourceIp: '10.0.0.7' }, { fields: ['name', 'bank_account'] });
		const { rows } = await db.query('SELECT actor_id, action, dataset, row_count, source_ip, detail FROM audit_log WHERE actor_id = $1', ['clerk-1']);
		assert.deepEqual(rows, [{ actor_id: 'clerk-1', action: 'customer_read', dataset: 'customers', row_count: 3, source_ip: '10.0.0.7', detail: { sensitiveFields: ['bank_account'] } }]);
	});

	it('lets the weekly query flag an account that takes 100 rows at a time, and not a steady one', async () => {
		const usualWeeks = [8, 15, 22, 29].map((daysAgo) => ({ daysAgo, rowCount: 400 }));
		await addAuditRows(db, 'report-svc', 'customer_read', usualWeeks);
		await addAuditRows(db, 'steady-svc', 'customer_read', [...usualWeeks, { daysAgo: 1, rowCount: 450 }]);
		customerRows = 100;
		for (let read = 0; read < 80; read++) {
			await readCustomers({ actor: 'report-svc', sourceIp: '10.0.0.9' }, { fields: ['name'] });
		}
		assert.deepEqual(await flagged(sample(LONG_DWELL, 1, 'sql')), ['report-svc']);
	});

	it('lets the daily query flag a spike against the account\'s own 30 days, and accounts with no history', async () => {
		// report-svc read 8,000 rows today against a 400-row day; clerk-1 has no earlier reads at all.
		assert.deepEqual(await flagged(sample(AXA, 1, 'sql')), ['clerk-1', 'report-svc']);
	});
});

describe('long-dwell lesson: reads recorded by name, canaries opened by id', () => {
	it('records every read with the query name, never raw SQL', async () => {
		const { recordRead } = await importTsSample<{ recordRead: (ctx: Ctx, name: string, rows: number) => Promise<void> }>('longDwellRecord');
		await recordRead({ actor: 'support-3', sourceIp: '10.0.1.2' }, 'customers.byPostcode', 2);
		const { rows } = await db.query('SELECT action, row_count, detail FROM audit_log WHERE actor_id = $1', ['support-3']);
		assert.deepEqual(rows, [{ action: 'customer_read', row_count: 2, detail: { query: 'customers.byPostcode' } }]);
	});

	it('alerts on a canary opened by id, not on bulk jobs, bulk reads or real customers', async () => {
		await db.exec(`CREATE TABLE canary_customers (customer_id bigint PRIMARY KEY); INSERT INTO canary_customers VALUES (900001);`);
		const view = (actor: string, action: string, customerId: number): Promise<unknown> => db.query(
			'INSERT INTO audit_log (actor_id, action, row_count, detail) VALUES ($1, $2, 1, $3)', [actor, action, JSON.stringify({ customer_id: customerId })]);
		await view('support-9', 'customer_view', 900001);
		await view('svc-backup', 'customer_view', 900001);
		await view('report-svc', 'customer_read', 900001);
		await view('support-4', 'customer_view', 17);
		assert.deepEqual(await flagged(sample(LONG_DWELL, 2, 'sql')), ['support-9']);
	});
});

describe('AXA lesson: retention of quote requests', () => {
	it('deletes quotes older than 12 months that never became a policy, and keeps the rest', async () => {
		await db.exec(`CREATE TABLE quote_requests (id int PRIMARY KEY, created_at timestamptz NOT NULL);
			CREATE TABLE policies (id int PRIMARY KEY, quote_request_id int);
			INSERT INTO quote_requests VALUES (1, now() - interval '13 months'), (2, now() - interval '13 months'), (3, now() - interval '11 months');
			INSERT INTO policies VALUES (10, 2);`);
		await db.exec(sample(AXA, 2, 'sql'));
		assert.deepEqual((await db.query<{ id: number }>('SELECT id FROM quote_requests ORDER BY id')).rows.map((r) => r.id), [2, 3]);
	});
});
