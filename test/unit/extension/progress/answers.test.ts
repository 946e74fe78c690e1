// Answers are graded and stored by progress (src/extension/progress/answers.ts), whether they come from the lesson
// page or the API: an answer that does not fit is logged and stores nothing; one that fits is stored once, with the
// review card update the schedule made for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer, Lesson, Quiz, QuizResult } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import type { Progress } from '../../../../src/core/progress/progress';
import { Answers } from '../../../../src/extension/progress/answers';
import type { ProgressStore } from '../../../../src/extension/progress/progressStore';
import type { ReviewService } from '../../../../src/extension/reviews/reviewService';

const LESSON_TEXT = [
	'---', 'id: target', 'title: Target', 'summary: A lesson with one quiz.', '---', '',
	'```quiz', 'id: one', 'type: multiple', 'prompt: Which two?', 'choices:',
	'  - { text: a, correct: true, explain: x }', '  - { text: b, correct: true, explain: y }', '  - { text: c, explain: z }', '```', '',
].join('\n');
function lesson(): Lesson {
	const parsed = parseLesson(LESSON_TEXT, 'target.md').lesson;
	assert.ok(parsed);
	return parsed;
}

interface Recorded {
	readonly lessonId: string;
	readonly result: QuizResult;
	readonly answer: Answer;
	readonly review: unknown;
}

function answers(withReviews = true): { answers: Answers; recorded: Recorded[]; warnings: string[]; reviewed: { quizId: string; correct: boolean; inReview: boolean; elapsedMs?: number }[] } {
	const recorded: Recorded[] = [];
	const warnings: string[] = [];
	const reviewed: { quizId: string; correct: boolean; inReview: boolean; elapsedMs?: number }[] = [];
	const card = (_before: Progress, after: Progress): Progress => after;
	const progress = {
		record: (lessonId: string, _hash: string, result: QuizResult, answer: Answer, review?: unknown) => {
			recorded.push({ lessonId, result, answer, review });
			return Promise.resolve();
		},
	} as unknown as ProgressStore;
	const reviews = {
		updateFor: (_lesson: Lesson, quiz: Quiz, correct: boolean, given: { inReview: boolean; elapsedMs?: number }) => {
			reviewed.push({ quizId: quiz.id, correct, ...given });
			return Promise.resolve(card);
		},
	} as unknown as ReviewService;
	return { answers: new Answers(progress, { warn: (m: string) => void warnings.push(m) }, withReviews ? reviews : undefined), recorded, warnings, reviewed };
}

describe('answers', () => {
	it('grades and stores a fitting answer once, with the review card update made for it', async () => {
		const a = answers();
		const result = await a.answers.answer(lesson(), 'one', [0, 1], { inReview: true });
		assert.equal(result?.correct, true);
		assert.equal(a.recorded.length, 1);
		assert.equal(a.recorded[0]?.lessonId, 'target');
		assert.deepEqual(a.recorded[0]?.answer, [0, 1]);
		assert.equal(typeof a.recorded[0]?.review, 'function', 'the card update goes in the same write');
		assert.deepEqual(a.reviewed, [{ quizId: 'one', correct: true, inReview: true }]);
	});

	it('stores nothing for an unknown quiz or an answer that does not fit, and logs why', async () => {
		const a = answers();
		assert.equal(await a.answers.answer(lesson(), '__proto__', [0]), undefined);
		assert.equal(await a.answers.answer(lesson(), 'one', [7]), undefined);
		assert.deepEqual(a.recorded, []);
		assert.deepEqual(a.reviewed, []);
		assert.equal(a.warnings.length, 2);
	});

	it('records an answer graded by the page with its time, and without a schedule makes no card', async () => {
		const a = answers();
		const result: QuizResult = { quizId: 'one', correct: false, feedback: [], explain: '' };
		await a.answers.record(lesson(), 'one', [2], result, { elapsedMs: 1200 });
		assert.deepEqual(a.reviewed, [{ quizId: 'one', correct: false, inReview: false, elapsedMs: 1200 }]);
		const none = answers(false);
		await none.answers.record(lesson(), 'one', [2], result);
		assert.equal(none.recorded[0]?.review, undefined);
	});
});
