// Pathological input: the known markdown-it / linkify-it / YAML blow-up patterns, each parsed and rendered in a
// worker thread within a time budget. A pattern that hangs is stopped by terminating its worker, and fails.
// Budgets are generous for a slow two-core machine; a quadratic blow-up at these sizes takes minutes, not seconds.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_LESSON_BYTES } from '../../../../src/core/shared/decode';
import { MAX_BLOCK_DIAGNOSTICS } from '../../../../src/core/lessons/diagnosticLimits';
import { MAX_LESSON_YAML_CHARS } from '../../../../src/core/lessons/parseLesson';
import type { PathologicalInput, PathologicalResult } from './pathologicalWorker';
import { HOSTILE_BUDGET_MS, HOSTILE_LESSONS, lesson, QUIZ, sharedSubsets, TRIGGER } from '../../helpers/hostileLessons';
import { propertyParams } from '../../helpers/propertySeed';
import { WorkerRunner } from '../../helpers/workerHarness';

/** Input size for each pattern: a quarter of the largest lesson accepted. */
const SIZE = MAX_LESSON_BYTES / 4;
/** Time the parser and renderer may take for one pattern (measured inside the worker); about 1 s is typical. */
const BUDGET_MS = Number(process.env.PATHOLOGICAL_BUDGET_MS ?? 8_000);
/** YAML that fits in a lesson's YAML budget, with room for the rest of the front matter. */
const YAML_SIZE = MAX_LESSON_YAML_CHARS - 2048;
/** After this the worker is terminated and the pattern fails: it hangs. */
const TIMEOUT_MS = 60_000;

const HEADER = '---\nid: pathological\ntitle: Pathological\nsummary: One pattern, repeated.\n---\n\n';

