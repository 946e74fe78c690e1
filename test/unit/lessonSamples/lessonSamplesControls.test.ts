import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { addAuditRows, asRole, createAuditSchema, importTsSample, recordingAudit, sample } from './lessonSamples';

const LESSON = 'controls-that-stop-leaks';
const db = new PGlite();
before(async () => {
	await createAuditSchema(db);
});

describe('controls lesson: the audit table is append-only for the application', () => {
	it('lets app_user insert records, but not read, change, remove or truncate them', async () => {
		await asRole(db, 'app_user', (tx) => tx.query(`INSERT INTO audit_log (actor_id, action) VALUES ('u1', 'customer_read')`));
		for (const statement of ['SELECT * FROM audit_log', `UPDATE audit_log SET row_count = 0`, 'DELETE FROM audit_log', 'TRUNCATE audit_log', 'DROP TABLE audit_log']) {
			await assert.rejects(asRole(db, 'app_user', (tx) => tx.query(statement)), /permission denied|must be owner/, statement);
		}
	});

	it('shows why the owner matters: an owning app_user grants itself back what REVOKE took', async () => {
		await db.exec(`CREATE TABLE owned_log (n int); INSERT INTO owned_log VALUES (1); ALTER TABLE owned_log OWNER TO app_user;
			REVOKE UPDATE, DELETE, TRUNCATE ON owned_log FROM app_user;`);
		await asRole(db, 'app_user', async (tx) => {
			await tx.exec('GRANT DELETE ON owned_log TO app_user; DELETE FROM owned_log;');
		});
		assert.equal((await db.query('SELECT * FROM owned_log')).rows.length, 0);
	});
});

describe('controls lesson: capped, audited exports', () => {
	type Actor = { id: string; allowedOwners: string[]; can(permission: string): boolean };
	type Export = (db: unknown, actor: Actor, region: string, reason: string) => Promise<{ id: number }[]>;
	let sampleModule: { exportCustomers: Export; NeedsApproval: new () => Error; Forbidden: new () => Error };
	const appDb = {
		transaction: <T>(body: (tx: { query(sql: string, params?: unknown[]): Promise<unknown[]> }) => Promise<T>): Promise<T> =>
			asRole(db, 'app_user', (tx) => body({ query: async (sql, params) => (await tx.query(sql, params)).rows })),
	};
	const actor = (id: string, canExport = true): Actor => ({ id, allowedOwners: ['agency'], can: () => canExport });
	const auditOf = async (actorId: string): Promise<{ action: string; row_count: number; detail: Record<string, unknown> }[]> =>
		(await db.query<{ action: string; row_count: number; detail: Record<string, unknown> }>(
			'SELECT action, row_count, detail FROM audit_log WHERE actor_id = $1 ORDER BY id', [actorId])).rows;

	before(async () => {
		await db.exec(`CREATE TABLE customers (id bigint PRIMARY KEY, name text, email text, owner_company text, region text);
			INSERT INTO customers SELECT n, 'c' || n, n || '@x.example', 'agency', CASE WHEN n <= 3 THEN 'tohoku' ELSE 'kanto' END
			FROM generate_series(1, 603) AS n;
			GRANT SELECT ON customers TO app_user;`);
		sampleModule = await importTsSample('controlsExport');
	});

	it('exports up to the cap and records which customers left, in the same transaction', async () => {
		const rows = await sampleModule.exportCustomers(appDb, actor('e1'), 'tohoku', 'renewal letters for Q3');
		assert.deepEqual(rows.map((r) => Number(r.id)), [1, 2, 3]);
		assert.deepEqual(await auditOf('e1'), [{ action: 'customer_export', row_count: 3, detail: { region: 'tohoku', reason: 'renewal letters for Q3', customer_ids: [1, 2, 3] } }]);
	});

	it('refuses an export over the cap and still leaves a committed audit record of the attempt', async () => {
		await assert.rejects(sampleModule.exportCustomers(appDb, actor('e2'), 'kanto', 'renewal letters for Q3'), sampleModule.NeedsApproval);
		const records = await auditOf('e2');
		assert.equal(records.length, 1);
		assert.equal(records[0]?.action, 'export_refused');
		assert.equal(records[0]?.row_count, 0);
	});

	it('refuses an actor without the permission before reading anything', async () => {
		await assert.rejects(sampleModule.exportCustomers(appDb, actor('e3', false), 'tohoku', 'renewal letters for Q3'), sampleModule.Forbidden);
	});
});

