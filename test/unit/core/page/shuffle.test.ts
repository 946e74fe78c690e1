import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintFiles } from '../../../../src/core/catalog/catalog';
import { fnv1a64 } from '../../../../src/core/lessons/contentHash';
import { gradeAnswer } from '../../../../src/core/lessons/grade';
import type { ChoiceQuiz, OrderQuiz } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { quizDisplayOrder, renderQuiz } from '../../../../src/core/page/quizHtml';
import { renderLesson } from '../../../../src/core/page/render';
import { DEFAULT_LABELS } from '../../../../src/core/page/labels';
import { displayOrder, mulberry32, quizSeed, shuffledIndices } from '../../../../src/core/page/shuffle';
import { propertyParams } from '../../helpers/propertySeed';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sorted = (list: readonly number[]): number[] => [...list].sort((a, b) => a - b);

describe('seeded shuffle', () => {
	it('mulberry32 matches the widely copied reference version and stays in [0, 1)', () => {
		// The reference JavaScript of mulberry32 (Tommy Ettinger's generator), verbatim but for types.
		const reference = (a: number) => () => {
			let t = a += 0x6D2B79F5;
			t = Math.imul(t ^ t >>> 15, t | 1);
			t ^= t + Math.imul(t ^ t >>> 7, t | 61);
			return ((t ^ t >>> 14) >>> 0) / 4294967296;
		};
		for (const seed of [0, 1, 42, 0x7fffffff, 0xffffffff]) {
			const ours = mulberry32(seed);
			const theirs = reference(seed);
			for (let i = 0; i < 100; i++) {
				const x = ours();
				assert.equal(x, theirs());
				assert.ok(x >= 0 && x < 1);
			}
		}
	});

	it('is a permutation, the same for the same seed and attempt', (t) => {
		fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(1000), fc.integer({ min: 0, max: 12 }), (seed, attempt, count) => {
			const order = displayOrder(seed, attempt, count);
			assert.deepEqual(sorted(order), range(count));
			assert.deepEqual(displayOrder(seed, attempt, count), order);
		}), propertyParams(t));
	});

	it('differs between learners and between attempts', () => {
		const orders = new Set<string>();
		const attempts = new Set<string>();
		for (let learner = 0; learner < 40; learner++) {
			const seed = quizSeed(`learner-${learner}`, 'axa', 'first-move');
			orders.add(displayOrder(seed, 0, 6).join());
			if (learner === 0) {
				for (let attempt = 0; attempt < 40; attempt++) {
					attempts.add(displayOrder(seed, attempt, 6).join());
				}
			}
		}
		// 6! = 720 orders: 40 draws collide a little, never collapse to a few.
		assert.ok(orders.size >= 35, `${orders.size} distinct orders for 40 learners`);
		assert.ok(attempts.size >= 35, `${attempts.size} distinct orders for 40 attempts`);
		assert.notEqual(quizSeed('a', 'l', 'q'), quizSeed('b', 'l', 'q'));
		assert.notEqual(quizSeed('a', 'l', 'q1'), quizSeed('a', 'l', 'q2'));
	});

	it('is fair: each item lands in each place about equally often', () => {
		const counts = range(4).map(() => range(4).map(() => 0));
		const random = mulberry32(7);
		for (let i = 0; i < 24_000; i++) {
			shuffledIndices(4, random).forEach((item, place) => {
				const row = counts[item];
				if (row) {
					row[place] = (row[place] ?? 0) + 1;
				}
			});
		}
		for (const row of counts) {
			for (const n of row) {
				assert.ok(n > 5500 && n < 6500, `count ${n} of 24000 (expected 6000)`);
			}
		}
	});
});

const quiz: ChoiceQuiz = { id: 'q', type: 'multiple', prompt: 'P', explain: '', line: 1, choices: range(6).map((i) => ({ text: `choice ${i}`, correct: i % 2 === 0, explain: `e${i}` })) };