/** `unit` repeated to about `size` characters. */
function fill(unit: string, size = SIZE): string {
	return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

function codeSpans(size: number): string {
	const parts: string[] = [];
	for (let length = 0, n = 1; length < size; n = (n % 500) + 1) {
		parts.push(`${'`'.repeat(n)}a`);
		length += n + 1;
	}
	return parts.join('');
}

function table(size: number): string {
	const columns = Math.floor(Math.sqrt(size / 2));
	const row = `|${'a|'.repeat(columns)}\n`;
	return `${row}|${'-|'.repeat(columns)}\n${row.repeat(columns)}`;
}

function quizzes(size: number): string {
	return Array.from({ length: Math.floor(size / QUIZ.length) }, (_, i) => QUIZ.replace('id: q', `id: q${i}`)).join('');
}

/** The patterns: a body (after a valid front matter) unless the text is given whole. */
const BODIES: Readonly<Record<string, () => string>> = {
	'emphasis: a long run of *': () => fill('*'),
	'emphasis: *a alternating': () => fill('*a'),
	'emphasis: _a alternating': () => fill('_a'),
	'emphasis: nested * and **': () => fill('*a **a '),
	'emphasis: ~~ strikethrough runs': () => fill('~~a'),
	'links: a long run of [': () => fill('['),
	'links: a long run of ![': () => fill('!['),
	'links: unclosed []( destinations': () => fill(']('),
	'links: unclosed [a]( links': () => fill('[a]('),
	'links: emphasis around links': () => fill('*[a](b) '),
	'links: thousands of reference definitions and uses': () => {
		const count = Math.floor(SIZE / 40);
		return `${Array.from({ length: count }, (_, i) => `[r${i}]: https://example.com/${i}`).join('\n')}\n\n${'[r1] '.repeat(count)}`;
	},
	'links: one huge destination': () => `[a](<${fill('b')}>)`,
	'linkify: mailto spam': () => fill('mailto:a@b.co '),
	'linkify: e-mail spam': () => fill('a@b.co '),
	'linkify: http spam': () => fill('http://a.b/ '),
	'linkify: www. dots': () => fill('www.'),
	'linkify: scheme spam': () => fill('http:'),
	'autolinks: <http://a> spam': () => fill('<http://a>'),
	'html: a long run of <': () => fill('<'),
	'html: comment openers': () => fill('<!--'),
	'code spans: backtick runs of growing length': () => codeSpans(SIZE),
	'nesting: > blockquotes': () => `${fill('>')} a`,
	'nesting: - list markers on one line': () => `${fill('- ')}a`,
	'nesting: lists indented ever deeper': () => Array.from({ length: Math.floor(Math.sqrt(SIZE)) }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n'),
	'tables: wide and tall': () => table(SIZE),
	'tables: rows of pipes under a one-column header': () => `|a|\n|-|\n${fill(`${'|'.repeat(999)}\n`)}`,
	'headings: many equal ATX headings': () => fill('# a\n'),
	'headings: many equal setext headings': () => fill('a\n=\n'),
	'entities: numeric references': () => fill('&#1234567;'),
	'escapes: a long run of backslashes': () => fill('\\'),
	'line breaks: hard breaks': () => fill('a  \n'),
	'fences: many unterminated fences': () => fill('```\n'),
	'quizzes: as many quiz blocks as fit': () => quizzes(SIZE),
	'yaml: self-referencing aliases in every quiz': () => fill(`\n\`\`\`quiz\nid: q\nx: &a [${'*a,'.repeat(99)}]\n\`\`\`\n`),
	'yaml: deep flow nesting in a quiz': () => `\`\`\`quiz\n${fill('[')}\n\`\`\`\n`,
	'yaml: thousands of unknown keys in a quiz': () => `\`\`\`quiz\nid: q\ntype: single\nprompt: P\n${Array.from({ length: YAML_SIZE / 10 }, (_, i) => `k${i}: v`).join('\n')}\n\`\`\`\n`,
	'yaml: thousands of choices': () => `\`\`\`quiz\nid: q\ntype: single\nprompt: P\nchoices:\n${fill('  - text: a\n    correct: true\n', YAML_SIZE)}\`\`\`\n`,
};

const WHOLE_TEXTS: Readonly<Record<string, () => string>> = {
	'yaml: self-referencing alias in the front matter': () => `---\nid: p\ntitle: P\nsummary: S\nx: &a [${'*a,'.repeat(1000)}]\n---\n${QUIZ}`,
	'yaml: thousands of repeated keys in the front matter': () => `---\nid: p\ntitle: P\nsummary: S\n${fill('k: v\n', YAML_SIZE)}---\n${QUIZ}`,
	'yaml: an alias bomb': () => `---\nid: p\ntitle: P\nsummary: S\na: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 9 }, (_, i) => `b${i}: &b${i} [${`*${i === 0 ? 'a' : `b${i - 1}`},`.repeat(10)}]`).join('\n')}\n---\n${QUIZ}`,
	'size: a file over the cap': () => HEADER + fill('a', MAX_LESSON_BYTES + 1),
};

describe('pathological input is parsed and rendered within a time budget', () => {
	const runner = new WorkerRunner<PathologicalInput, PathologicalResult>(path.join(__dirname, 'pathologicalWorker.ts'), TIMEOUT_MS);
	after(() => runner.stop());

	it('warms up the worker', async () => {
		assert.equal((await runner.run({ text: HEADER + QUIZ })).isLesson, true);
	});

	it('covers the unique-key pattern that was quadratic in the YAML checks', async () => {
		const keys = Array.from({ length: YAML_SIZE / 10 }, (_, i) => `k${i}: v`).join('\n');
		const result = await runner.run({ text: `---\nid: p\ntitle: P\nsummary: S\n${keys}\n---\n${QUIZ}` });
		assert.ok(result.ms < BUDGET_MS, `took ${Math.round(result.ms)} ms`);
		assert.deepEqual(result.codes, ['front-matter-unknown-key']);
		assert.equal(result.count, MAX_BLOCK_DIAGNOSTICS + 1, 'the first problems and one "more problems" diagnostic');
	});

	for (const [name, body] of Object.entries(BODIES)) {
		it(name, async (t) => {
			const text = HEADER + body() + QUIZ;
			const result = await runner.run({ text });
			t.diagnostic(`${Math.round(text.length / 1024)} KiB in ${Math.round(result.ms)} ms; ${result.isLesson ? 'a lesson' : result.codes.join(', ')}`);
			assert.ok(result.ms < BUDGET_MS, `took ${Math.round(result.ms)} ms, budget ${BUDGET_MS} ms`);
		});
	}

	for (const [name, build] of Object.entries(WHOLE_TEXTS)) {
		it(`${name} is refused quickly, with a diagnostic`, async (t) => {
			const text = build();
			const result = await runner.run({ text });
			t.diagnostic(`${Math.round(text.length / 1024)} KiB in ${Math.round(result.ms)} ms; ${result.codes.join(', ')}`);
			assert.ok(result.ms < BUDGET_MS, `took ${Math.round(result.ms)} ms, budget ${BUDGET_MS} ms`);
			assert.equal(result.isLesson, false);
			assert.ok(result.codes.some((code) => ['yaml-syntax', 'file-too-large'].includes(code)), result.codes.join(', '));
		});
	}
});

describe('hostile lessons are checked within the lint budget, with a bounded number of diagnostics', () => {
	const runner = new WorkerRunner<PathologicalInput, PathologicalResult>(path.join(__dirname, 'pathologicalWorker.ts'), TIMEOUT_MS);
	after(() => runner.stop());

	it('warms up the worker', async () => {
		assert.equal((await runner.run({ text: lesson(TRIGGER, '# A\n'), lint: true })).isLesson, true);
	});

	for (const [name, { text, lint, maxCount }] of Object.entries(HOSTILE_LESSONS)) {
		it(name, async (t) => {
			const input = text();
			const result = await runner.run({ text: input, lint: lint ?? false });
			t.diagnostic(`${Math.round(input.length / 1024)} KiB in ${Math.round(result.ms)} ms; ${result.count} diagnostics: ${result.codes.join(', ')}`);
			assert.ok(result.ms < HOSTILE_BUDGET_MS, `took ${Math.round(result.ms)} ms, budget ${HOSTILE_BUDGET_MS} ms`);
			assert.ok(result.count >= 1 && result.count <= maxCount, `${result.count} diagnostics`);
		});
	}

	it('property: any fan-out of aliases over bad data stays within the budget and the caps', async (t) => {
		const element = fc.constantFrom('1', '{}', 'A', "''", '{label: x}', '[1]', '{count: -1, z: 1}');
		const shape = fc.record({
			items: fc.array(element, { minLength: 1, maxLength: 3000 }),
			aliases: fc.integer({ min: 1, max: 99 }),
			where: fc.constantFrom('subsets', 'tags', 'timeline', 'nested', 'quiz'),
		});
		await fc.assert(fc.asyncProperty(shape, async ({ items, aliases, where }) => {
			const list = `&a [${items.join(',')}]`;
			const uses = Array<string>(aliases).fill('*a');
			const text = where === 'subsets' ? lesson(sharedSubsets(aliases + 1, items))
				: where === 'tags' ? lesson(`tags: [${list}, ${uses.join(', ')}]\n`)
					: where === 'timeline' ? lesson(`incident:\n  timeline: [${list}, ${uses.join(', ')}]\nsources: [{title: s}]\n`)
						: where === 'nested' ? lesson(`x: ${list}\ny: &b [${uses.slice(0, 9).join(', ')}]\ntags: [${Array<string>(Math.max(1, aliases - 10)).fill('*b').join(', ')}]\n`)
							: lesson('', `\`\`\`quiz\nid: q\ntype: order\nprompt: P\nsteps: [${list}, ${uses.join(', ')}]\n\`\`\`\n`);
			const result = await runner.run({ text });
			assert.ok(result.ms < HOSTILE_BUDGET_MS, `took ${Math.round(result.ms)} ms, budget ${HOSTILE_BUDGET_MS} ms`);
			assert.ok(result.count <= MAX_BLOCK_DIAGNOSTICS + 2, `${result.count} diagnostics`);
		}), propertyParams(t, 25));
	});
});
