import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { runCli } from '../../../src/cli/run';
import { MAX_LESSON_BYTES } from '../../../src/core/shared/decode';
import { LINT_RULES } from '../../../src/core/lessons/rules';
import { FIXTURES, MALFORMED } from '../helpers/malformedFixtures';

const ROOT = path.join(__dirname, '..', '..', '..');
const LINE = /^(.+):(\d+):(\d+): (error|warning): (.+) \(([a-z-]+)\)$/;

interface Run {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

async function cli(args: readonly string[], cwd = ROOT): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

function lines(text: string): string[] {
	return text.split('\n').filter((line) => line !== '');
}

const fixture = (folder: string, name = ''): string => path.relative(ROOT, path.join(FIXTURES, folder, name));

describe('cli lint: one fixture per broken kind', () => {
	for (const [name, expected] of Object.entries(MALFORMED)) {
		it(`${name} prints ${expected.join(', ')}`, async () => {
			const file = fixture('malformed', name);
			const run = await cli(['lint', file]);
			const printed = lines(run.stdout).map((line) => {
				const match = LINE.exec(line);
				assert.ok(match, `"${line}" has the form path:line:col: severity: message (rule)`);
				const [, shownPath, lineNo, , severity, , rule] = match;
				assert.equal(shownPath, file);
				assert.equal(severity, LINT_RULES[rule as keyof typeof LINT_RULES]);
				return `${rule}@${lineNo}`;
			});
			assert.deepEqual(printed.sort(), [...expected].sort());
			const errors = expected.filter((entry) => LINT_RULES[entry.split('@')[0] as keyof typeof LINT_RULES] === 'error').length;
			assert.equal(run.code, errors > 0 ? 1 : 0);
			assert.equal(run.stderr, `1 file, ${errors} error${errors === 1 ? '' : 's'}, ${expected.length - errors} warning${expected.length - errors === 1 ? '' : 's'}\n`);
		});
	}
});

describe('cli lint: files, folders and exit codes', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-cli-'));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('exits 0 with no output for valid lessons (BOM and CRLF included)', async () => {
		const run = await cli(['lint', fixture('valid')]);
		assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', '4 files, 0 errors, 0 warnings\n']);
	});

	it('searches folders recursively and prints paths relative to what was given', async () => {
		const run = await cli(['lint', fixture('')]);
		assert.equal(run.code, 1);
		const shown = new Set(lines(run.stdout).map((line) => LINE.exec(line)?.[1]));
		assert.ok(shown.has(path.join(fixture('malformed'), 'empty.md')));
		assert.match(run.stderr, /^\d+ files, \d+ errors, \d+ warnings\n$/);
	});

	it('reports unreadable paths as errors', async () => {
		const run = await cli(['lint', 'no/such/lesson.md', fixture('valid', 'basic.md')]);
		assert.equal(run.code, 1);
		assert.equal(run.stdout, 'no/such/lesson.md:1:1: error: cannot read: no such file or folder (file-unreadable)\n');
		assert.equal(run.stderr, '2 files, 1 error, 0 warnings\n');
	});

	it('reports duplicate ids within a locale folder, not across locales', async () => {
		const text = readFileSync(path.join(FIXTURES, 'valid', 'basic.md'), 'utf8');
		for (const dir of ['a/en', 'b/en', 'a/ja']) {
			mkdirSync(path.join(tmp, dir), { recursive: true });
			writeFileSync(path.join(tmp, dir, 'basic.md'), text);
		}
		const run = await cli(['lint', 'a', 'b'], tmp);
		assert.equal(run.code, 1);
		assert.match(run.stdout, /^b[/\\]en[/\\]basic\.md:2:1: error: lesson id "basic" is already used by a[/\\]en[/\\]basic\.md \(locale en\) \(duplicate-lesson-id\)\n$/);
	});

	it('rejects files over 1 MiB without reading them whole', async () => {
		const big = path.join(tmp, 'big.md');
		writeFileSync(big, Buffer.alloc(MAX_LESSON_BYTES * 3, 0x61));
		const run = await cli(['lint', big]);
		assert.equal(run.code, 1);
		assert.match(run.stdout, /:1:1: error: .* \(file-too-large\)\n$/);
	});

	it('keeps one problem on one line and strips terminal escapes', async () => {
		const evil = path.join(tmp, 'evil.md');
		writeFileSync(evil, '---\nid: evil\ntitle: T\nsummary: S\n---\n```quiz\nid: "x\\e[31m\\nnext"\ntype: single\nprompt: P\n```\n');
		const run = await cli(['lint', evil]);
		assert.equal(run.code, 1);
		assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(run.stdout), JSON.stringify(run.stdout));
		for (const line of lines(run.stdout)) {
			assert.match(line, LINE);
		}
	});
});

