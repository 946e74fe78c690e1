import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSarif, SARIF_LIMITS } from '../../../../src/core/findings/sarif';
import { safeArtifactPath } from '../../../../src/core/findings/sarifLocation';

const options = { root: '/repo', clock: () => 0 };
const log = (runs: unknown): string => JSON.stringify({ version: '2.1.0', runs });
const at = (uri: unknown, startLine = 4): unknown => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine } } }];

describe('readSarif: where scanners put the CWE', () => {
	it('reads CodeQL: rule tags external/cwe/cwe-N through ruleIndex, relationships to the CWE taxonomy, and taxa', () => {
		const read = readSarif(log([{
			tool: { driver: { name: 'CodeQL', rules: [
				{ id: 'js/clear-text-logging', properties: { tags: ['security', 'external/cwe/cwe-312', 'external/cwe/cwe-532'] } },
				{ id: 'js/hardcoded-credentials', relationships: [{ target: { id: '798', toolComponent: { name: 'CWE' } } }] },
			] } },
			taxonomies: [{ name: 'OWASP' }, { name: 'CWE', taxa: [{ id: '778' }] }],
			results: [
				{ ruleId: 'js/clear-text-logging', ruleIndex: 0, message: { text: 'Logs card data.' }, locations: at('src/pay.js', 12) },
				{ ruleId: 'js/hardcoded-credentials', message: { text: 'x' }, locations: at('src/db.js') },
				{ ruleId: 'custom', message: { text: 'y' }, taxa: [{ id: 'CWE-778', toolComponent: { index: 1 } }, { id: '352', toolComponent: { index: 0 } }] },
			],
		}]), options);
		assert.equal(read.error, undefined);
		assert.deepEqual(read.problems, []);
		assert.deepEqual(read.findings.map((f) => [f.tool, f.ruleId, f.cwe, f.path, f.line]), [
			['CodeQL', 'js/clear-text-logging', ['CWE-312', 'CWE-532'], 'src/pay.js', 12],
			['CodeQL', 'js/hardcoded-credentials', ['CWE-798'], 'src/db.js', 4],
			['CodeQL', 'custom', ['CWE-778'], undefined, undefined],
		]);
	});

	it('reads Semgrep: "CWE-798: …" tags on the rule, and OWASP tags are not CWE', () => {
		const read = readSarif(log([{
			tool: { driver: { name: 'Semgrep OSS', rules: [{ id: 'generic.secrets.security.detected-aws-access-key', properties: { tags: ['CWE-798: Use of Hard-coded Credentials', 'OWASP-A07:2021 - Identification and Authentication Failures'] } }] } },
			results: [{ ruleId: 'generic.secrets.security.detected-aws-access-key', message: { text: 'AWS key' }, locations: at('config/keys.py', 2) }],
		}]), options);
		assert.deepEqual(read.findings.map((f) => [f.cwe, f.path]), [[['CWE-798'], 'config/keys.py']]);
	});

	it('reads ESLint and Bandit rule ids through the table, and a CWE at the start of a message', () => {
		const read = readSarif(log([
			{ tool: { driver: { name: 'ESLint' } }, results: [
				{ ruleId: 'security/detect-child-process', message: { text: 'exec' } },
				{ ruleId: 'no-restricted-syntax', message: { text: 'CWE-532: card data passed to a logger' } },
				{ ruleId: 'no-restricted-syntax', message: { text: 'see CWE-79 somewhere' } },
			] },
			{ tool: { driver: { name: 'Bandit' } }, results: [{ ruleId: 'B105', message: { text: 'password' } }] },
			{ tool: { driver: { name: 'Other' } }, results: [{ ruleId: 'B105', message: { text: 'not Bandit' } }] },
		]), options);
		assert.deepEqual(read.findings.map((f) => f.cwe), [['CWE-78'], ['CWE-532'], [], ['CWE-259'], []]);
	});

	it('makes file: URIs inside the root relative and keeps others as they are', () => {
		const read = readSarif(log([{ tool: { driver: { name: 'ESLint' } }, artifacts: [{ location: { uri: 'file:///repo/lib/b.js' } }], results: [
			{ message: { text: 'a' }, locations: at('file:///repo/src/a%20b.js') },
			{ message: { text: 'b' }, locations: [{ physicalLocation: { artifactLocation: { index: 0 } } }] },
			{ message: { text: 'c' }, locations: at('file:///elsewhere/c.js') },
		] }]), options);
		assert.deepEqual(read.findings.map((f) => f.path), ['src/a b.js', 'lib/b.js', '/elsewhere/c.js']);
	});
});

