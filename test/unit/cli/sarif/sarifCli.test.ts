// `suggest --sarif` and `curriculum --coverage` on SARIF made in the test run by a real scanner: ESLint with
// eslint-plugin-security and the SARIF formatter, over a small project written to have known findings.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { ESLint } from 'eslint';
import { runCli } from '../../../../src/cli/run';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const PROJECT = path.join(ROOT, 'test', 'fixtures', 'sarif', 'eslint-project');

async function cli(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

/** GitLab's code quality report as its documentation describes it (the fields GitLab reads, and their types). */
const GITLAB_CODE_QUALITY = {
	type: 'array',
	items: {
		type: 'object',
		required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
		properties: {
			description: { type: 'string', minLength: 1 },
			check_name: { type: 'string', minLength: 1 },
			fingerprint: { type: 'string', minLength: 1 },
			severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
			location: {
				type: 'object',
				required: ['path', 'lines'],
				properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
			},
		},
	},
};

/** A GitHub Actions workflow command: `::notice` with properties whose `,` and `:` are escaped, then `::` and the message. */
const GITHUB_ANNOTATION = /^::notice (file=[^,:\n]+,line=\d+,)?title=[^,:\n]+::[^\n]+$/;

describe('suggest --sarif on a real ESLint run', () => {
	let tmp = '';
	let sarif = '';

	before(async () => {
		tmp = mkdtempSync(path.join(tmpdir(), 'sarif-cli-'));
		// Not named eslint.config.mjs, so the project's own lint leaves the fixture's deliberately vulnerable code alone.
		const eslint = new ESLint({ cwd: PROJECT, overrideConfigFile: path.join(PROJECT, 'scanner.config.mjs') });
		const results = await eslint.lintFiles(['src']);
		const formatter = await eslint.loadFormatter('@microsoft/eslint-formatter-sarif');
		sarif = path.join(tmp, 'eslint.sarif');
		writeFileSync(sarif, await formatter.format(results, eslint.getRulesMetaForResults(results)));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('links the findings the fixture was written to have, and nothing the lessons do not teach', async () => {
		const run = await cli(['suggest', '--sarif', sarif], PROJECT);
		assert.equal(run.code, 0, run.stderr);
		assert.deepEqual(run.stdout.trim().split('\n').map((line) => line.replace(/ — .*/, '')).sort(), [
			'src/audit.js:3: axa-non-life-unauthorized-access',
			'src/audit.js:3: long-dwell-intrusions',
			'src/audit.js:3: non-life-insurers-insider-leak',
			'src/payments.js:5: pos-card-data-skimming',
		]);
		// the lesson's own why for CWE-532, and the weakness's name where a lesson gives none
		assert.match(run.stdout, /^src\/payments\.js:5: pos-card-data-skimming — Card numbers in logs and files are a leak of their own: redact them in the logger\.$/m);
		assert.match(run.stdout, /^src\/audit\.js:3: non-life-insurers-insider-leak — teaches CWE-778 \(insufficient logging\) through a real incident$/m);
		assert.match(run.stderr, /^5 findings, 2 linked to 4 lessons, 3 with a CWE no lesson teaches, 0 with no CWE id$/m);
		assert.match(run.stderr, /no lesson yet for: .*CWE-352 \(cross-site request forgery\) ×1/);
		assert.match(run.stderr, /CWE-78 \(OS command injection\) ×1, CWE-95 \(eval injection\) ×1/);
		assert.doesNotMatch(run.stdout + run.stderr, /\u001b/);
	});

	it('prints GitHub workflow annotations', async () => {
		const run = await cli(['suggest', '--sarif', sarif, '--format', 'github'], PROJECT);
		const lines = run.stdout.trim().split('\n');
		assert.equal(lines.length, 4);
		for (const line of lines) {
			assert.match(line, GITHUB_ANNOTATION);
		}
		assert.ok(lines.includes('::notice file=src/payments.js,line=5,title=Learn from a real incident%3A Retailer A%3A card data leaking from the POS for three months'
			+ '::pos-card-data-skimming — Card numbers in logs and files are a leak of their own: redact them in the logger.'));
	});

	it('prints a GitLab code quality report that validates against GitLab\'s documented shape', async () => {
		const run = await cli(['suggest', '--sarif', sarif, '--format=gitlab'], PROJECT);
		const report: unknown = JSON.parse(run.stdout);
		const validate = new Ajv({ strict: false }).compile(GITLAB_CODE_QUALITY);
		assert.ok(validate(report), JSON.stringify(validate.errors));
		assert.equal((report as unknown[]).length, 4);
		assert.equal(new Set((report as { fingerprint: string }[]).map((r) => r.fingerprint)).size, 4);
		assert.deepEqual(JSON.parse((await cli(['suggest', '--sarif', sarif, '--format=gitlab'], PROJECT)).stdout), report, 'fingerprints are stable');
	});

	it('shows coverage: what the lessons teach and which findings have no lesson yet', async () => {
		const run = await cli(['curriculum', '--coverage', '--sarif', sarif], PROJECT);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /\| CWE-532 \(sensitive information in a log file\) \| `pos-card-data-skimming` \|/);
		assert.match(run.stdout, /\| CWE-352 \(cross-site request forgery\) \| 1 \| `security\/detect-no-csrf-before-method-override` \|/);
		assert.doesNotMatch(run.stdout.split('## Findings with no lesson yet')[1] ?? '', /CWE-532|CWE-778/);
	});
});

describe('suggest --sarif on hostile logs', () => {
	let tmp = '';
	const write = (name: string, text: string): string => {
		writeFileSync(path.join(tmp, name), text);
		return name;
	};
	before(() => { tmp = mkdtempSync(path.join(tmpdir(), 'sarif-hostile-')); });
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('says why a log cannot be read, maps the others and exits 2', async () => {
		const huge = write('huge.sarif', '');
		truncateSync(path.join(tmp, huge), 33 * 1024 * 1024);
		const deep = write('deep.sarif', `{"version":"2.1.0","runs":${'['.repeat(5000)}${']'.repeat(5000)}}`);
		const wrong = write('wrong.sarif', '{"version":"2.1.0","runs":"yes"}');
		const good = write('good.sarif', JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL' } }, results: [
			{ ruleId: 'js/clear-text-logging', message: { text: 'm' }, properties: { tags: ['external/cwe/cwe-532'] }, locations: [{ physicalLocation: { artifactLocation: { uri: 'command:workbench.action.terminal.new' } } }] },
			{ ruleId: 'js/clear-text-logging', message: { text: 'm' }, properties: { tags: ['external/cwe/cwe-532'] }, locations: [{ physicalLocation: { artifactLocation: { uri: '::warning file=x::pwned' }, region: { startLine: 2 } } }] },
			{ ruleId: 'x', message: { text: 'm' }, properties: { tags: ['external/cwe/cwe-532'] }, locations: [{ physicalLocation: { artifactLocation: { uri: '../../etc/passwd' } } }] },
		] }] }));
		const run = await cli(['suggest', '--sarif', huge, deep, wrong, 'missing.sarif', good], tmp);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /^incident-lessons: huge\.sarif: larger than 33554432 bytes$/m);
		assert.match(run.stderr, /^incident-lessons: deep\.sarif: nested deeper than 100 levels$/m);
		assert.match(run.stderr, /^incident-lessons: wrong\.sarif: not a SARIF 2\.1\.0 log/m);
		assert.match(run.stderr, /^incident-lessons: missing\.sarif: cannot read: no such file or folder$/m);
		assert.match(run.stderr, /^incident-lessons: good\.sarif: run 1, result 1: location left out: a "command:" URI is not a file location$/m);
		assert.match(run.stderr, /^incident-lessons: good\.sarif: run 1, result 3: location left out: the location climbs out of its folder with "\.\."$/m);
		assert.deepEqual(run.stdout.trim().split('\n').map((l) => l.replace(/ — .*/, '')), [
			'good.sarif: pos-card-data-skimming',
			'./::warning file=x::pwned:2: pos-card-data-skimming',
			'good.sarif: pos-card-data-skimming',
		]);
	});

	it('prints the code scan\'s matches in the CI formats too', async () => {
		write('report.sql', '-- monthly\nSELECT * FROM customers;\n');
		const github = await cli(['suggest', 'report.sql', '--format', 'github'], tmp);
		assert.equal(github.code, 0, github.stderr);
		assert.match(github.stdout, /^::notice file=report\.sql,line=2,title=Learn from a real incident%3A Four non-life insurers[^:\n]*::non-life-insurers-insider-leak — /m);
		const gitlab = JSON.parse((await cli(['suggest', 'report.sql', '--format', 'gitlab'], tmp)).stdout) as { location: { path: string; lines: { begin: number } } }[];
		assert.deepEqual(gitlab.map((i) => [i.location.path, i.location.lines.begin]), [['report.sql', 2]]);
	});

	it('rejects --sarif without files and an unknown --format', async () => {
		assert.match((await cli(['suggest', '--sarif'], tmp)).stderr, /suggest --sarif needs at least one SARIF file/);
		assert.match((await cli(['suggest', '--sarif', 'a.sarif', '--format', 'html'], tmp)).stderr, /suggest --format needs one of: text, github, gitlab/);
		assert.match((await cli(['suggest', 'src', '--sarif', 'a.sarif'], tmp)).stderr, /files to scan or --sarif logs, not both/);
		assert.match((await cli(['curriculum', '--coverage', '--sarif'], tmp)).stderr, /curriculum --sarif needs at least one SARIF file/);
	});
});
