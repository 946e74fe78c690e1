import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { allowed, correctFixes, exerciseFile, rolledBack, variantSuites } from './exerciseHelpers';

const LESSON = 'ransomware-via-email';
const EXERCISE = 'least-privilege-app-account';
const table = variantSuites(LESSON, EXERCISE, 'grants.sql');

/** What the application does, per the comment at the top of grants.sql. */
const JOB = [
	'SELECT * FROM customers', 'SELECT * FROM orders',
	`INSERT INTO customers (id, name, email) VALUES (2, 'b', 'b@example.com')`,
	`INSERT INTO orders (id, customer_id, status, total) VALUES (2, 1, 'new', 300)`,
	`UPDATE orders SET status = 'shipped', updated_at = now() WHERE id = 1`,
	`UPDATE customers SET email = 'new@example.com', phone = '2', updated_at = now() WHERE id = 1`,
];
/** What a stolen password must not be able to do. */
const DAMAGE = [
	'DELETE FROM orders', 'DELETE FROM customers WHERE id = 3', 'TRUNCATE orders, customers', 'DROP TABLE orders',
	'ALTER TABLE customers ADD COLUMN ransom_note text', 'UPDATE orders SET total = 0',
	'UPDATE customers SET bank_account = NULL', `UPDATE customers SET name = 'x'`,
];

const db = new PGlite();

/** Which statements of `statements` orders_app may run after the schema and the given grants. */
async function permitted(grants: string, statements: readonly string[]): Promise<string[]> {
	return rolledBack(db, async () => {
		await db.exec(exerciseFile(LESSON, 'starter', 'schema.sql'));
		await db.exec(`INSERT INTO customers (id, name, email, bank_account) VALUES (1, 'a', 'a@example.com', '123'), (3, 'c', 'c@example.com', NULL);
			INSERT INTO orders (id, customer_id, status, total) VALUES (1, 1, 'new', 100);`);
		await db.exec(grants);
		const result: string[] = [];
		for (const statement of statements) {
			if (await allowed(db, 'orders_app', statement)) {
				result.push(statement);
			}
		}
		return result;
	});
}

describe(`${LESSON}: the grants, run in PostgreSQL`, () => {
	for (const fix of correctFixes(LESSON, 'grants.sql', table)) {
		it(`${fix.name}: the application can do its job and none of the damage`, async () => {
			assert.deepEqual(await permitted(fix.text, JOB), JOB);
			assert.deepEqual(await permitted(fix.text, DAMAGE), []);
		});
	}

	it('the starter lets a stolen password do all of the damage', async () => {
		assert.deepEqual(await permitted(exerciseFile(LESSON, 'starter', 'grants.sql'), DAMAGE), DAMAGE);
	});

	for (const variant of table.wrong) {
		it(`wrong variant ${variant.name}: still allows some of the damage`, async () => {
			assert.notDeepEqual(await permitted(variant.text, DAMAGE), []);
		});
	}
});