describe('readSarif: hostile logs', () => {
	it('refuses text that is not JSON, not SARIF 2.1.0, too deep or too large, with a clear message', () => {
		assert.match(readSarif('{"version": ', options).error ?? '', /^not JSON/);
		assert.match(readSarif(JSON.stringify({ version: '2.0.0', runs: [] }), options).error ?? '', /not a SARIF 2\.1\.0 log/);
		assert.match(readSarif(JSON.stringify({ version: '2.1.0', runs: {} }), options).error ?? '', /not a SARIF 2\.1\.0 log/);
		assert.match(readSarif('[1]', options).error ?? '', /not a SARIF 2\.1\.0 log/);
		const deep = `{"version":"2.1.0","runs":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
		assert.match(readSarif(deep, options).error ?? '', /nested deeper than 100 levels/);
		assert.match(readSarif(' '.repeat(SARIF_LIMITS.maxChars + 1), options).error ?? '', /larger than/);
	});

	it('reports fields of the wrong type and reads the rest', () => {
		const read = readSarif(log([7, { tool: { driver: { name: 42, rules: 'x' } }, results: [
			3,
			{ ruleId: 5, message: { text: ['no'] }, properties: { tags: 'external/cwe/cwe-1' }, locations: at(12) },
			{ ruleId: 'security/detect-eval-with-expression', ruleIndex: 99, message: 'flat', locations: [{ physicalLocation: { region: { startLine: -3 } } }] },
		] }, { results: 'many' }]), options);
		assert.deepEqual(read.problems, [
			'run 1: not an object',
			'run 2, result 1: not an object',
			'run 2, result 2: "ruleId" is not a string',
			'run 2, result 2: location left out: "artifactLocation.uri" is not a string',
			'run 3: "results" is not a list',
		]);
		assert.deepEqual(read.findings.map((f) => [f.tool, f.ruleId, f.message, f.cwe, f.path, f.line]), [
			['unknown tool', undefined, '', [], undefined, undefined],
			['unknown tool', 'security/detect-eval-with-expression', '', ['CWE-95'], undefined, undefined],
		]);
	});

	it('leaves out locations with "..", other schemes or control characters, and keeps the finding', () => {
		const uris = ['../../etc/passwd', 'src/%2e%2e/%2E%2E/secret', 'src\\..\\..\\x', 'command:workbench.action.terminal.new', 'javascript:alert(1)',
			'https://example.com/a.js', 'file://evil.example/share/a.js', 'src/a\u001b]8;;x.js', 'src/%E0%A4%A.js'];
		const read = readSarif(log([{ tool: { driver: { name: 'T' } }, results: uris.map((uri) => ({ message: { text: 'm' }, properties: { tags: ['CWE-532'] }, locations: at(uri) })) }]), options);
		assert.equal(read.findings.length, uris.length);
		assert.ok(read.findings.every((f) => f.path === undefined && f.cwe[0] === 'CWE-532'));
		assert.deepEqual(read.problems.map((p) => p.replace(/^run 1, result \d+: location left out: /, '')), [
			'the location climbs out of its folder with ".."', 'the location climbs out of its folder with ".."', 'the location climbs out of its folder with ".."',
			'a "command:" URI is not a file location', 'a "javascript:" URI is not a file location', 'a "https:" URI is not a file location',
			'a file: URI on another host is not a local file', 'the location has control characters', 'the location URI has a malformed percent escape',
		]);
	});

	it('stops at the results limit and at the time budget, and says so', () => {
		const many = log([{ tool: { driver: { name: 'T' } }, results: Array.from({ length: SARIF_LIMITS.maxResults + 5 }, () => ({ message: { text: 'm' } })) }]);
		const capped = readSarif(many, options);
		assert.equal(capped.findings.length, SARIF_LIMITS.maxResults);
		assert.deepEqual(capped.problems, [`only the first ${SARIF_LIMITS.maxResults} results were read`]);
		let now = 0;
		const slow = readSarif(many, { root: '/repo', clock: () => (now += 1000) });
		assert.ok(slow.findings.length < SARIF_LIMITS.maxResults);
		assert.match(slow.problems.at(-1) ?? '', /^stopped after 5000 ms; \d+ results were read$/);
	});

	it('keeps messages to one line of at most 300 characters', () => {
		const read = readSarif(log([{ tool: { driver: { name: 'T\u001b[31m' } }, results: [{ message: { text: `a\nb\u001b[2J${'x'.repeat(500)}` } }] }]), options);
		assert.equal(read.findings[0]?.message.length, 300);
		assert.doesNotMatch(`${read.findings[0]?.message}${read.findings[0]?.tool}`, /[\n\u001b]/);
	});
});

describe('safeArtifactPath', () => {
	it('accepts relative references and local file URIs, Windows ones too', () => {
		assert.deepEqual(safeArtifactPath('./src//a.js', '/repo'), { path: 'src/a.js' });
		assert.deepEqual(safeArtifactPath('file://localhost/repo/a.js', '/repo/'), { path: 'a.js' });
		assert.deepEqual(safeArtifactPath('file:///C:/work/repo/a.js', 'C:\\work\\repo'), { path: 'a.js' });
		assert.deepEqual(safeArtifactPath('src/a.js?x=1#L3', '/repo'), { path: 'src/a.js' });
		assert.deepEqual(safeArtifactPath(`${'a/'.repeat(1001)}x`, '/repo'), { problem: 'the location URI is longer than 2000 characters' });
		assert.deepEqual(safeArtifactPath('file:///', '/repo'), { problem: 'the location names no file' });
	});
});
