import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/run';

const ROOT = path.join(__dirname, '..', '..', '..');
const REPORTS = path.join('test', 'fixtures', 'item-reports');

async function cli(args: readonly string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

describe('cli report --items', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-items-'));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('prints the questions hardest first with the most held wrong answer in the lesson\'s words, and skips bad files by name', async () => {
		const run = await cli(['report', REPORTS, '--items', '--today', '2026-11-24']);
		assert.equal(run.code, 0);
		const rows = run.stdout.split('\n').filter((l) => l.startsWith('| `'));
		assert.match(rows[0] ?? '', /^\| `agency-email-route` \| `renewal-list-design` .* \| 3 \| 0% \(0\) \| 2 \| “One list with an insurer column, mailed to each branch's usual distribution list\.” \(choice 1\) × 2 \|$/);
		assert.match(run.stdout, /1 report is version 1 \(no answers recorded\) and not counted here\./);
		assert.match(run.stdout, /\| `agency-email-route` \| `check-every-recipient` \| `checks-bcc` .* \| 2\/3 \| 3 \|/);
		assert.equal(run.stderr, [
			`skipped ${path.join(REPORTS, 'out-of-range.json')}: not a valid version 2 report: "lessons[0].quizzes[1].answer[0]" must be at most 31`,
			`skipped ${path.join(REPORTS, 'truncated.json')}: not valid JSON (Bad control character in string literal in JSON at position 600) (line 30)`,
			'4 reports read, 2 skipped',
			'',
		].join('\n'));
	});

	it('shows positions only when answers were given to another version of the lesson', async () => {
		const run = await cli(['report', REPORTS, '--items']);
		assert.match(run.stdout, /\| `first-response` .* \| 2 \| 0% \(0\) \| 2 \| “Leave the account working/);
		const noText = await cli(['report', path.join(REPORTS, 'chen-wei.json'), '--items']);
		assert.match(noText.stdout, /\| `first-response` .* \| 1 \| 0% \(0\) \| 1 \| choice 1 × 1 \|/);
	});

	it('writes CSV, and the HTML page with the question table and a captioned chart', async () => {
		const out = path.join(tmp, 'team.html');
		const run = await cli(['report', REPORTS, '--items', '--csv', '--html', out, '--lang', 'ja']);
		assert.equal(run.code, 0);
		assert.equal(run.stdout.split('\r\n')[0], 'lesson,question,prompt,answered,first_try,first_try_rate,wrong_now,top_wrong_answer,top_wrong_count,top_wrong_text');
		assert.match(run.stdout, /^"agency-email-route","renewal-list-design",".+",3,0,0,2,"1",2,".+"\r$/m);
		const html = readFileSync(out, 'utf8');
		assert.match(html, /<h2>Questions the team gets wrong<\/h2>/);
		assert.match(html, /<figure><svg role="img"[^>]*>.*<\/svg><figcaption>/s);
		assert.match(html, /<caption>Questions, hardest first<\/caption>/);
		assert.doesNotMatch(html, /<script/i);
	});

	it('reads --lessons, --lang and --items, and refuses --lessons without --items', () => {
		assert.deepEqual(parseArgs(['report', 'r', '--items', '--lessons', 'l', '--lang=ja']), { kind: 'report', paths: ['r'], format: 'markdown', items: true, lessons: ['l'], lang: 'ja' });
		assert.deepEqual(parseArgs(['report', 'r', '--lessons', 'l']), { kind: 'usageError', message: 'report --lessons and --lang go with --items' });
		assert.deepEqual(parseArgs(['report', 'r', '--items', '--lang', 'xx']), { kind: 'usageError', message: 'report --lang needs one of: en, ja' });
	});
});
