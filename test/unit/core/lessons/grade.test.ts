import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeAnswer } from '../../../../src/core/lessons/grade';
import type { ChoiceQuiz, OrderQuiz } from '../../../../src/core/lessons/lesson';

const single: ChoiceQuiz = {
	id: 'one', type: 'single', prompt: 'P', explain: 'Overall.', line: 1,
	choices: [
		{ text: 'A', correct: false, explain: 'no A' },
		{ text: 'B', correct: true, explain: 'yes B' },
		{ text: 'C', correct: false, explain: '' },
	],
};

const multiple: ChoiceQuiz = { ...single, id: 'many', type: 'multiple', choices: [
	{ text: 'A', correct: true, explain: 'a' },
	{ text: 'B', correct: false, explain: 'b' },
	{ text: 'C', correct: true, explain: 'c' },
] };

const order: OrderQuiz = { id: 'steps', type: 'order', prompt: 'P', explain: '', line: 1, steps: [
	{ text: 'first', explain: 'e0' },
	{ text: 'second', explain: 'e1' },
	{ text: 'third', explain: '' },
] };

describe('gradeAnswer: single and multiple', () => {
	it('grades a single quiz and explains every choice', () => {
		assert.deepEqual(gradeAnswer(single, [1]), {
			quizId: 'one', correct: true, explain: 'Overall.',
			feedback: [
				{ index: 0, correct: false, chosen: false, explain: 'no A' },
				{ index: 1, correct: true, chosen: true, explain: 'yes B' },
				{ index: 2, correct: false, chosen: false, explain: '' },
			],
		});
		assert.equal(gradeAnswer(single, [0])?.correct, false);
	});

	it('needs exactly one index for a single quiz', () => {
		assert.equal(gradeAnswer(single, []), undefined);
		assert.equal(gradeAnswer(single, [1, 2]), undefined);
	});

	it('grades a multiple quiz right only for exactly the correct set, in any order', () => {
		assert.equal(gradeAnswer(multiple, [2, 0])?.correct, true);
		assert.equal(gradeAnswer(multiple, [0])?.correct, false);
		assert.equal(gradeAnswer(multiple, [0, 1, 2])?.correct, false);
		assert.deepEqual(gradeAnswer(multiple, [0, 1])?.feedback.map((f) => [f.index, f.correct, f.chosen]), [[0, true, true], [1, false, true], [2, true, false]]);
		assert.equal(gradeAnswer(multiple, []), undefined);
	});
});

describe('gradeAnswer: order', () => {
	it('is right when every step is in place', () => {
		const result = gradeAnswer(order, [0, 1, 2]);
		assert.equal(result?.correct, true);
		assert.deepEqual(result?.feedback, [
			{ index: 0, correct: true, chosen: true, explain: 'e0' },
			{ index: 1, correct: true, chosen: true, explain: 'e1' },
			{ index: 2, correct: true, chosen: true, explain: '' },
		]);
	});

	it('gives one entry per position with the step placed there', () => {
		const result = gradeAnswer(order, [1, 0, 2]);
		assert.equal(result?.correct, false);
		assert.deepEqual(result?.feedback.map((f) => [f.index, f.correct]), [[1, false], [0, false], [2, true]]);
		assert.equal(result?.feedback[0]?.explain, 'e1');
	});

	it('needs a permutation of all steps', () => {
		assert.equal(gradeAnswer(order, [0, 1]), undefined);
		assert.equal(gradeAnswer(order, [0, 1, 1]), undefined);
		assert.equal(gradeAnswer(order, [0, 1, 2, 3]), undefined);
	});
});

describe('gradeAnswer: malformed answers', () => {
	const malformed: unknown[] = [undefined, null, 1, '1', {}, { 0: 1, length: 1 }, ['1'], [1.5], [-1], [3], [Number.NaN], [Infinity], [1, 1], [true]];
	for (const answer of malformed) {
		it(`returns undefined for ${JSON.stringify(answer) ?? String(answer)}`, () => {
			assert.equal(gradeAnswer(single, answer), undefined);
			assert.equal(gradeAnswer(multiple, answer), undefined);
			assert.equal(gradeAnswer(order, answer), undefined);
		});
	}
});
