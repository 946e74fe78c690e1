import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CHECK_BUDGET_MS, runChecks, type Exercise, type ExerciseCheck } from '../../../../src/core/exercises';
import { blankComments } from '../../../../src/core/exercises/comments';
import { checkText, collapseWhitespace } from '../../../../src/core/exercises/checkText';
import { propertyParams } from '../../helpers/propertySeed';

function check(fields: Partial<ExerciseCheck>): ExerciseCheck {
	return { id: 'c', file: 'a.ts', kind: 'must', patterns: ['x'], ignoreComments: false, ignoreWhitespace: false, hint: 'the hint', line: 1, ...fields };
}

function exercise(checks: readonly ExerciseCheck[], language = 'typescript'): Exercise {
	return {
		id: 'e', title: 't', prompt: 'p', explain: '', hints: [], solutionAfter: 3, line: 1, solution: [],
		files: [{ path: 'a.ts', language, starter: { text: '' } }], checks,
	};
}

function run(text: string, fields: Partial<ExerciseCheck>, language?: string): ReturnType<typeof runChecks>['results'][number] {
	const report = runChecks(exercise([check(fields)], language), new Map([['a.ts', text]]));
	const result = report.results[0];
	assert.ok(result);
	assert.equal(report.passed, result.passed);
	return result;
}

