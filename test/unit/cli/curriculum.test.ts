import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';

describe('docs/curriculum.md', () => {
	it('has the table the curriculum command prints for the bundled lessons', async () => {
		let table = '';
		const code = await runCli(['curriculum', 'lessons'], process.cwd(), { stdout: (t) => { table += t; }, stderr: () => undefined });
		assert.equal(code, 0);
		const doc = readFileSync('docs/curriculum.md', 'utf8');
		assert.ok(doc.endsWith(table), 'docs/curriculum.md is out of date: regenerate its table with `npx incident-lessons curriculum lessons`');
	});
});

describe('curriculum command', () => {
	it('lists every bundled lesson once, with track, minutes, quizzes, ATT&CK ids and sources', async () => {
		let out = '';
		assert.equal(await runCli(['curriculum', 'lessons'], process.cwd(), { stdout: (t) => { out += t; }, stderr: () => undefined }), 0);
		const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Lesson') && !l.startsWith('| ---'));
		assert.equal(rows.length, 14);
		assert.match(out, /`axa-non-life-unauthorized-access` \| developer \| \d+ \| 5 \(/);
		assert.match(out, /^14 lessons, \d+ minutes, \d+ quizzes\.$/m);
		for (const row of rows) {
			assert.equal(row.split(' | ').length, 6, row);
		}
	});

	it('exits 1 and names the problem when a lesson does not parse', async () => {
		let err = '';
		const code = await runCli(['curriculum', 'test/fixtures/lessons/malformed/quiz-no-correct.md'], process.cwd(), { stdout: () => undefined, stderr: (t) => { err += t; } });
		assert.equal(code, 1);
		assert.match(err, /quiz-no-correct\.md:\d+:\d+: error: .*\(quiz-no-correct\)/);
	});
});