/** The choice ids of a rendered quiz, in the order shown. */
function shownIds(html: string): number[] {
	return [...html.matchAll(/<input [^>]*value="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('grading by choice id, whatever the display order', () => {
	it('renders the choices in the shuffled order, each input carrying its own id', () => {
		const html = renderQuiz(quiz, 'l', 1, 1, DEFAULT_LABELS, { seed: 99, attempt: 3 });
		assert.deepEqual(shownIds(html), quizDisplayOrder(quiz, { seed: 99, attempt: 3 }));
		for (const id of range(6)) {
			assert.match(html, new RegExp(`<div class="il-choice" data-index="${id}"><input type="checkbox" id="il-quiz-q_c${id}" name="il-quiz-q" value="${id}" aria-describedby="il-quiz-q_c${id}_fb"><label for="il-quiz-q_c${id}">choice ${id}</label>`));
		}
		assert.match(html, /data-seed="99" data-attempt="3"/);
	});

	it('gives the same grade to the same chosen ids for any display permutation (fast-check)', (t) => {
		fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(50), fc.subarray(range(6), { minLength: 1 }), (seed, attempt, chosen) => {
			// The page sends the checked inputs' values in the order they are shown.
			const shown = quizDisplayOrder(quiz, { seed, attempt });
			const answer = shown.filter((id) => chosen.includes(id));
			assert.deepEqual(gradeAnswer(quiz, answer), gradeAnswer(quiz, chosen));
			assert.equal(gradeAnswer(quiz, answer)?.correct, sorted(chosen).join() === '0,2,4');
		}), propertyParams(t));
	});

	it('shows two learners different orders and each learner the same order on every render', () => {
		const text = '---\nid: l\ntitle: T\nsummary: S\n---\n\n```quiz\nid: q\ntype: single\nprompt: P\nchoices:\n'
			+ range(6).map((i) => `  - text: choice ${i}\n    correct: ${i === 2}\n    explain: e\n`).join('') + '```\n';
		const { lesson } = parseLesson(text, 'l.md');
		assert.ok(lesson);
		const a = shownIds(renderLesson(lesson, { learner: 'learner-a' }));
		const b = shownIds(renderLesson(lesson, { learner: 'learner-b' }));
		assert.notDeepEqual(a, b);
		assert.deepEqual(shownIds(renderLesson(lesson, { learner: 'learner-a' })), a);
		const next = shownIds(renderLesson(lesson, { learner: 'learner-a', attempts: new Map([['q', 1]]) }));
		assert.notDeepEqual(next, a, 'a new attempt shows a new order');
		assert.deepEqual(next, displayOrder(quizSeed('learner-a', 'l', 'q'), 1, 6), 'the page script computes the same order for Try again');
	});
});

const grouped: OrderQuiz = { id: 'g', type: 'order', prompt: 'P', explain: '', line: 1, steps: [
	{ text: 'report', explain: '' },
	{ text: 'preserve', explain: '', group: 'together' },
	{ text: 'isolate', explain: '', group: 'together' },
	{ text: 'notify', explain: '' },
] };

describe('order quizzes with interchangeable steps', () => {
	it('accepts either order within a group and nothing else', () => {
		assert.equal(gradeAnswer(grouped, [0, 1, 2, 3])?.correct, true);
		assert.equal(gradeAnswer(grouped, [0, 2, 1, 3])?.correct, true);
		const wrong = gradeAnswer(grouped, [1, 0, 2, 3]);
		assert.equal(wrong?.correct, false);
		assert.deepEqual(wrong?.feedback.map((f) => f.correct), [false, false, true, true]);
		for (const order of [[2, 0, 1, 3], [0, 1, 3, 2], [3, 1, 2, 0]]) {
			assert.equal(gradeAnswer(grouped, order)?.correct, false, order.join());
		}
	});

	it('never shows a grouped quiz already solved', () => {
		for (let seed = 0; seed < 500; seed++) {
			assert.equal(gradeAnswer(grouped, quizDisplayOrder(grouped, { seed, attempt: 0 }))?.correct, false, `seed ${seed}`);
		}
	});

	it('parses groups from the quiz block and keeps ungrouped quizzes\' content hash', () => {
		const block = (steps: string): string => `---\nid: l\ntitle: T\nsummary: S\n---\n\n\`\`\`quiz\nid: g\ntype: order\nprompt: P\nsteps:\n${steps}\`\`\`\n`;
		const plain = parseLesson(block('  - a\n  - b\n  - c\n'), 'l.md').lesson;
		const withGroup = parseLesson(block('  - text: a\n  - text: b\n    group: x\n  - text: c\n    group: x\n'), 'l.md');
		assert.deepEqual(withGroup.diagnostics, []);
		const quizSteps = withGroup.lesson?.quizzes[0];
		assert.ok(quizSteps?.type === 'order');
		assert.deepEqual(quizSteps.steps.map((s) => s.group), [undefined, 'x', 'x']);
		assert.equal(gradeAnswer(quizSteps, [0, 2, 1])?.correct, true);
		// Progress stored against the old hash stays current for quizzes without groups.
		assert.equal(plain?.contentHash, fnv1a64(JSON.stringify([['g', 'order', 3]])));
		assert.notEqual(withGroup.lesson?.contentHash, plain?.contentHash);
		// Translations must group the same steps, or the same answer would grade differently by language.
		const mismatch = lintFiles([{ file: 'en/l.md', locale: 'en', text: block('  - text: a\n  - text: b\n    group: x\n  - text: c\n    group: x\n') },
			{ file: 'ja/l.md', locale: 'ja', text: block('  - あ\n  - い\n  - う\n') }]).filter((d) => d.code === 'translation-mismatch');
		assert.deepEqual(mismatch.map((d) => `${d.file}:${d.line}`), ['ja/l.md:7']);
		assert.match(mismatch[0]?.message ?? '', /expected "g" \(order, 3 steps, steps 2-3 interchangeable\), found "g" \(order, 3 steps\)/);
	});
});