describe('runChecks', () => {
	it('passes a must check when any pattern matches (at line 1: a pass needs no diagnostic)', () => {
		const result = run('let a;\nlet b = audit(x);\n', { patterns: ['nope', 'audit\\('] });
		assert.deepEqual(result, { checkId: 'c', passed: true, hint: 'the hint', file: 'a.ts', line: 1, column: 1, endLine: 1, endColumn: 6 });
		assert.equal(run('let a;\n', { patterns: ['nope', 'audit\\('] }).passed, false);
	});

	it('fails a must check at its `at` pattern, or at line 1', () => {
		assert.deepEqual(run('one\n  function go() {}\n', { patterns: ['audit'], at: 'function\\s+go' }),
			{ checkId: 'c', passed: false, hint: 'the hint', file: 'a.ts', line: 2, column: 3, endLine: 2, endColumn: 13 });
		const plain = run('first line\nsecond\n', { patterns: ['audit'] });
		assert.deepEqual([plain.line, plain.column, plain.endLine, plain.endColumn], [1, 1, 1, 10]);
	});

	it('fails a mustNot check at the earliest match of any pattern, cut at the end of its line', () => {
		const result = run('a\nlog(card)\nconsole.log(card.number)\n', { kind: 'mustNot', patterns: ['console\\.log\\(card', '(?s)log\\(card.*number'] });
		assert.deepEqual([result.passed, result.line, result.column, result.endLine, result.endColumn], [false, 2, 1, 2, 9]);
		assert.equal(run('log(masked)\n', { kind: 'mustNot', patterns: ['log\\(card'] }).passed, true);
	});

	it('ignores comments and whitespace when asked, mapping positions back to the file', () => {
		const text = 'const x = 1; // audit ( row ) ; throw\n/* audit(y); */\nif (bad) {\n  audit (\n    row\n  );\n  throw e;\n}\n';
		const pattern = 'audit\\(row\\); throw';
		assert.equal(run(text, { patterns: [pattern] }).passed, false);
		assert.equal(run(text, { patterns: ['audit \\( row \\) ; throw'], ignoreWhitespace: true }).passed, true, 'the comment matches without ignore: comments');
		assert.equal(run(text, { patterns: ['audit ?\\( ?row ?\\); throw'], ignoreComments: true, ignoreWhitespace: true }).passed, true);
		const both = run(text, { kind: 'mustNot', patterns: ['audit ?\\( ?row ?\\); throw'], ignoreComments: true, ignoreWhitespace: true });
		assert.deepEqual([both.passed, both.line, both.column, both.endLine, both.endColumn], [false, 4, 3, 4, 9]);
		assert.equal(run(text, { patterns: ['audit \\( row \\) ; throw'], ignoreComments: true, ignoreWhitespace: true }).passed, false);
	});

	it('finds the first match of a long file through its DFA, on either side of the search window', () => {
		for (const lines of [10, 2_000, 25_000]) {
			const text = `${'let x = 1; // ok\n'.repeat(lines)}log(card);\nlog(card);\n`;
			for (const ignoreWhitespace of [false, true]) {
				const result = run(text, { kind: 'mustNot', patterns: ['log\\(card'], ignoreComments: true, ignoreWhitespace });
				assert.deepEqual([result.passed, result.line, result.column, result.endColumn], [false, lines + 1, 1, 8], `${lines} lines`);
				const at = run(text, { patterns: ['audit'], at: 'log\\(card', ignoreWhitespace });
				assert.deepEqual([at.passed, at.line], [false, lines + 1]);
			}
		}
	});

	it('keeps string literals when blanking comments', () => {
		assert.equal(run('fetch("http://x/*y*/") // audit\n', { patterns: ['http://x/\\*y\\*/'], ignoreComments: true }).passed, true);
		assert.equal(run('fetch("http://x") // audit\n', { patterns: ['audit'], ignoreComments: true }).passed, false);
	});

	it('fails a missing file, a file over 512 KiB and a pattern that does not compile, with a hint saying so', () => {
		const missing = runChecks(exercise([check({})]), new Map()).results[0];
		assert.deepEqual([missing?.passed, missing?.hint], [false, 'a.ts is missing']);
		const huge = run('x'.repeat(512 * 1024 + 1), { patterns: ['x'] });
		assert.deepEqual([huge.passed, huge.hint], [false, 'a.ts: file too large to check (over 512 KiB)']);
		const wide = run('é'.repeat(300 * 1024), { patterns: ['é'] });
		assert.equal(wide.passed, false, 'the limit is in UTF-8 bytes');
		const broken = run('x', { patterns: ['(?=x)'] });
		assert.equal(broken.passed, false);
		assert.match(broken.hint, /cannot run: not a valid RE2 pattern.*lookahead/);
		assert.match(run('x', { patterns: ['a*'] }).hint, /matches empty text/);
	});

	it('runs catastrophic-looking patterns in linear time on hostile input', () => {
		const hostile = `${'a'.repeat(400_000)}!`;
		const started = performance.now();
		for (const pattern of ['(a+)+$', '(a|a)*b', '(a*)*b', '(?s)(.*a){20}']) {
			run(hostile, { patterns: [pattern] });
			run(hostile, { kind: 'mustNot', patterns: [pattern] });
		}
		const elapsed = performance.now() - started;
		assert.ok(elapsed < 5_000, `${elapsed} ms`);
	});

	it('stops once the checks\' time is spent: the checks not yet run fail, saying why, and the report is not a pass', () => {
		// Each reading of the clock moves it on by a third of the budget: the fourth pattern starts after it is spent.
		let clock = 0;
		const now = () => (clock += CHECK_BUDGET_MS / 3);
		const checks = ['a', 'b', 'c', 'd', 'e'].map((id) => check({ id, patterns: ['x'] }));
		const report = runChecks(exercise(checks), new Map([['a.ts', 'x']]), now);
		assert.deepEqual(report.results.map((r) => [r.checkId, r.passed]), [['a', true], ['b', true], ['c', true], ['d', false], ['e', false]]);
		assert.match(report.results[3]?.hint ?? '', /^not checked: the checks took over 2 s \(is a\.ts very large\?\)$/);
		assert.equal(report.passed, false);
		// The real clock: the same checks pass within the budget.
		assert.equal(runChecks(exercise(checks), new Map([['a.ts', 'x']])).passed, true);
	});

	it('reports no pass for an exercise with no checks and never throws on odd input', () => {
		assert.equal(runChecks(exercise([]), new Map()).passed, false);
		assert.equal(run('\u0000\ud800x\r\n', { patterns: ['x'] }).passed, true);
	});
});

