import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { exerciseVariantSuite, type Variant } from '../helpers/exerciseVariants';
import { editedVariants, exerciseFile, importTs, outcomes } from './exerciseHelpers';

const LESSON = 'controls-that-stop-leaks';
const FILE = 'exportCustomers.ts';
const starter = exerciseFile(LESSON, 'starter', FILE);
const solution = exerciseFile(LESSON, 'solution', FILE);

const REFUSE = '    if (rows.length > MAX_EXPORT_ROWS) throw new NeedsApproval(`over ${MAX_EXPORT_ROWS} rows`);\n';
const RECORD_REFUSAL = '      await client.query(\n'
	+ '        `INSERT INTO audit_log (actor_id, action, dataset, row_count, detail) VALUES ($1, \'export_refused\', \'customers\', 0, $2)`,\n'
	+ '        [actorId, JSON.stringify({ region, limit: MAX_EXPORT_ROWS })],\n      );\n';
const THROW = '      throw new NeedsApproval(`over ${MAX_EXPORT_ROWS} rows`);\n';

const variant = editedVariants(FILE, starter);

const right: Variant[] = [
	variant('record, commit, then throw inside the try',
		[REFUSE, `    if (rows.length > MAX_EXPORT_ROWS) {\n${RECORD_REFUSAL}      await client.query('COMMIT');\n${THROW}    }\n`]),
	variant('a helper that records, commits and throws',
		[REFUSE, '    if (rows.length > MAX_EXPORT_ROWS) await refuse(client, actorId, region);\n'],
		['// Deliberately vulnerable', 'async function refuse(client: Client, actorId: string, region: string): Promise<never> {\n'
			+ RECORD_REFUSAL.replace(/^ {2}/gm, '') + '  await client.query(\'COMMIT\');\n' + THROW.replace(/^ {2}/gm, '') + '}\n\n// Deliberately vulnerable']),
	variant('roll the read back, then write the record on its own',
		[REFUSE, `    if (rows.length > MAX_EXPORT_ROWS) {\n      await client.query('ROLLBACK');\n${RECORD_REFUSAL}${THROW}    }\n`]),
];

const wrong: Variant[] = [
	variant('the record inserted just before the throw, which the catch rolls back',
		[REFUSE, `    if (rows.length > MAX_EXPORT_ROWS) {\n${RECORD_REFUSAL}${THROW}    }\n`]),
	variant('the record inserted, then rolled back explicitly before refusing',
		[REFUSE, `    if (rows.length > MAX_EXPORT_ROWS) {\n${RECORD_REFUSAL}      await client.query('ROLLBACK');\n${THROW}    }\n`]),
	variant('the refusal logged to the console, not to audit_log',
		[REFUSE, '    if (rows.length > MAX_EXPORT_ROWS) {\n      console.warn(\'export_refused\', actorId, region);\n'
			+ `      await client.query('COMMIT');\n${THROW}    }\n`]),
	variant('the record written after the throw, where it never runs',
		[REFUSE, `    if (rows.length > MAX_EXPORT_ROWS) {\n${THROW}${RECORD_REFUSAL}    }\n`]),
	variant('the fix described in a comment',
		[REFUSE, `    // TODO: INSERT INTO audit_log ... 'export_refused', COMMIT, then throw\n${REFUSE}`]),
];

for (const language of ['en', 'ja']) {
	exerciseVariantSuite(`lessons/${language}/${LESSON}.md`, 'audit-before-refusal', { right, wrong });
}

interface Outcome { readonly refusedWithNeedsApproval: boolean; readonly refusalRecords: number; readonly exported: number; readonly exportRecords: number; }
interface ExportModule { exportCustomers(client: PGlite, actorId: string, region: string): Promise<unknown[]>; NeedsApproval: new () => Error; }

describe(`${LESSON}: the exports behave as the variant table says, in PostgreSQL (PGlite)`, () => {
	const db = new PGlite();
	let results = new Map<string, Outcome>();
	const records = async (action: string): Promise<number> =>
		(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0]?.n ?? -1;

	/** Runs one export over the cap (region north, 501 rows) and one under it (south, 3 rows) on empty audit_log. */
	async function outcome(text: string): Promise<Outcome> {
		const module = await importTs<ExportModule>(text);
		await db.exec('TRUNCATE audit_log');
		const refusedWithNeedsApproval = await module.exportCustomers(db, 'u-7', 'north')
			.then(() => false, (error: unknown) => error instanceof module.NeedsApproval);
		const refusalRecords = await records('export_refused');
		const exported = (await module.exportCustomers(db, 'u-7', 'south')).length;
		return { refusedWithNeedsApproval, refusalRecords, exported, exportRecords: await records('customer_export') };
	}

	before(async () => {
		await db.exec(`
			CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text NOT NULL, region text NOT NULL);
			INSERT INTO customers SELECT i, 'c' || i, 'c' || i || '@example.com', CASE WHEN i <= 501 THEN 'north' ELSE 'south' END
			  FROM generate_series(1, 504) AS i;
			CREATE TABLE audit_log (
			  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
			  actor_id text NOT NULL, action text NOT NULL, dataset text, row_count integer NOT NULL DEFAULT 0,
			  detail jsonb NOT NULL DEFAULT '{}');`);
		results = await outcomes(FILE, starter, solution, [...right, ...wrong], outcome);
	});
	after(() => db.close());

	const GOOD: Outcome = { refusedWithNeedsApproval: true, refusalRecords: 1, exported: 3, exportRecords: 1 };
	it('the starter refuses without a record', () => assert.deepEqual(results.get('starter'), { ...GOOD, refusalRecords: 0 }));
	it('the reference solution refuses, keeps the refusal record, and still exports under the cap', () => {
		assert.deepEqual(results.get('solution'), GOOD);
	});
	for (const { name } of right) {
		it(`${name}: does the same`, () => assert.deepEqual(results.get(name), GOOD));
	}
	for (const { name } of wrong) {
		it(`${name}: really leaves no refusal record`, () => assert.deepEqual(results.get(name), { ...GOOD, refusalRecords: 0 }));
	}
});

