// `incident-lessons xapi`: the printed statements are valid and terminal-safe, credentials only from the
// environment, endpoints checked; the LRS client's batches, retries and outcomes against a scripted fetch.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../../src/cli/run';
import { runXapi, type XapiDeps } from '../../../../src/cli/xapi/xapi';
import { parseXapiArgs, type XapiCommand } from '../../../../src/cli/xapi/xapiArgs';
import { sendStatements } from '../../../../src/core/xapi/lrsClient';
import { authorizationFor, lrsTarget } from '../../../../src/core/xapi/lrsConfig';
import type { Statement } from '../../../../src/core/xapi/statements';
import { xapiValidator } from '../../helpers/lrs';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const REPORTS = path.join('test', 'fixtures', 'reports');

function capture(): { output: { stdout: (t: string) => void; stderr: (t: string) => void }; text: { stdout: string; stderr: string } } {
	const text = { stdout: '', stderr: '' };
	return { text, output: { stdout: (t) => { text.stdout += t; }, stderr: (t) => { text.stderr += t; } } };
}

async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const { output, text } = capture();
	const code = await runCli(args, ROOT, output);
	return { code, ...text };
}

describe('cli xapi', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-xapi-'));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('prints a JSON array of valid statements for the reports', async () => {
		const run = await cli(['xapi', REPORTS, '--home-page', 'https://sso.example.com', '--base', 'https://lessons.example.com/xapi', '--lang', 'ja']);
		assert.equal(run.code, 0, run.stderr);
		const statements = JSON.parse(run.stdout) as Statement[];
		assert.ok(statements.length > 20);
		const validate = xapiValidator();
		assert.deepEqual(statements.flatMap((s) => validate(s)), []);
		assert.ok(statements.every((s) => String(s.object.id).startsWith('https://lessons.example.com/xapi/lessons/') && s.context.language === 'ja'));
		assert.match(run.stderr, /skipped .*malformed\.json/);
	});

	it('writes a hostile report\'s escapes and bidi overrides as \\u escapes: same JSON, nothing raw on the terminal', async () => {
		const report = JSON.parse(readFileSync(path.join(ROOT, REPORTS, 'chen-wei.json'), 'utf8')) as { learner: { name: string } };
		report.learner.name = 'Eve\u001b]8;;https://evil.example\u0007\u202eevil\u009b';
		writeFileSync(path.join(tmp, 'eve.json'), JSON.stringify(report));
		const run = await cli(['xapi', path.join(tmp, 'eve.json'), '--home-page', 'https://sso.example.com']);
		assert.equal(run.code, 0, run.stderr);
		assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		const statements = JSON.parse(run.stdout) as Statement[];
		assert.equal((statements[0]?.actor.account as { name: string }).name, report.learner.name);
	});

	it('takes credentials only from INCIDENT_LESSONS_LRS_AUTH, and sends only over https or to loopback', async () => {
		assert.match((await cli(['xapi', REPORTS, '--home-page', 'https://h.example', '--lrs', 'https://lrs.example/xAPI', '--auth', 'k:s'])).stderr, /only from INCIDENT_LESSONS_LRS_AUTH/);
		assert.match((await cli(['xapi', REPORTS])).stderr, /needs --home-page/);
		const command = parseXapiArgs([REPORTS, '--home-page', 'https://h.example', '--lrs', 'http://lrs.example.com/xAPI/']) as XapiCommand;
		const noFetch: XapiDeps = { env: { INCIDENT_LESSONS_LRS_AUTH: 'k:s' }, fetch: () => Promise.reject(new Error('must not send')), sleep: () => Promise.resolve() };
		const { output, text } = capture();
		assert.equal(await runXapi(command, ROOT, output, noFetch), 2);
		assert.match(text.stderr, /must be https/);
		const missing = capture();
		assert.equal(await runXapi({ ...command, lrs: 'https://lrs.example.com/xAPI/' }, ROOT, missing.output, { ...noFetch, env: {} }), 2);
		assert.match(missing.text.stderr, /needs the credentials in INCIDENT_LESSONS_LRS_AUTH/);
		assert.ok('problem' in lrsTarget('https://k:s@lrs.example.com/', 'k:s'), 'no credentials in the URL');
		assert.ok('problem' in authorizationFor('k:s\r\nX-Injected: 1'), 'no header splitting');
		assert.deepEqual(authorizationFor('key:sécret'), { authorization: `Basic ${Buffer.from('key:sécret').toString('base64')}` });
	});
});

describe('LRS client (scripted fetch)', () => {
	const target = { endpoint: 'https://lrs.example.com/xAPI/', authorization: 'Basic a2V5OnNlY3JldA==' };
	const statements = Array.from({ length: 120 }, (_, i) => ({ id: `00000000-0000-5000-8000-${String(i).padStart(12, '0')}` }) as unknown as Statement);

	function scripted(answers: (number | 'network')[]): { deps: XapiDeps; calls: { url: string; method: string; count: number }[]; slept: number[] } {
		const calls: { url: string; method: string; count: number }[] = [];
		const slept: number[] = [];
		const deps: XapiDeps = {
			env: {},
			sleep: (ms) => { slept.push(ms); return Promise.resolve(); },
			fetch: (url, init) => {
				const body = JSON.parse(init?.body as string) as unknown;
				calls.push({ url: url as string, method: String(init?.method), count: Array.isArray(body) ? body.length : 1 });
				assert.equal((init?.headers as Record<string, string>).Authorization, target.authorization);
				const next = answers.shift() ?? 200;
				return next === 'network' ? Promise.reject(new TypeError('fetch failed')) : Promise.resolve(new Response(next === 204 ? null : '[]', { status: next }));
			},
		};
		return { deps, calls, slept };
	}

	it('sends in batches of 50, retrying network errors and 5xx with backoff', async () => {
		const { deps, calls, slept } = scripted([200, 'network', 503, 200, 200]);
		const outcome = await sendStatements(target, statements, deps);
		assert.deepEqual(calls.map((c) => c.count), [50, 50, 50, 50, 20]);
		assert.deepEqual(slept, [1000, 2000]);
		assert.equal(outcome.stored.length, 120);
	});

	it('after the tries, a batch is failed to retry later; a 400 is rejected without retries', async () => {
		const down = scripted(['network', 'network', 'network']);
		const outcome = await sendStatements(target, statements.slice(0, 3), down.deps);
		assert.deepEqual(outcome.failed.map((f) => [f.kind, f.reason]), Array(3).fill(['retry', 'the LRS could not be reached']));
		const bad = scripted([400]);
		const refused = await sendStatements(target, statements.slice(0, 2), bad.deps);
		assert.deepEqual([bad.calls.length, refused.failed.map((f) => f.kind)], [1, ['rejected', 'rejected']]);
	});

	it('a batch answered 409 is sent one by one (PUT by id) to find the conflicting statement', async () => {
		const { deps, calls } = scripted([409, 204, 409, 204]);
		const outcome = await sendStatements(target, statements.slice(0, 3), deps);
		assert.deepEqual(calls.map((c) => c.method), ['POST', 'PUT', 'PUT', 'PUT']);
		assert.ok(calls[2]?.url.endsWith(`statements?statementId=${statements[1]?.id ?? ''}`));
		assert.deepEqual(outcome, { stored: [statements[0]?.id, statements[2]?.id], conflict: [statements[1]?.id], failed: [] });
	});
});