describe('controls lesson: access review and volume monitoring queries', () => {
	before(async () => {
		await db.exec(`CREATE TABLE users (id text PRIMARY KEY, name text, employer text);
			CREATE TABLE grants (user_id text, permission text, granted_at date);
			INSERT INTO users VALUES ('u-used', 'Used', 'agency'), ('u-idle', 'Idle', 'insurer-b');
			INSERT INTO grants VALUES ('u-used', 'customers:export', '2024-01-01'), ('u-idle', 'customers:export', '2024-02-01');`);
		await addAuditRows(db, 'u-used', 'customer_export', [{ daysAgo: 3, rowCount: 40 }]);
	});

	it('lists never-used export rights first', async () => {
		const { rows } = await db.query<{ name: string; last_export: Date | null }>(sample(LESSON, 0, 'sql'));
		assert.deepEqual(rows.map((r) => [r.name, r.last_export === null]), [['Idle', true], ['Used', false]]);
	});

	it('flags today\'s volume far above the account\'s own baseline, and a new account over 1,000 rows', async () => {
		const history = Array.from({ length: 20 }, (_, i) => ({ daysAgo: i + 1, rowCount: 100 }));
		await addAuditRows(db, 'steady', 'customer_read', [...history, { daysAgo: 0, rowCount: 150 }]);
		await addAuditRows(db, 'spike', 'customer_read', [...history, { daysAgo: 0, rowCount: 1_200 }]);
		await addAuditRows(db, 'newcomer', 'customer_export', [{ daysAgo: 0, rowCount: 1_001 }]);
		const { rows } = await db.query<{ actor_id: string }>(sample(LESSON, 6, 'sql'));
		assert.deepEqual(rows.map((r) => r.actor_id).sort(), ['newcomer', 'spike']);
	});
});

describe('controls lesson: leaver deprovisioning and the read rate limit', () => {
	const audit = recordingAudit();
	before(() => {
		Object.assign(globalThis, { audit });
	});

	it('disables every account of a leaver, revokes its sessions and records it', async () => {
		const calls: string[] = [];
		const account = (name: string): object => ({
			disable: () => { calls.push(`disable ${name}`); return Promise.resolve(); },
			revokeSessionsAndTokens: () => { calls.push(`revoke ${name}`); return Promise.resolve(); },
		});
		Object.assign(globalThis, { directory: { accountsFor: () => Promise.resolve([account('sso'), account('vpn')]) } });
		const { onEmploymentEnded } = await importTsSample<{ onEmploymentEnded: (id: string) => Promise<void> }>('controlsLeaver');
		await onEmploymentEnded('emp-7');
		assert.deepEqual(calls, ['disable sso', 'revoke sso', 'disable vpn', 'revoke vpn']);
		assert.deepEqual(audit.events.at(-1), { actorId: 'hr-offboarding', action: 'leaver_deprovisioned', detail: { employeeId: 'emp-7', accounts: 2 } });
	});

	it('refuses reads over 2,000 rows an hour, records the refusal, and allows again after the window', async () => {
		const { allowRead } = await importTsSample<{ allowRead: (user: string, rows: number, now?: number) => boolean }>('controlsRateLimit');
		const start = 1_000_000;
		assert.equal(allowRead('pager', 1_500, start), true);
		assert.equal(allowRead('pager', 600, start + 1_000), false);
		assert.deepEqual(audit.events.at(-1), { actorId: 'pager', action: 'read_limit_hit', rowCount: 600, detail: { used: 1_500 } });
		assert.equal(allowRead('pager', 500, start + 2_000), true);
		assert.equal(allowRead('pager', 1_900, start + 60 * 60 * 1000 + 1), false, 'the 500 rows are still in the window');
		assert.equal(allowRead('pager', 1_900, start + 60 * 60 * 1000 + 2_001), true);
	});
});

describe('leaver and incident-response lessons: queries over the same audit_log', () => {
	before(async () => {
		await db.exec(`CREATE TABLE employees (id text PRIMARY KEY, leaving_on date);
			INSERT INTO employees VALUES ('leaver', current_date + 20), ('stayer', NULL);`);
		await addAuditRows(db, 'leaver', 'customer_export', [{ daysAgo: 1, rowCount: 300 }, { daysAgo: 2, rowCount: 250 }, { daysAgo: 9, rowCount: 5_000 }]);
		await addAuditRows(db, 'stayer', 'customer_export', [{ daysAgo: 1, rowCount: 900 }]);
	});

	it('flags a person with a leaving date who exported over 500 rows in 7 days', async () => {
		const { rows } = await db.query<{ actor_id: string; rows_exported: number }>(sample('leaver-usb-customer-db', 1, 'sql'));
		assert.deepEqual(rows.map((r) => [r.actor_id, Number(r.rows_exported)]), [['leaver', 550]]);
	});

	it('counts the distinct customers an account exported in a window, from the export records\' customer_ids', async () => {
		const exported = (ids: number[], at: string): Promise<unknown> => db.query(
			`INSERT INTO audit_log (at, actor_id, action, row_count, detail) VALUES ($1, 'suspect', 'customer_export', $2, $3)`,
			[at, ids.length, JSON.stringify({ customer_ids: ids })]);
		await exported([1, 2, 3], '2025-04-01T10:00:00Z');
		await exported([3, 4], '2025-04-02T10:00:00Z');
		await exported([9], '2025-05-30T10:00:00Z');
		await db.query(`INSERT INTO audit_log (at, actor_id, action, detail) VALUES ('2025-04-03T10:00:00Z', 'suspect', 'export_refused', '{"limit": 500}')`);
		const { rows } = await db.query<{ customers: number; first_seen: Date; last_seen: Date }>(sample('incident-response-appi', 0, 'sql'),
			['suspect', '2025-03-19T00:00:00Z', '2025-04-21T23:59:59Z']);
		assert.equal(Number(rows[0]?.customers), 4);
		assert.equal(rows[0]?.first_seen.toISOString(), '2025-04-01T10:00:00.000Z');
		assert.equal(rows[0]?.last_seen.toISOString(), '2025-04-02T10:00:00.000Z');
	});
});
