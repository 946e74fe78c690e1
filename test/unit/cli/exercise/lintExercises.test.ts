import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../../src/cli/run';
import { lessonFileReader } from '../../../../src/cli/exercise/readRelative';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'fixtures', 'exercises', 'lessons');
const temp = mkdtempSync(path.join(tmpdir(), 'il-exercise-lint-'));
after(() => rmSync(temp, { recursive: true, force: true }));

async function cli(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

/** A copy of the fixture lessons in a folder of its own, with `edit` applied to the English lesson. */
function copy(name: string, edit: (text: string) => string = (t) => t): string {
	const root = path.join(temp, name);
	cpSync(FIXTURE, root, { recursive: true });
	const en = path.join(root, 'en', 'audit-export.md');
	writeFileSync(en, edit(readFileSync(en, 'utf8')));
	return root;
}

describe('lint: exercises', () => {
	it('accepts the consistent fixture in both languages', async () => {
		const run = await cli(['lint', '.'], copy('ok'));
		assert.deepEqual([run.code, run.stdout], [0, '']);
		assert.match(run.stderr, /^2 files, 0 errors, 0 warnings\n$/);
	});

	it('reports a solution that fails, a starter that passes and a translation that differs', async () => {
		const root = copy('inconsistent', (t) => t.replace('hints:\n', "  - id: never-log\n    file: exportRows.ts\n    mustNot: 'audit'\n    hint: h\nhints:\n"));
		const run = await cli(['lint', '.'], root);
		assert.equal(run.code, 1);
		assert.match(run.stdout, /^en[/\\]audit-export\.md:\d+:1: error: exercise "audit-before-refusal": the reference solution fails check "never-log" .*\(exercise-solution-fails\)$/m);
		assert.match(run.stdout, /^ja[/\\]audit-export\.md:23:1: error: exercise 1 does not match the en version .*\(translation-mismatch\)$/m);
		const passes = await cli(['lint', 'en'], copy('passes', (t) => t.replace("'(?s)\\baudit\\w*\\s*\\([^;]*\\)\\s*;[^}]*\\bthrow\\b'", "'export'")));
		assert.match(passes.stdout, /the starter passes every check.*\(exercise-starter-passes\)$/m);
	});

	it('reports referenced files that are missing, too large, or reached through a link out of the lessons', async () => {
		const root = copy('files');
		const outside = path.join(temp, 'secret.ts');
		writeFileSync(outside, 'throw audit();');
		rmSync(path.join(root, 'exercises', 'audit-export', 'solution', 'exportRows.ts'));
		symlinkSync(outside, path.join(root, 'exercises', 'audit-export', 'solution', 'exportRows.ts'));
		writeFileSync(path.join(root, 'exercises', 'audit-export', 'starter', 'exportRows.ts'), 'x'.repeat(64 * 1024 + 1));
		const run = await cli(['lint', 'en'], root);
		assert.equal(run.code, 1);
		assert.match(run.stdout, /starter of exportRows\.ts "\.\.\/exercises\/audit-export\/starter\/exportRows\.ts" is larger than 64 KiB.*\(exercise-file-missing\)$/m);
		assert.match(run.stdout, /solution of exportRows\.ts "\.\.\/exercises\/audit-export\/solution\/exportRows\.ts" does not exist or cannot be read.*\(exercise-file-missing\)$/m);
	});

	it('reads a reference only inside the lesson folder, or its parent after one "../"', async () => {
		const root = path.join(temp, 'reader');
		mkdirSync(path.join(root, 'lessons', 'en', 'sub'), { recursive: true });
		writeFileSync(path.join(root, 'lessons', 'en', 'sub', 'a.ts'), 'A');
		writeFileSync(path.join(root, 'lessons', 'b.ts'), 'B');
		writeFileSync(path.join(root, 'c.ts'), 'C');
		const read = lessonFileReader(path.join(root, 'lessons', 'en', 'x.md'));
		assert.deepEqual(await Promise.all(['sub/a.ts', '../b.ts', '../../c.ts', '../en/../../c.ts', path.join(root, 'c.ts'), 'nope.ts', '../en'].map(read)),
			['A', 'B', undefined, undefined, undefined, undefined, undefined]);
	});
});
