// Merging whole progress from elsewhere (an imported file, a workspace's earlier progress): nothing of either side is
// lost, a later answer always wins over an earlier one, the counts say what was added, and merging again adds nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { emptyProgress, recordAnswer, type Progress } from '../../../../src/core/progress/progress';
import { mergeProgress } from '../../../../src/core/progress/progressMerge';
import { withCard } from '../../../../src/core/reviews/reviewCards';
import { scheduleCard } from '../../../../src/core/reviews/reviewScheduler';
import { passedProgress } from '../../helpers/learnerProgress';
import { propertyParams } from '../../helpers/propertySeed';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const T = Date.parse('2026-03-01T10:00:00.000Z');

function answered(p: Progress, lessonId: string, quizId: string, correct: boolean, at: number): Progress {
	const result: QuizResult = { quizId, correct, feedback: [], explain: '' };
	const after = recordAnswer(p, lessonId, 'hash', result, [correct ? 0 : 1], new Date(at));
	return { ...after, reviews: withCard(after.reviews, lessonId, quizId, scheduleCard(undefined, correct ? 'good' : 'again', new Date(at), 'q')) };
}

describe('merging progress', () => {
	it('into empty progress takes everything, and counts lessons, answers, exercise records and cards', () => {
		const incoming = passedProgress(3);
		const { progress, counts, lessonIds } = mergeProgress(emptyProgress(), incoming);
		assert.deepEqual(plain(progress), plain(incoming));
		assert.deepEqual(counts, { lessons: 3, answers: 15, exercises: 3, cards: 15 });
		assert.equal(lessonIds.length, 3);
	});

	it('keeps the later answer of each quiz, with its card, from whichever side gave it', () => {
		let mine = answered(emptyProgress(), 'l', 'q1', true, T + 5000);
		mine = answered(mine, 'l', 'q2', false, T + 1000);
		let file = answered(emptyProgress(), 'l', 'q1', false, T + 2000);
		file = answered(file, 'l', 'q2', true, T + 9000);
		file = answered(file, 'l', 'q3', true, T + 3000);
		const { progress, counts } = mergeProgress(mine, file);
		const quizzes = progress.lessons.l?.quizzes;
		assert.deepEqual([quizzes?.q1?.correct, quizzes?.q2?.correct, quizzes?.q3?.correct], [true, true, true]);
		assert.equal(quizzes?.q1?.answeredAt, new Date(T + 5000).toISOString(), 'my later answer stays');
		assert.equal(progress.reviews.l?.q2?.lastRating, 'good', 'the card comes with the answer taken');
		assert.equal(progress.reviews.l?.q1?.lastRating, 'good', 'my card stays with my answer');
		assert.deepEqual(counts, { lessons: 1, answers: 2, exercises: 0, cards: 2 });
	});

	it('adds nothing when merged again, nor when everything incoming is older', () => {
		const file = passedProgress(4);
		const once = mergeProgress(emptyProgress(), file).progress;
		const twice = mergeProgress(once, file);
		assert.deepEqual(twice.counts, { lessons: 0, answers: 0, exercises: 0, cards: 0 });
		assert.equal(twice.progress, once, 'the same object: nothing to write');
	});

	it('never loses an answer of either side (property)', (t) => {
		const step = fc.record({ lesson: fc.constantFrom('a', 'b', 'c'), quiz: fc.constantFrom('q1', 'q2', 'q3'), correct: fc.boolean(), at: fc.integer({ min: 0, max: 1e6 }) });
		const progress = fc.array(step, { maxLength: 12 }).map((steps) => steps.reduce((p, s) => answered(p, s.lesson, s.quiz, s.correct, T + s.at * 1000), emptyProgress()));
		fc.assert(fc.property(progress, progress, (mine, file) => {
			const { progress: merged } = mergeProgress(mine, file);
			for (const side of [mine, file]) {
				for (const [lessonId, lesson] of Object.entries(side.lessons)) {
					for (const [quizId, quiz] of Object.entries(lesson.quizzes)) {
						const kept = merged.lessons[lessonId]?.quizzes[quizId];
						assert.ok(kept, `${lessonId}/${quizId} kept`);
						assert.ok(Date.parse(kept.answeredAt) >= Date.parse(quiz.answeredAt), 'never an earlier answer than either side had');
					}
				}
			}
			assert.deepEqual(mergeProgress(merged, file).counts.answers, 0, 'idempotent');
		}), propertyParams(t, 200));
	});
});
