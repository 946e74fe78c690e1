import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseArgs } from '../../../../src/cli/args';
import { runCli } from '../../../../src/cli/run';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const LESSON = path.join('test', 'fixtures', 'exercises', 'lessons', 'en', 'audit-export.md');
const temp = mkdtempSync(path.join(tmpdir(), 'il-exercise-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));

async function cli(args: readonly string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

/** A lesson with one inline exercise, written to `folder/en/sample.md`; returns its path. */
function inlineLesson(folder: string, exercise: string): string {
	const file = path.join(temp, folder, 'en', 'sample.md');
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `---\nid: sample\ntitle: T\nsummary: S\n---\n\n\`\`\`exercise\n${exercise}\`\`\`\n`);
	return file;
}

const SIMPLE = (filePath: string, hint = 'Add b.', pattern = 'const b'): string => `id: fix-it
title: Fix it
prompt: Change the code.
files:
  - path: ${filePath}
    starter: "const a = 1;\\n"
checks:
  - id: has-b
    file: ${filePath}
    must: '${pattern}'
    hint: "${hint}"
solution:
  - path: ${filePath}
    content: "const b = 1;\\n"
`;

describe('exercise: arguments', () => {
	it('reads list, write and check, and refuses anything else as a usage error', () => {
		assert.deepEqual(parseArgs(['exercise', 'list', 'a', 'b']), { kind: 'exercise', action: 'list', paths: ['a', 'b'] });
		assert.deepEqual(parseArgs(['exercise', 'write', 'l.md', 'x', 'd', '--solution']), { kind: 'exercise', action: 'write', lesson: 'l.md', id: 'x', dir: 'd', solution: true, force: false });
		assert.deepEqual(parseArgs(['exercise', 'check', '--', '-l.md', 'x', 'd']), { kind: 'exercise', action: 'check', lesson: '-l.md', id: 'x', dir: 'd' });
		for (const args of [['exercise'], ['exercise', 'run'], ['exercise', 'list'], ['exercise', 'check', 'l.md', 'x'], ['exercise', 'check', 'l.md', 'x', 'd', '--force'], ['exercise', 'write', 'l', 'x', 'd', 'e']]) {
			assert.equal(parseArgs(args).kind, 'usageError', args.join(' '));
		}
	});

	it('exits 2 with the usage for a wrong command line', async () => {
		const run = await cli(['exercise', 'check', LESSON]);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /exercise check needs <lesson\.md> <exercise-id> <dir>/);
		assert.match(run.stderr, /incident-lessons exercise write/);
	});
});

describe('exercise list', () => {
	it('prints path: exercise-id: title per exercise', async () => {
		const run = await cli(['exercise', 'list', path.join('test', 'fixtures', 'exercises', 'lessons')]);
		assert.equal(run.code, 0);
		assert.deepEqual(run.stdout.split('\n').filter(Boolean).map((l) => l.replace(/\\/g, '/')), [
			'test/fixtures/exercises/lessons/en/audit-export.md: audit-before-refusal: Write the audit row before refusing',
			'test/fixtures/exercises/lessons/ja/audit-export.md: audit-before-refusal: 拒否の前に監査記録を書く',
		]);
	});

	it('exits 1 when a path cannot be read, and keeps titles to one inert line', async () => {
		const bad = inlineLesson('list-bad', SIMPLE('a.ts').replace('title: Fix it', 'title: "Fix\\u001b]8;;http://x\\u0007 it\\nnow"'));
		const run = await cli(['exercise', 'list', bad, path.join(temp, 'nope')]);
		assert.equal(run.code, 1);
		assert.match(run.stdout, /^.*sample\.md: fix-it: Fix ]8;;http:\/\/x  it now\n$/);
		assert.match(run.stderr, /nope.*no such file or folder/);
	});
});