describe('blankComments', () => {
	const cases: readonly [string, string, string][] = [
		['typescript', 'a // b\nc /* d\ne */ f "//g" \'/*\' `h\n//i`', 'a     \nc     \n     f "//g" \'/*\' `h\n//i`'],
		['python', 'x = "#a" # b\n"""#c\n""" # d', 'x = "#a"    \n"""#c\n"""    '],
		['shellscript', 'echo a#b # c\n# d', 'echo a#b    \n   '],
		['yaml', 'key: v # c\nurl: http://x#frag', 'key: v    \nurl: http://x#frag'],
		['sql', "select '--x' -- y\n/* z */ 1", "select '--x'     \n        1"],
		['markdown', 'a <!-- b\nc --> d', `a ${' '.repeat(6)}\n${' '.repeat(6)}d`],
		['plaintext', 'a // b', 'a // b'],
		['typescript', 'a /* unterminated\nb', `a ${' '.repeat(15)}\n `],
	];
	for (const [language, text, expected] of cases) {
		it(`blanks ${language} comments: ${JSON.stringify(text).slice(0, 40)}`, () => {
			assert.equal(blankComments(text, language), expected);
		});
	}

	const languages = ['typescript', 'python', 'shellscript', 'yaml', 'sql', 'markdown', 'lua', 'powershell', 'plaintext'];
	const code = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '/', '*', '#', '-', '"', "'", '`', '\\', '<', '!', '>', '[', ']', 'é', '😀') });

	it('never moves text: the same length, line breaks kept, every other character kept or blanked', (t) => {
		fc.assert(fc.property(code, fc.constantFrom(...languages), (text, language) => {
			const out = blankComments(text, language);
			assert.equal(out.length, text.length);
			for (let i = 0; i < text.length; i++) {
				const before = text[i];
				const after = out[i];
				assert.ok(after === before || (after === ' ' && before !== '\n' && before !== '\r'), `offset ${i}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
			}
		}), propertyParams(t));
	});

	it('takes linear time on hostile input', () => {
		const started = performance.now();
		for (const language of languages) {
			blankComments('/*"\'#--<!--'.repeat(50_000), language);
			blankComments('"\\'.repeat(200_000), language);
		}
		assert.ok(performance.now() - started < 3_000);
	});
});

describe('whitespace collapse and positions', () => {
	const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '/', '*', '#', 'é', '😀') });

	it('maps every character of the collapsed text to an equal character, or a space to whitespace', (t) => {
		fc.assert(fc.property(text, (source) => {
			const { text: collapsed, offsets } = collapseWhitespace(source);
			assert.equal(offsets.length, collapsed.length + 1);
			assert.doesNotMatch(collapsed, /\s\s/);
			for (let i = 0; i < collapsed.length; i++) {
				const from = source[offsets[i] ?? -1];
				assert.ok(collapsed[i] === from || (collapsed[i] === ' ' && /\s/.test(from ?? '')));
				assert.ok(i === 0 || (offsets[i] ?? 0) > (offsets[i - 1] ?? 0));
			}
		}), propertyParams(t));
	});

	it('maps a pattern result to a valid position of the file', (t) => {
		fc.assert(fc.property(text, fc.boolean(), fc.boolean(), fc.nat(), fc.nat(), (source, comments, whitespace, a, b) => {
			const prepared = checkText(source, 'typescript', comments, whitespace);
			const start = prepared.text.length === 0 ? 0 : a % prepared.text.length;
			const end = start + (prepared.text.length === 0 ? 0 : b % (prepared.text.length - start + 1));
			const range = prepared.range(start, end);
			const lines = source.split(/\r\n?|\n/);
			assert.ok(range.line >= 1 && range.line <= lines.length);
			assert.equal(range.endLine, range.line);
			const lineLength = (lines[range.line - 1] ?? '').length;
			assert.ok(range.column >= 1 && range.column <= lineLength + 1, `column ${range.column} of a ${lineLength}-character line`);
			assert.ok(range.endColumn >= range.column && range.endColumn <= Math.max(lineLength, range.column));
		}), propertyParams(t));
	});

	it('maps a match on collapsed text to where it starts in the file', (t) => {
		fc.assert(fc.property(text, text, (before, after) => {
			const source = `${before}\nMARK${after}`;
			const result = run(source, { kind: 'mustNot', patterns: ['MARK'], ignoreWhitespace: true, ignoreComments: true }, 'plaintext');
			const lines = source.split(/\r\n?|\n/);
			const line = lines.findIndex((l) => l.includes('MARK'));
			assert.deepEqual([result.line, result.column], [line + 1, (lines[line] ?? '').indexOf('MARK') + 1]);
		}), propertyParams(t));
	});
});
