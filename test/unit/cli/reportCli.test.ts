import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/run';

const ROOT = path.join(__dirname, '..', '..', '..');
const REPORTS = path.join('test', 'fixtures', 'reports');

async function cli(args: readonly string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

describe('cli report', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-report-'));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('prints the team table for a folder of reports, names the skipped files and exits 0', async () => {
		const run = await cli(['report', REPORTS, '--today', '2026-11-24']);
		assert.equal(run.code, 0);
		assert.match(run.stdout, /^# Team progress \(2026-11-24\)\n\n4 learners · 5 lessons · pass mark 80%\n/);
		assert.match(run.stdout, /\| Ben Carter \| ⚠ overdue: below pass mark \(75%\) \| ⚠ overdue: not started \| — \| — \| ✔ passed \(100%\) \| 1\/3 \| 2 \|/);
		assert.match(run.stdout, /\| 佐藤 健 \|/);
		assert.equal(run.stderr, [
			`skipped ${path.join(REPORTS, 'malformed.json')}: not valid JSON (Unexpected end of JSON input)`,
			`skipped ${path.join(REPORTS, 'not-a-report.json')}: not an Incident Lessons progress report (no "format": "incident-lessons-progress-report")`,
			'5 reports read, 2 skipped',
			'',
		].join('\n'));
	});

	it('prints CSV with --csv and writes a self-contained HTML page with --html', async () => {
		const out = path.join(tmp, 'team.html');
		const run = await cli(['report', '--csv', REPORTS, `--html=${out}`, '--today', '2026-11-24']);
		assert.equal(run.code, 0);
		const rows = run.stdout.split('\r\n');
		assert.equal(rows[0], 'learner,lesson,title,assigned,due,status,overdue,score,answered,total,attempts,updated_at,report_file,warning');
		assert.equal(rows.length, 4 * 5 + 2);
		assert.match(run.stderr, new RegExp(`wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
		const html = readFileSync(out, 'utf8');
		assert.match(html, /^<!DOCTYPE html>/);
		assert.match(html, /<svg role="img"/);
		assert.match(html, /佐藤 健/);
	});

	it('takes single files too, and exits 1 when nothing readable is found', async () => {
		const one = await cli(['report', path.join(REPORTS, 'chen-wei.json'), '--today', '2026-11-24']);
		assert.equal(one.code, 0);
		assert.match(one.stdout, /1 learner · 3 lessons/);
		const none = await cli(['report', path.join(REPORTS, 'malformed.json'), 'no/such/folder']);
		assert.equal(none.code, 1);
		assert.match(none.stderr, /skipped no\/such\/folder: cannot read: no such file or folder\n/);
		assert.match(none.stderr, /no progress report found in/);
		writeFileSync(path.join(tmp, 'newer.json'), JSON.stringify({ format: 'incident-lessons-progress-report', schemaVersion: 9 }));
		assert.match((await cli(['report', path.join(tmp, 'newer.json')])).stderr, /report schema version 9 is newer than this tool reads \(2\); update incident-lessons/);
	});

	it('skips a deeply nested or oversized report with its name (and line), and reports the others', async () => {
		const dir = path.join(tmp, 'hostile');
		mkdirSync(dir);
		copyFileSync(path.join(ROOT, REPORTS, 'chen-wei.json'), path.join(dir, 'chen-wei.json'));
		writeFileSync(path.join(dir, 'deep.json'), `{\n"lessons": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}`);
		const valid = JSON.parse(readFileSync(path.join(ROOT, REPORTS, 'aiko-tanaka.json'), 'utf8')) as Record<string, unknown>;
		writeFileSync(path.join(dir, 'many.json'), JSON.stringify({ ...valid, lessons: Array.from({ length: 200_000 }, () => ({})) }));
		const run = await cli(['report', dir, '--today', '2026-11-24']);
		assert.equal(run.code, 0);
		assert.match(run.stdout, /^1 learner · 3 lessons/m);
		assert.equal(run.stderr, [
			`skipped ${path.join(dir, 'deep.json')}: invalid JSON: arrays and objects nested more than 100 levels deep (line 2)`,
			`skipped ${path.join(dir, 'many.json')}: too large: 200011 arrays and objects, more than the 42016 a report may hold`,
			'1 report read, 2 skipped',
			'',
		].join('\n'));
	});

	it('exits 2 for a wrong command line', async () => {
		for (const args of [['report'], ['report', REPORTS, '--html'], ['report', REPORTS, '--today', 'friday'], ['report', REPORTS, '--pdf']]) {
			const run = await cli(args);
			assert.equal(run.code, 2, args.join(' '));
			assert.match(run.stderr, /^incident-lessons: .*report/);
		}
		assert.deepEqual(parseArgs(['report', '--', '--odd.json']), { kind: 'report', paths: ['--odd.json'], format: 'markdown', items: false, lessons: [], lang: 'en' });
		assert.match((await cli(['--help'])).stdout, /incident-lessons report <file\|dir>\.\.\. \[--csv\] \[--html <out\.html>\]/);
	});
});