const RATE_FILE = 'allowRead.ts';
const rateStarter = exerciseFile(LESSON, 'starter', RATE_FILE);
const rateSolution = exerciseFile(LESSON, 'solution', RATE_FILE);
const COUNT = '  if (recent.length >= MAX_ROWS_PER_WINDOW) return false;\n';
const HIT = '    audit.log({ actorId: userId, action: \'read_limit_hit\', rowCount: rows, detail: { used } });\n';
const rateVariant = editedVariants(RATE_FILE, rateStarter);

const rateRight: Variant[] = [
	rateVariant('a running total, and the remaining allowance compared with the page',
		[COUNT, `  let used = 0;\n  for (const r of recent) used += r.rows;\n  if (rows > MAX_ROWS_PER_WINDOW - used) {\n${HIT}    return false;\n  }\n`]),
	rateVariant('helpers that sum the rows and record the refusal',
		[COUNT, '  const used = sumRows(recent);\n  if (rows + used > MAX_ROWS_PER_WINDOW) return deny(audit, userId, rows, used);\n'],
		['// Deliberately vulnerable', 'const sumRows = (list: readonly { rows: number }[]): number => list.reduce((sum, r) => sum + r.rows, 0);\n\n'
			+ 'function deny(audit: Audit, userId: string, rows: number, used: number): false {\n'
			+ '  audit.log({ actorId: userId, action: \'read_limit_hit\', rowCount: rows, detail: { used } });\n  return false;\n}\n\n// Deliberately vulnerable']),
];

const SUM = '  const used = recent.reduce((sum, r) => sum + r.rows, 0);\n';
const rateWrong: Variant[] = [
	rateVariant('rows summed, but the page asked for is left out',
		[COUNT, `${SUM}  if (used >= MAX_ROWS_PER_WINDOW) {\n${HIT}    return false;\n  }\n`]),
	rateVariant('rows counted correctly, the refusal still unrecorded',
		[COUNT, `${SUM}  if (used + rows > MAX_ROWS_PER_WINDOW) return false;\n`]),
	rateVariant('the record written after the return, where it never runs',
		[COUNT, `${SUM}  if (used + rows > MAX_ROWS_PER_WINDOW) {\n    return false;\n${HIT}  }\n`]),
	rateVariant('refusals recorded, but requests still counted instead of rows',
		[COUNT, `  const used = recent.length;\n  if (recent.length >= MAX_ROWS_PER_WINDOW) {\n${HIT}    return false;\n  }\n`]),
	rateVariant('the fix described in a comment',
		[COUNT, `  // TODO: sum r.rows, refuse when used + rows > MAX_ROWS_PER_WINDOW, audit.log('read_limit_hit')\n${COUNT}`]),
];

for (const language of ['en', 'ja']) {
	exerciseVariantSuite(`lessons/${language}/${LESSON}.md`, 'rate-limit-rows-read', { right: rateRight, wrong: rateWrong });
}

interface RateOutcome { readonly pages: boolean[]; readonly bulk: boolean; readonly afterWindow: boolean; readonly hits: number; }
type AllowRead = (audit: { log(event: { action: string }): void }, userId: string, rows: number, now?: number) => boolean;

/** A script paging 500 rows five times, one 5,000-row read, and the script again once the hour has passed. */
async function rateOutcome(text: string): Promise<RateOutcome> {
	const { allowRead, WINDOW_MS } = await importTs<{ allowRead: AllowRead; WINDOW_MS: number }>(text);
	const events: string[] = [];
	const audit = { log: (event: { action: string }): void => { events.push(event.action); } };
	const t0 = 1_000_000;
	const pages = [0, 1, 2, 3, 4].map((page) => allowRead(audit, 'script', 500, t0 + page));
	const bulk = allowRead(audit, 'bulk', 5_000, t0);
	const afterWindow = allowRead(audit, 'script', 500, t0 + WINDOW_MS + 10);
	return { pages, bulk, afterWindow, hits: events.filter((action) => action === 'read_limit_hit').length };
}

describe(`${LESSON}: the rate limits behave as the variant table says`, () => {
	let results = new Map<string, RateOutcome>();
	before(async () => {
		results = await outcomes(RATE_FILE, rateStarter, rateSolution, [...rateRight, ...rateWrong], rateOutcome);
	});
	const GOOD: RateOutcome = { pages: [true, true, true, true, false], bulk: false, afterWindow: true, hits: 2 };
	it('the starter lets every page and the bulk read through, silently', () => {
		assert.deepEqual(results.get('starter'), { pages: [true, true, true, true, true], bulk: true, afterWindow: true, hits: 0 });
	});
	it('the reference solution stops the fifth page and the bulk read, records both, and resets after the window', () => {
		assert.deepEqual(results.get('solution'), GOOD);
	});
	for (const { name } of rateRight) {
		it(`${name}: does the same`, () => assert.deepEqual(results.get(name), GOOD));
	}
	for (const { name } of rateWrong) {
		it(`${name}: really lets rows through or leaves a refusal unrecorded`, () => assert.notDeepEqual(results.get(name), GOOD));
	}
});
