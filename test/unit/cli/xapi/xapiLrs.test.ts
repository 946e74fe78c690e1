// Integration with a real LRS: Learning Locker's xapi-statements, run in memory on 127.0.0.1 by the test (installed
// on demand into .vscode-test/lrs/). The CLI sends the sample reports with credentials from the environment, the
// statements are read back by agent, a re-send stores nothing new, and the extension's queue survives an outage.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { lrsTarget } from '../../../../src/core/xapi/lrsConfig';
import { sendStatements } from '../../../../src/core/xapi/lrsClient';
import { buildStatement, type Statement } from '../../../../src/core/xapi/statements';
import { StatementQueue } from '../../../../src/core/xapi/statementQueue';
import { startLrs, type RunningLrs } from '../../helpers/lrs';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const REPORTS = path.join(ROOT, 'test', 'fixtures', 'reports');
const CREDENTIALS = 'lrs-key:lrs-secret';
const AUTHORIZATION = `Basic ${Buffer.from(CREDENTIALS).toString('base64')}`;
const HOME = 'https://sso.example.com';

async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
			cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env },
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

const agent = (name: string): unknown => ({ objectType: 'Agent', account: { homePage: HOME, name } });

describe('xAPI to a real LRS (Learning Locker xapi-statements, in memory on 127.0.0.1)', () => {
	let lrs: RunningLrs;
	before(async () => {
		lrs = await startLrs(AUTHORIZATION);
	});
	after(async () => {
		await lrs?.stop();
	});

	it('the CLI sends the reports; the LRS holds every statement by agent; a re-send stores the same ids again', async () => {
		const printed = await cli(['xapi', REPORTS, '--home-page', HOME]);
		const statements = JSON.parse(printed.stdout) as Statement[];
		const sent = await cli(['xapi', REPORTS, '--home-page', HOME, '--lrs', lrs.endpoint], { INCIDENT_LESSONS_LRS_AUTH: CREDENTIALS });
		assert.equal(sent.code, 0, sent.stderr);
		assert.match(sent.stdout, new RegExp(`^${statements.length} stored, 0 conflict, 0 failed`));
		assert.ok(!sent.stdout.includes(CREDENTIALS) && !sent.stderr.includes(CREDENTIALS));
		const aiko = statements.filter((s) => (s.actor.account as { name: string }).name === 'Aiko Tanaka');
		assert.ok(aiko.length > 3);
		const stored = await lrs.statementsFor(agent('Aiko Tanaka'));
		assert.deepEqual(stored.map((s) => s.id).sort(), aiko.map((s) => s.id).sort());

		const again = await cli(['xapi', REPORTS, '--home-page', HOME, '--lrs', lrs.endpoint], { INCIDENT_LESSONS_LRS_AUTH: CREDENTIALS });
		assert.equal(again.code, 0, again.stderr);
		assert.match(again.stdout, new RegExp(`^${statements.length} stored, 0 conflict`));
		assert.equal((await lrs.statementsFor(agent('Aiko Tanaka'))).length, aiko.length, 'idempotent: nothing stored twice');
	});

	it('wrong credentials: nothing stored, the failure named without the secret', async () => {
		const sent = await cli(['xapi', path.join(REPORTS, 'chen-wei.json'), '--home-page', 'https://other.example.com', '--lrs', lrs.endpoint], { INCIDENT_LESSONS_LRS_AUTH: 'wrong:guess' });
		assert.equal(sent.code, 1);
		assert.match(sent.stderr, /refused the credentials \(HTTP 401\)/);
		assert.ok(!sent.stderr.includes('wrong:guess'));
		assert.deepEqual(await lrs.statementsFor({ objectType: 'Agent', account: { homePage: 'https://other.example.com', name: 'Chen Wei' } }), []);
	});

	it('a conflicting id (same id, other content) is reported as conflict, the rest of the batch stored', async () => {
		const target = lrsTarget(lrs.endpoint, CREDENTIALS);
		assert.ok('target' in target);
		const profile = { activityBase: 'https://lessons.example.com/', homePage: HOME };
		const lesson = { id: 'l1', title: 'L1', track: 'developer', language: 'en' };
		const one = buildStatement(profile, { name: 'Conflict Test' }, lesson, { kind: 'passed', score: 90, attempt: 1, time: '2026-12-01T00:00:00.000Z' });
		const two = buildStatement(profile, { name: 'Conflict Test' }, lesson, { kind: 'completed', score: 90, attempt: 1, time: '2026-12-01T00:00:00.000Z' });
		const deps = { fetch, sleep: () => Promise.resolve() };
		assert.deepEqual((await sendStatements(target.target, [one], deps)).stored, [one.id]);
		const changed = { ...one, result: { ...one.result, success: false } };
		const outcome = await sendStatements(target.target, [changed, two], deps);
		assert.deepEqual(outcome, { stored: [two.id], conflict: [one.id], failed: [] });
	});

	it('the queue: answers while the LRS is down are kept on disk, nothing is lost, and it drains when it is back', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'xapi-queue-'));
		try {
			const file = path.join(dir, 'queue.json');
			const store = { load: () => readFile(file, 'utf8').catch(() => undefined), save: (text: string) => writeFile(file, text) };
			const target = lrsTarget(lrs.endpoint, CREDENTIALS);
			assert.ok('target' in target);
			const send = (s: readonly Statement[]) => sendStatements(target.target, s, { fetch, sleep: () => Promise.resolve(), tries: 1 });
			const profile = { activityBase: 'https://lessons.example.com/', homePage: HOME };
			const lesson = { id: 'queue-lesson', title: 'Q', track: 'developer', language: 'en' };
			const answer = (n: number): Statement => buildStatement(profile, { name: 'Queue Test' }, lesson, {
				kind: 'answered', quizId: `q${n}`, interaction: 'choice', correct: n % 2 === 0, attempt: 1, time: new Date(Date.UTC(2026, 11, 1, 0, n)).toISOString(), response: [n % 3],
			});
			const queue = new StatementQueue(store, send);
			await queue.enqueue([answer(1), answer(2)]);
			assert.equal((await queue.flush()).sent, 2);

			await lrs.down();
			await queue.enqueue([answer(3), answer(4)]);
			const whileDown = await queue.flush();
			assert.equal(whileDown.sent, 0);
			assert.equal(whileDown.pending, 2);
			await queue.enqueue([answer(5)]);
			// A new window (the process restarted) reads the same file: nothing was lost in memory.
			const reopened = new StatementQueue(store, send);
			assert.equal(await reopened.pending(), 3);

			await lrs.up();
			const drained = await reopened.flush();
			assert.deepEqual([drained.sent, drained.pending], [3, 0]);
			const stored = await lrs.statementsFor(agent('Queue Test'));
			assert.deepEqual(stored.map((s) => s.id).sort(), [1, 2, 3, 4, 5].map((n) => answer(n).id).sort());
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
