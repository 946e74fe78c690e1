import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';

const ROOT = path.join(__dirname, '..', '..', '..');
const LESSONS = path.join(ROOT, 'test', 'fixtures', 'triggers', 'lessons');

async function cli(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

describe('cli suggest', () => {
	let tmp = '';
	const write = (file: string, text: string | Buffer): void => {
		mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
		writeFileSync(path.join(tmp, file), text);
	};

	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'suggest-cli-'));
		write('app/export.py', 'import pandas\n\ndf.to_csv("out.csv")\n');
		write('db/report.sql', '-- monthly\nSELECT * FROM customers;\n');
		write('db/notes.txt', 'SELECT * FROM customers;\n');
		write('deploy/backup.sh', 'mysqldump shop > shop.sql\n');
		write('node_modules/pkg/export.py', 'df.to_csv("x")\n');
		write('.git/hooks/export.py', 'df.to_csv("x")\n');
		write('big.py', `${'#'.repeat(1024 * 1024)}\ndf.to_csv("x")\n`);
		write('image.py', Buffer.from([0x64, 0x66, 0x00, 0x2e]));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('prints path:line: lesson-id — why for each match, skipping dependencies, version control, big and binary files', async () => {
		const run = await cli(['suggest', '.', '--lessons', LESSONS], tmp);
		assert.equal(run.code, 0);
		assert.equal(run.stdout, [
			`${path.join('app', 'export.py')}:3: csv-exports — Writes a data frame to a CSV file.`,
			`${path.join('db', 'report.sql')}:2: csv-exports — Reads the whole customer table.`,
			`${path.join('deploy', 'backup.sh')}:1: csv-exports — Dumps a database.`,
			'',
		].join('\n'));
		assert.match(run.stderr, /skipped big\.py: larger than 1048576 bytes/);
		assert.match(run.stderr, /skipped image\.py: binary/);
		assert.match(run.stderr, /6 files scanned, 3 matches, 1 related lesson\n$/);
		assert.ok(!run.stdout.includes('node_modules') && !run.stdout.includes('.git'));
	});

	it('exits 0 with no output when nothing matches', async () => {
		const run = await cli(['suggest', path.join('db', 'notes.txt'), `--lessons=${LESSONS}`], tmp);
		assert.deepEqual([run.code, run.stdout], [0, '']);
		assert.equal(run.stderr, '1 file scanned, 0 matches, 0 related lessons\n');
	});

	it('uses the bundled lessons by default, in the language asked for', async () => {
		const en = await cli(['suggest', 'db/report.sql'], tmp);
		assert.equal(en.code, 0);
		assert.match(en.stdout, /^db\/report\.sql:2: non-life-insurers-insider-leak — Reads whole customer or policy tables/m);
		const ja = await cli(['suggest', 'db/report.sql', '--lang', 'ja'], tmp);
		assert.match(ja.stdout, /^db\/report\.sql:2: non-life-insurers-insider-leak — 顧客や契約のテーブルを丸ごと読んでいます/m);
	});

	for (const args of [['suggest'], ['suggest', '--lessons'], ['suggest', 'x', '--lang', 'fr'], ['suggest', 'x', '--fast'], ['suggest', '--lessons', 'y']]) {
		it(`exits 2 with a usage message for ${JSON.stringify(args)}`, async () => {
			const run = await cli(args, tmp);
			assert.equal(run.code, 2);
			assert.equal(run.stdout, '');
			assert.match(run.stderr, /^incident-lessons: [^\n]+\nUsage:/);
		});
	}

	it('exits 2 when a path cannot be read or there are no lessons', async () => {
		const missing = await cli(['suggest', 'no/such/dir'], tmp);
		assert.deepEqual([missing.code, missing.stdout], [2, '']);
		assert.match(missing.stderr, /no\/such\/dir: cannot read: no such file or folder/);
		const noLessons = await cli(['suggest', 'db', '--lessons', 'db'], tmp);
		assert.equal(noLessons.code, 2);
		assert.match(noLessons.stderr, /no lessons found/);
	});

	it('is listed in the help', async () => {
		assert.match((await cli(['--help'], tmp)).stdout, /incident-lessons suggest <file\|dir>/);
	});
});
