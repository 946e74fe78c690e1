// `incident-lessons lint` on hostile input: lessons whose problems fan out (bounded time, bounded output, no stack
// overflow) and folders whose symbolic links point elsewhere on the machine (not followed, reported).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { HOSTILE_BUDGET_MS, HOSTILE_LESSONS } from '../helpers/hostileLessons';
import { FIXTURES } from '../helpers/malformedFixtures';

async function lint(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
	let stdout = '';
	let stderr = '';
	const started = performance.now();
	const code = await runCli(['lint', ...args], cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr, ms: performance.now() - started };
}

/** Lint parses every file twice (the catalog checks, then the trigger checks), and the test runs beside others. */
const CLI_BUDGET_MS = 2 * HOSTILE_BUDGET_MS;

function lineCount(text: string): number {
	return text.split('\n').filter((line) => line !== '').length;
}

describe('cli lint: hostile lessons finish quickly with a bounded report', () => {
	let tmp = '';
	before(async () => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-hostile-'));
		// The first run loads and compiles the schemas; that is not what is measured.
		writeFileSync(path.join(tmp, 'warm.md'), readFileSync(path.join(FIXTURES, 'valid', 'basic.md')));
		await lint(['warm.md'], tmp);
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	Object.entries(HOSTILE_LESSONS).forEach(([name, { text, maxCount }], index) => {
		it(name, async (t) => {
			// The lessons' id is `pathological`, so each goes in a folder of its own under that name.
			const folder = path.join(tmp, String(index));
			mkdirSync(folder);
			writeFileSync(path.join(folder, 'pathological.md'), text());
			const run = await lint([String(index)], tmp);
			t.diagnostic(`${Math.round(run.ms)} ms; ${run.stderr.trim()}`);
			assert.ok(run.ms < CLI_BUDGET_MS, `took ${Math.round(run.ms)} ms, budget ${CLI_BUDGET_MS} ms`);
			assert.match(run.stderr, /^1 file, \d+ errors?, \d+ warnings?\n$/);
			const printed = lineCount(run.stdout);
			assert.ok(printed >= 1 && printed <= maxCount, `${printed} lines`);
		});
	});
});

describe('cli lint: symbolic links', () => {
	let tmp = '';
	let outside = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-links-'));
		outside = mkdtempSync(path.join(tmpdir(), 'lessons-outside-'));
		const basic = readFileSync(path.join(FIXTURES, 'valid', 'basic.md'));
		mkdirSync(path.join(tmp, 'lessons', 'en'), { recursive: true });
		writeFileSync(path.join(tmp, 'lessons', 'en', 'basic.md'), basic);
		writeFileSync(path.join(outside, 'secret.md'), '---\nid: secret\n---\nSECRET CONTENT\n');
		symlinkSync(path.join(outside, 'secret.md'), path.join(tmp, 'lessons', 'en', 'secret.md'));
		symlinkSync('/dev/zero', path.join(tmp, 'lessons', 'en', 'zero.md'));
		symlinkSync(path.join(tmp, 'lessons', 'en', 'basic.md'), path.join(tmp, 'lessons', 'en', 'inside.md'));
		symlinkSync(path.join(tmp, 'nowhere.md'), path.join(tmp, 'lessons', 'en', 'dangling.md'));
	});
	after(() => {
		rmSync(tmp, { recursive: true, force: true });
		rmSync(outside, { recursive: true, force: true });
	});

	it('does not follow a link out of the folder given, and says so', async () => {
		const run = await lint(['lessons'], tmp);
		const shown = (name: string): string => path.join('lessons', 'en', name);
		assert.ok(!run.stdout.includes('SECRET') && !run.stdout.includes('"secret"'), run.stdout);
		const outsideLine = `${shown('secret.md')}:1:1: error: not read: it is a symbolic link to a file outside the folder being checked (file-unreadable)`;
		assert.ok(run.stdout.split('\n').includes(outsideLine), run.stdout);
		assert.ok(run.stdout.split('\n').includes(outsideLine.replace('secret.md', 'zero.md')), run.stdout);
		assert.match(run.stdout, new RegExp(`^${shown('dangling.md').replace(/[\\.]/g, '\\$&')}:1:1: error: cannot read: no such file or folder`, 'm'));
		// A link that stays inside is read like any lesson (a second copy of the id `basic`, under another name).
		assert.match(run.stdout, /inside\.md:\d+:\d+: error: id "basic" does not match the file name "inside\.md"/);
		assert.equal(run.code, 1);
	});

	it('refuses a device or a named pipe given by name, without blocking on it', async (t) => {
		const fifo = path.join(tmp, 'pipe.md');
		try {
			execFileSync('mkfifo', [fifo]);
		} catch {
			t.skip('mkfifo is not available');
			return;
		}
		const run = await lint(['/dev/zero', fifo], tmp);
		assert.equal(run.stdout, `/dev/zero:1:1: error: cannot read: not a regular file (file-unreadable)\n${fifo}:1:1: error: cannot read: not a regular file (file-unreadable)\n`);
	});
});
