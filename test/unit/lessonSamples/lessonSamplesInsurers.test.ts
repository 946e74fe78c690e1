import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { asRole, count, importTsSample, sample } from './lessonSamples';

const LESSON = 'non-life-insurers-insider-leak';

describe('insurers lesson: row-level security by the reader\'s employer', () => {
	const db = new PGlite();
	const policyCount = (role: string, setting?: string): Promise<number> => asRole(db, role, async (tx) => {
		if (setting !== undefined) {
			await tx.query(`SELECT set_config('app.home_insurer', $1, true)`, [setting]);
		}
		return count(tx, 'SELECT * FROM policies');
	});

	before(async () => {
		await db.exec(`
			CREATE ROLE secondee_app; CREATE ROLE agency_staff;
			CREATE TABLE policies (id int PRIMARY KEY, insurer_id int NOT NULL, holder text NOT NULL);
			INSERT INTO policies VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 2, 'c'), (4, 3, 'd');
			GRANT SELECT, INSERT, UPDATE ON policies TO secondee_app, agency_staff;`);
		await db.exec(sample(LESSON, 0, 'sql'));
	});

	it('fails closed: with the setting unset or empty a secondee sees no rows', async () => {
		assert.equal(await policyCount('secondee_app'), 0);
		assert.equal(await policyCount('secondee_app', ''), 0);
	});

	it('shows a secondee only the home insurer\'s rows, and the agency\'s staff every row', async () => {
		assert.equal(await policyCount('secondee_app', '2'), 2);
		assert.equal(await policyCount('agency_staff'), 4);
	});

	it('refuses a secondee writing a row for another insurer', async () => {
		await assert.rejects(asRole(db, 'secondee_app', async (tx) => {
			await tx.exec(`SET LOCAL app.home_insurer = '2'`);
			await tx.query(`INSERT INTO policies VALUES (9, 1, 'x')`);
		}), /row-level security/);
	});

	it('keeps a SET LOCAL from reaching the next transaction on the same connection, unlike a plain SET', async () => {
		await db.exec(`BEGIN; SET LOCAL app.home_insurer = '2'; COMMIT;`);
		assert.equal(await policyCount('secondee_app'), 0);
		await db.exec(`SET app.home_insurer = '2'`);
		assert.equal(await policyCount('secondee_app'), 2, 'a session SET stays on a pooled connection');
		await db.exec('RESET app.home_insurer');
	});

	it('filters the table owner too (FORCE ROW LEVEL SECURITY)', async () => {
		await db.exec(`CREATE ROLE policies_owner; ALTER TABLE policies OWNER TO policies_owner;`);
		assert.equal(await asRole(db, 'policies_owner', (tx) => count(tx, 'SELECT * FROM policies')), 0);
		await db.exec('ALTER TABLE policies OWNER TO postgres');
	});
});

describe('insurers lesson: outbound mail review', () => {
	type Review = (recipients: string[], recordOwners: Set<string>, insurerDomains: Set<string>) => 'send' | 'hold';
	const insurers = new Set(['insurer-a.example', 'insurer-b.example']);
	let reviewOutgoing: Review;

	before(async () => {
		({ reviewOutgoing } = await importTsSample<{ reviewOutgoing: Review }>('insurersMail'));
	});

	it('holds customer records mailed to another insurer, whatever the case of the address', () => {
		assert.equal(reviewOutgoing(['Sato@Insurer-B.example'], new Set(['insurer-a.example']), insurers), 'hold');
	});

	it('sends records to the insurer that owns them, and to recipients outside the insurers', () => {
		assert.equal(reviewOutgoing(['sato@insurer-a.example', 'x@agency.example'], new Set(['insurer-a.example']), insurers), 'send');
	});

	it('holds one mail carrying several insurers\' customers', () => {
		assert.equal(reviewOutgoing(['sato@insurer-a.example'], new Set(['insurer-a.example', 'insurer-b.example']), insurers), 'hold');
	});
});
