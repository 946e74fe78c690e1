import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverageReport } from '../../../../src/core/findings/coverage';
import { cweOfTag } from '../../../../src/core/findings/cweIds';
import { cwesOfDiagnostic, indexWeaknesses, lessonsForCwes } from '../../../../src/core/findings/findingLessons';
import { cwesOfRule, RULE_CWE } from '../../../../src/core/findings/ruleCwe';

const lesson = (id: string, cwe: readonly (string | { id: string; section?: string; why?: string })[], owasp?: string[]) => ({
	meta: { id, title: `Title ${id}`, cwe: cwe.map((c) => (typeof c === 'string' ? { id: c, line: 1 } : { ...c, line: 1 })), ...(owasp ? { owasp } : {}) },
});

describe('finding → lessons', () => {
	const index = indexWeaknesses([
		lesson('pos', [{ id: 'CWE-532', section: 'what-a-developer-could-have-built', why: 'Card numbers in logs.' }]),
		lesson('axa', ['CWE-359', 'CWE-778']),
		lesson('gmail', ['CWE-359']),
		lesson('agency', ['CWE-359']),
	]);

	it('links only through a CWE a lesson declares, with its section and why', () => {
		assert.deepEqual(lessonsForCwes(index, ['CWE-532']), [{ lessonId: 'pos', title: 'Title pos', cwe: 'CWE-532', section: 'what-a-developer-could-have-built', why: 'Card numbers in logs.' }]);
		assert.deepEqual(lessonsForCwes(index, ['CWE-352']), []);
		assert.equal(lessonsForCwes(index, ['CWE-778'])[0]?.why, 'teaches CWE-778 (insufficient logging) through a real incident');
	});

	it('gives each CWE of a finding its first lesson before a second lesson of any, at most three', () => {
		assert.deepEqual(lessonsForCwes(index, ['CWE-312', 'CWE-359', 'CWE-532']).map((l) => l.lessonId), ['axa', 'pos', 'gmail']);
	});

	it('reads the CWE of an editor diagnostic from its code, link, rule id or message start', () => {
		assert.deepEqual(cwesOfDiagnostic({ code: 'CWE-798', message: 'x' }), ['CWE-798']);
		assert.deepEqual(cwesOfDiagnostic({ code: 'S2068', codeTarget: 'https://cwe.mitre.org/data/definitions/532.html', source: 'sonarlint', message: 'x' }), ['CWE-532', 'CWE-798', 'CWE-259']);
		assert.deepEqual(cwesOfDiagnostic({ code: 'security/detect-child-process', source: 'eslint', message: 'x' }), ['CWE-78']);
		assert.deepEqual(cwesOfDiagnostic({ code: 'python.lang.security.audit.logging.logger-credential-leak.python-logger-credential-disclosure', source: 'Semgrep', message: 'x' }), ['CWE-532']);
		assert.deepEqual(cwesOfDiagnostic({ source: 'eslint', message: 'CWE-778: audit logging switched off' }), ['CWE-778']);
		assert.deepEqual(cwesOfDiagnostic({ code: 'no-unused-vars', source: 'eslint', message: 'unused, see CWE-561' }), []);
	});
});

describe('CWE ids and the rule table', () => {
	it('reads the tag forms scanners use, and nothing else', () => {
		assert.deepEqual(['external/cwe/cwe-079', 'external/cwe/cwe-79', 'CWE-798: Use of Hard-coded Credentials', 'cwe-22', 'http://cwe.mitre.org/data/definitions/352.html',
			'CWE-', 'CWE-0', 'owasp-a01', 'CWE-1234567', 'security'].map(cweOfTag),
		['CWE-79', 'CWE-79', 'CWE-798', 'CWE-22', 'CWE-352', undefined, undefined, undefined, undefined, undefined]);
	});

	it('has well-formed entries, and short ids only count for their own tool', () => {
		for (const entry of RULE_CWE) {
			assert.ok(entry.cwe.every((c) => /^CWE-[1-9][0-9]*$/.test(c)), entry.rule);
		}
		assert.deepEqual(cwesOfRule('B608', 'Bandit'), ['CWE-89']);
		assert.deepEqual(cwesOfRule('B608', 'ESLint'), []);
		assert.deepEqual(cwesOfRule('typescript:S2068', ''), ['CWE-798', 'CWE-259']);
		assert.deepEqual(cwesOfRule('S2068', 'pylint'), []);
		assert.deepEqual(cwesOfRule('my.detected-generic-secret', 'Semgrep'), ['CWE-798']);
	});
});

describe('coverage report', () => {
	it('lists CWE and OWASP coverage, and the findings whose weaknesses no lesson teaches', () => {
		const report = coverageReport([lesson('pos', ['CWE-532'], ['A09:2021']), lesson('x|y', [])], [
			{ tool: 'ESLint', ruleId: 'security/detect-no-csrf-before-method-override', message: '', cwe: ['CWE-352'] },
			{ tool: 'CodeQL', ruleId: 'js/clear-text-logging', message: '', cwe: ['CWE-312', 'CWE-532'] },
			{ tool: 'T', message: '', cwe: [] },
		]);
		assert.match(report, /\| CWE-532 \(sensitive information in a log file\) \| `pos` \|/);
		assert.match(report, /1 of 2 lessons declare/);
		assert.match(report, /\| A09:2021 Security Logging and Monitoring Failures \| `pos` \|/);
		assert.match(report, /\| A01:2021 Broken Access Control \| none yet \|/);
		assert.match(report, /\| CWE-352 \(cross-site request forgery\) \| 1 \| `security\/detect-no-csrf-before-method-override` \|/);
		assert.doesNotMatch(report, /CWE-312/, 'a finding with a lesson through another CWE is covered');
		assert.match(report, /3 findings; 1 carry no CWE id\./);
	});
});
