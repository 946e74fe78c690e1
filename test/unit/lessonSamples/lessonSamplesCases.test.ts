import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { asRole, importTsSample, recordingAudit, sample } from './lessonSamples';

const db = new PGlite();

describe('design-drawings lesson: partner accounts and file-server monitoring', () => {
	const LESSON = 'design-drawings-supply-chain';

	it('lists enabled partner accounts that are expired, never used or dormant for 90 days', async () => {
		await db.exec(`CREATE TABLE partner_accounts (account_id text PRIMARY KEY, partner text, expires_on date, enabled boolean);
			CREATE TABLE logins (account_id text, at timestamptz);
			INSERT INTO partner_accounts VALUES ('active', 'p', current_date + 30, true), ('expired', 'p', current_date - 1, true),
				('never', 'p', current_date + 30, true), ('dormant', 'p', current_date + 30, true), ('disabled', 'p', current_date - 9, false);
			INSERT INTO logins VALUES ('active', now() - interval '2 days'), ('expired', now() - interval '2 days'), ('dormant', now() - interval '91 days');`);
		const { rows } = await db.query<{ account_id: string }>(sample(LESSON, 1, 'sql'));
		assert.deepEqual(rows.map((r) => r.account_id).sort(), ['dormant', 'expired', 'never']);
	});

	it('counts reads of partner-shared confidential files, ignores the listed backup account, and alerts above the limit', async () => {
		type Event = { at: Date; account: string; path: string; action: string; label: string };
		const { bulkConfidentialReads } = await importTsSample<{ bulkConfidentialReads: (events: Event[], limit?: number) => Map<string, number> }>('designMonitor');
		const reads = (account: string, label: string, n: number): Event[] => Array.from({ length: n }, (_, i) =>
			({ at: new Date(Date.UTC(2025, 3, 1, 2, i % 60)), account, path: `/projects/PX-204/shared-with-partner/${i}.dwg`, action: 'read', label }));
		const result = bulkConfidentialReads([
			...reads('kim@partner-a.example', 'confidential-shared', 201),
			...reads('eng-1', 'confidential', 150),
			...reads('svc-backup', 'confidential', 5_000),
			...reads('intern', 'internal', 900),
		]);
		assert.deepEqual([...result], [['kim@partner-a.example 2025-04-01T02', 201]]);
	});
});

describe('ransomware lesson: what least privilege on the database does and does not stop', () => {
	before(async () => {
		await db.exec(`CREATE TABLE customers (id int PRIMARY KEY, name text, email text, phone text, bank_account text, updated_at timestamptz);
			CREATE TABLE orders (id int PRIMARY KEY, customer_id int, status text, total int, updated_at timestamptz);
			CREATE VIEW customers_masked AS SELECT id, name, email FROM customers;
			INSERT INTO customers VALUES (1, 'a', 'a@x.example', '1', '123', now()), (2, 'b', 'b@x.example', '2', '456', now());
			INSERT INTO orders VALUES (1, 1, 'new', 100, now()), (2, 2, 'paid', 200, now());`);
		await db.exec(sample('ransomware-via-email', 0, 'sql'));
	});

	it('lets the application change only the columns it needs, and never delete, truncate or drop', async () => {
		await asRole(db, 'orders_app', (tx) => tx.query(`UPDATE orders SET status = 'shipped', updated_at = now() WHERE id = 1`));
		for (const statement of ['UPDATE orders SET total = 0', 'UPDATE customers SET bank_account = NULL', 'DELETE FROM orders', 'TRUNCATE customers', 'DROP TABLE orders']) {
			await assert.rejects(asRole(db, 'orders_app', (tx) => tx.query(statement)), /permission denied|must be owner/, statement);
		}
	});

	it('still lets that account overwrite a granted column in every row, which is why backups are the answer', async () => {
		const result = await asRole(db, 'orders_app', (tx) => tx.query(`UPDATE orders SET status = encode(sha256(status::bytea), 'hex')`));
		assert.equal(result.affectedRows, 2);
	});

	it('gives support the masked view and not the table', async () => {
		assert.equal((await asRole(db, 'support_readonly', (tx) => tx.query('SELECT * FROM customers_masked'))).rows.length, 2);
		await assert.rejects(asRole(db, 'support_readonly', (tx) => tx.query('SELECT bank_account FROM customers')), /permission denied/);
	});
});

describe('POS lesson: tokens, not card numbers', () => {
	const LESSON = 'pos-card-data-skimming';

	it('stores a payment with a token and last four digits, and has no column for card data', async () => {
		await db.exec(sample(LESSON, 1, 'sql'));
		await db.query(`INSERT INTO payments VALUES ('o-1', 'tok_abc', 'visa', '1111', now())`);
		await assert.rejects(db.query(`INSERT INTO payments VALUES ('o-2', 'tok_def', 'visa', '11x1', now())`), /check constraint/);
		const { rows } = await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'payments' ORDER BY ordinal_position`);
		assert.deepEqual(rows.map((r) => r.column_name), ['order_id', 'token', 'brand', 'last4', 'authorized_at']);
	});

	it('loads the payment record type, and redacts Luhn-valid card numbers but not other digit runs', async () => {
		await importTsSample('posPaymentRecord');
		const { redactCardNumbers, luhnValid } = await importTsSample<{ redactCardNumbers: (text: string) => string; luhnValid: (digits: string) => boolean }>('posRedact');
		assert.equal(luhnValid('4111111111111111'), true);
		assert.equal(luhnValid('4111111111111112'), false);
		assert.equal(redactCardNumbers('paid with 4111 1111 1111 1111 today'), 'paid with [card number removed, ends 1111] today');
		assert.equal(redactCardNumbers('card 5555-5555-5555-4444'), 'card [card number removed, ends 4444]');
		assert.equal(redactCardNumbers('order 1234567890123 shipped'), 'order 1234567890123 shipped');
	});
});

describe('private-Gmail lesson: an accountable export', () => {
	it('records who exported which customers and labels the file', async () => {
		const audit = recordingAudit();
		const labels: unknown[] = [];
		Object.assign(globalThis, { audit, toXlsx: (_rows: unknown[], options: unknown) => { labels.push(options); return Promise.resolve(Buffer.from('xlsx')); } });
		const { exportCustomers } = await importTsSample<{ exportCustomers: (user: { id: string }, rows: { id: number; name: string }[]) => Promise<Buffer> }>('gmailExport');
		const file = await exportCustomers({ id: 'u-5' }, [{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
		assert.equal(file.toString(), 'xlsx');
		assert.deepEqual(audit.events, [{ actorId: 'u-5', action: 'customer_export', dataset: 'customers', rowCount: 2, detail: { customer_ids: [1, 2] } }]);
		assert.deepEqual(labels, [{ label: 'Confidential - customer data', exportedBy: 'u-5' }]);
	});
});