describe('cli: usage, help, version, render', () => {
	for (const args of [[], ['lint'], ['frobnicate'], ['lint', '--fast', 'x'], ['render'], ['render', 'a.md', 'b.md']]) {
		it(`exits 2 with a one-line reason for ${JSON.stringify(args)}`, async () => {
			const run = await cli(args);
			assert.equal(run.code, 2);
			assert.equal(run.stdout, '');
			assert.match(run.stderr, /^incident-lessons: [^\n]+\nUsage:/);
			assert.ok(!run.stderr.includes('    at '), 'no stack trace');
		});
	}

	it('prints help and version', async () => {
		const help = await cli(['--help']);
		assert.equal(help.code, 0);
		assert.match(help.stdout, /incident-lessons lint <file\|dir>/);
		const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
		assert.deepEqual(await cli(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
	});

	it('lints a file whose name starts with a dash after --', async () => {
		const run = await cli(['lint', '--', '-missing.md']);
		assert.equal(run.code, 1);
		assert.match(run.stdout, /^-missing\.md:1:1: error: .*\(file-unreadable\)/);
	});

	it('renders a valid lesson to HTML', async () => {
		const run = await cli(['render', fixture('valid', 'full.md')]);
		assert.equal(run.code, 0);
		assert.match(run.stdout, /<article[^>]*data-lesson-id="full"/);
		assert.equal(run.stderr, '');
	});

	it('prints the errors instead of HTML for a broken lesson', async () => {
		const file = fixture('malformed', 'quiz-no-correct.md');
		const run = await cli(['render', file]);
		assert.equal(run.code, 1);
		assert.equal(run.stdout, '');
		assert.match(run.stderr, /quiz-no-correct\.md:11:1: error: .*\(quiz-no-correct\)\n$/);
	});
});

describe('cli: the bundled dist/cli.js', () => {
	let tmp = '';
	let script = '';
	before(async () => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-cli-bundle-'));
		script = path.join(tmp, 'cli.js');
		// The same options as esbuild.mjs, into a private folder so parallel builds do not interfere.
		await build({ entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', mainFields: ['module', 'main'], outfile: script, banner: { js: '#!/usr/bin/env node' }, logLevel: 'silent' });
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	const node = (args: readonly string[]): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });

	it('starts with a shebang', () => {
		assert.ok(readFileSync(script, 'utf8').startsWith('#!/usr/bin/env node\n'));
	});

	it('exits 0, 1 and 2 as documented', () => {
		const valid = node(['lint', fixture('valid')]);
		assert.equal(valid.status, 0, String(valid.stderr));
		assert.equal(valid.stderr, '4 files, 0 errors, 0 warnings\n');
		const broken = node(['lint', fixture('malformed', 'quiz-unknown-type.md')]);
		assert.equal(broken.status, 1);
		assert.match(String(broken.stdout), /quiz-unknown-type\.md:9:7: error: quiz "q1" has unknown type "truefalse"; use single, multiple or order \(quiz-unknown-type\)\n/);
		const usage = node([]);
		assert.equal(usage.status, 2);
		assert.ok(!String(usage.stderr).includes('    at '));
	});
});