describe('exercise write and check', () => {
	it('writes the starter, which fails; the solution then passes; exit codes 1 and 0', async () => {
		const dir = path.join(temp, 'work');
		const written = await cli(['exercise', 'write', LESSON, 'audit-before-refusal', dir]);
		assert.deepEqual([written.code, written.stderr], [0, '']);
		assert.match(written.stdout, /^wrote .*exportRows\.ts\n$/);
		const starter = await cli(['exercise', 'check', LESSON, 'audit-before-refusal', dir]);
		assert.deepEqual([starter.code, starter.stdout], [1, 'fail: audit-first: Write the audit row before you throw.\npass: still-refuses\n']);

		const refused = await cli(['exercise', 'write', LESSON, 'audit-before-refusal', dir, '--solution']);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /exportRows\.ts: not written: a different file is there \(use --force to replace it\)/);
		assert.match(readFileSync(path.join(dir, 'exportRows.ts'), 'utf8'), /would go here/, 'the learner file is kept');

		const forced = await cli(['exercise', 'write', LESSON, 'audit-before-refusal', dir, '--solution', '--force']);
		assert.equal(forced.code, 0);
		const solution = await cli(['exercise', 'check', LESSON, 'audit-before-refusal', dir]);
		assert.deepEqual([solution.code, solution.stdout], [0, 'pass: audit-first\npass: still-refuses\n']);
		const again = await cli(['exercise', 'write', LESSON, 'audit-before-refusal', dir, '--solution']);
		assert.deepEqual([again.code, again.stdout.replace(/\\/g, '/')], [0, `unchanged ${dir.replace(/\\/g, '/')}/exportRows.ts\n`]);
	});

	it('writes nested paths, but never through a symbolic link out of <dir>', async () => {
		const lesson = inlineLesson('nested', SIMPLE('src/app.ts'));
		const dir = path.join(temp, 'nested-work');
		assert.equal((await cli(['exercise', 'write', lesson, 'fix-it', dir])).code, 0);
		assert.equal(readFileSync(path.join(dir, 'src', 'app.ts'), 'utf8'), 'const a = 1;\n');

		const outside = path.join(temp, 'outside');
		mkdirSync(outside);
		const linked = path.join(temp, 'linked-work');
		mkdirSync(linked);
		symlinkSync(outside, path.join(linked, 'src'));
		const run = await cli(['exercise', 'write', lesson, 'fix-it', linked, '--force']);
		assert.equal(run.code, 1);
		assert.match(run.stderr, /src\/app\.ts: not written: it would be outside/);
		assert.deepEqual(readdirSync(outside), []);

		symlinkSync(path.join(outside, 'target.ts'), path.join(dir, 'src', 'link.ts'));
		const fileLink = inlineLesson('file-link', SIMPLE('src/link.ts'));
		const viaLink = await cli(['exercise', 'write', fileLink, 'fix-it', dir, '--force']);
		assert.equal(viaLink.code, 1);
		assert.equal(existsSync(path.join(outside, 'target.ts')), false);
	});

	it('exits 2 for a lesson with errors, an unknown exercise id or a path that climbs out', async () => {
		const unknown = await cli(['exercise', 'check', LESSON, 'nope', temp]);
		assert.equal(unknown.code, 2);
		assert.match(unknown.stderr, /has no exercise "nope" \(its exercises: audit-before-refusal\)/);
		for (const bad of ['../escape.ts', '/etc/passwd', 'a/../../b.ts']) {
			const lesson = inlineLesson('climb', SIMPLE(bad));
			const run = await cli(['exercise', 'write', lesson, 'fix-it', path.join(temp, 'climb-work')]);
			assert.equal(run.code, 2, bad);
			assert.match(run.stderr, /exercise-invalid-path/);
		}
		assert.equal(existsSync(path.join(temp, 'escape.ts')), false);
	});

	it('fails a check on a learner file over 512 KiB, reading no more than that', async () => {
		const lesson = inlineLesson('huge', SIMPLE('a.ts'));
		const dir = path.join(temp, 'huge-work');
		mkdirSync(dir);
		writeFileSync(path.join(dir, 'a.ts'), `const b = 1;\n${'x'.repeat(2 * 1024 * 1024)}`);
		const run = await cli(['exercise', 'check', lesson, 'fix-it', dir]);
		assert.deepEqual([run.code, run.stdout], [1, 'fail: has-b: a.ts: file too large to check (over 512 KiB)\n']);
		rmSync(path.join(dir, 'a.ts'));
		const missing = await cli(['exercise', 'check', lesson, 'fix-it', dir]);
		assert.deepEqual([missing.code, missing.stdout], [1, 'fail: has-b: a.ts is missing\n']);
		assert.match(missing.stderr, /a\.ts: cannot read: no such file or folder/);
	});

	it('runs catastrophic-looking patterns in linear time and prints hints as one inert line', async () => {
		const lesson = inlineLesson('hostile', SIMPLE('a.ts', 'Bad\\u001b[31m hint\\nsecond', '(a+)+$'));
		const dir = path.join(temp, 'hostile-work');
		mkdirSync(dir);
		writeFileSync(path.join(dir, 'a.ts'), `${'a'.repeat(500_000)}!`);
		const started = performance.now();
		const run = await cli(['exercise', 'check', lesson, 'fix-it', dir]);
		assert.ok(performance.now() - started < 5_000);
		assert.deepEqual([run.code, run.stdout], [1, 'fail: has-b: Bad [31m hint second\n']);
	});

	it('refuses a deeply nested or huge exercise block without a stack overflow', async () => {
		const deep = inlineLesson('deep', `${SIMPLE('a.ts')}explain: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`);
		const run = await cli(['exercise', 'check', deep, 'fix-it', temp]);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /error: .*\((yaml-syntax|exercise-schema)\)/);
	});
});
