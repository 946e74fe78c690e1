import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Lesson, Quiz } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { reviewAfterAnswer, type AnswerForReview } from '../../../../src/core/reviews/reviewAnswer';
import { emptyReviews, localDayBounds, quizHash, readReviews, withCard, withoutLesson, type ReviewCard, type ReviewCards } from '../../../../src/core/reviews/reviewCards';
import { renderReviewCard, renderReviewDone } from '../../../../src/core/reviews/reviewHtml';
import { buildReviewQueue, type QueueInput } from '../../../../src/core/reviews/reviewQueue';
import { easyWithinMs, rateAnswer } from '../../../../src/core/reviews/reviewRating';
import { scheduleCard } from '../../../../src/core/reviews/reviewScheduler';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A fixed clock: 10:00 local time on 3 March 2025, and that local day. */
const NOW = new Date(2025, 2, 3, 10, 0, 0);
const TODAY = localDayBounds(NOW);

function lesson(id = 'axa-non-life-unauthorized-access'): Lesson {
	const file = path.join(ROOT, 'lessons', 'en', `${id}.md`);
	const { lesson: parsed } = parseLesson(readFileSync(file, 'utf8'), file, { expectedId: id });
	assert.ok(parsed);
	return parsed;
}

function quiz(l: Lesson, index = 0): Quiz {
	const q = l.quizzes[index];
	assert.ok(q);
	return q;
}

function answer(l: Lesson, q: Quiz, over: Partial<AnswerForReview> = {}): AnswerForReview {
	return {
		lessonId: l.meta.id, quizId: q.id, quizHash: quizHash(q), correct: true, afterWrong: false, easyWithinMs: easyWithinMs(q),
		inReview: false, now: NOW, dayStart: TODAY.start, dayEnd: TODAY.end, newPerDay: 20, ...over,
	};
}

function queue(l: Lesson, reviews: ReviewCards, over: Partial<QueueInput> = {}): ReturnType<typeof buildReviewQueue> {
	return buildReviewQueue({ lessons: [l], reviews, isAnswered: () => false, now: NOW, dayStart: TODAY.start, dayEnd: TODAY.end, newPerDay: 20, ...over });
}

describe('rating an answer', () => {
	const single = quiz(lesson(), 0);

	it('maps wrong → Again, right after a wrong answer → Hard, right → Good, right and fast → Easy', () => {
		const within = easyWithinMs(single);
		const table: [boolean, boolean, number | undefined, string][] = [
			[false, false, 1000, 'again'],
			[false, true, 1000, 'again'],
			[true, true, 1000, 'hard'],
			[true, false, undefined, 'good'],
			[true, false, within + 1, 'good'],
			[true, false, within, 'easy'],
			[true, false, 0, 'easy'],
		];
		for (const [correct, afterWrong, elapsedMs, expected] of table) {
			assert.equal(rateAnswer({ correct, afterWrong, ...(elapsedMs !== undefined ? { elapsedMs } : {}), easyWithinMs: within }), expected, JSON.stringify({ correct, afterWrong, elapsedMs }));
		}
	});

	it('allows more time for more choices, and most for ordering steps', () => {
		const l = lesson();
		const byType = new Map(l.quizzes.map((q) => [q.type, q]));
		const order = byType.get('order');
		assert.ok(order?.type === 'order');
		assert.equal(easyWithinMs(order), 6000 + 3000 * order.steps.length);
		const choice = byType.get('single');
		assert.ok(choice?.type === 'single');
		assert.equal(easyWithinMs(choice), 6000 + 1000 * choice.choices.length);
	});
});

describe('scheduling with a fixed clock', () => {
	const hash = 'h';

	it('schedules a new card: Again in a minute, Hard in two, Good in two days, Easy in eight', () => {
		const due = (rating: 'again' | 'hard' | 'good' | 'easy'): number => (Date.parse(scheduleCard(undefined, rating, NOW, hash).due) - NOW.getTime());
		assert.deepEqual([due('again'), due('hard'), due('good'), due('easy')], [MINUTE, 2 * MINUTE, 2 * DAY, 8 * DAY]);
		const card = scheduleCard(undefined, 'good', NOW, hash);
		assert.deepEqual([card.state, card.reps, card.lapses, card.createdAt, card.lastReview, card.lastRating, card.quizHash],
			['review', 1, 0, NOW.toISOString(), NOW.toISOString(), 'good', hash]);
	});

	it('grows the interval on each right answer and shortens it after a lapse', () => {
		let card = scheduleCard(undefined, 'good', NOW, hash);
		const first = card.scheduledDays;
		card = scheduleCard(card, 'good', new Date(card.due), hash);
		assert.ok(card.scheduledDays > first, `${first} → ${card.scheduledDays} days`);
		const lapse = scheduleCard(card, 'again', new Date(card.due), hash);
		assert.deepEqual([lapse.state, lapse.lapses], ['relearning', 1]);
		assert.equal(Date.parse(lapse.due) - Date.parse(card.due), MINUTE);
	});

	it('restarts a card whose quiz changed, dropping its history', () => {
		let card = scheduleCard(undefined, 'good', NOW, 'old');
		card = scheduleCard(card, 'good', new Date(card.due), 'old');
		const later = new Date(card.due);
		const restarted = scheduleCard(card, 'good', later, 'new');
		assert.deepEqual([restarted.reps, restarted.createdAt, restarted.quizHash, restarted.scheduledDays], [1, later.toISOString(), 'new', 2]);
	});

	it('leaves Date.prototype as it was (ts-fsrs adds deprecated helpers when it loads)', () => {
		for (const name of ['scheduler', 'diff', 'format', 'dueFormat']) {
			assert.equal(Object.hasOwn(Date.prototype, name), false, name);
		}
	});
});

describe('what is due', () => {
	const l = lesson();
	const [q0, q1, q2] = [quiz(l, 0), quiz(l, 1), quiz(l, 2)];

	it('nothing before the due time; a day-scheduled card from the start of its due day; a minute step at its minute', () => {
		const good = withCard(emptyReviews(), l.meta.id, q0.id, scheduleCard(undefined, 'good', NOW, quizHash(q0)));
		assert.deepEqual(queue(l, good).items, []);
		assert.equal(queue(l, good).nextDue, new Date(NOW.getTime() + 2 * DAY).toISOString());
		const dueDay = new Date(NOW.getTime() + 2 * DAY);
		const morning = localDayBounds(dueDay);
		const early = queue(l, good, { now: new Date(morning.start.getTime() + MINUTE), dayStart: morning.start, dayEnd: morning.end });
		assert.deepEqual(early.items, [{ lessonId: l.meta.id, quizId: q0.id, kind: 'due' }], 'due all of its due day');
		const again = withCard(emptyReviews(), l.meta.id, q1.id, scheduleCard(undefined, 'again', NOW, quizHash(q1)));
		assert.deepEqual(queue(l, again).items, [], 'a one-minute step is not due yet');
		assert.equal(queue(l, again, { now: new Date(NOW.getTime() + MINUTE) }).items.length, 1);
	});

	it('orders due cards by due time, then brings answered quizzes without a card, up to the daily limit', () => {
		let reviews = withCard(emptyReviews(), l.meta.id, q2.id, scheduleCard(undefined, 'again', new Date(NOW.getTime() - 10 * MINUTE), quizHash(q2)));
		reviews = withCard(reviews, l.meta.id, q1.id, scheduleCard(undefined, 'again', new Date(NOW.getTime() - 20 * MINUTE), quizHash(q1)));
		const answered = new Set(l.quizzes.map((q) => q.id));
		const result = queue(l, reviews, { isAnswered: (_, id) => answered.has(id), newPerDay: 3 });
		// two cards were made today, so one new quiz is allowed; the other two wait
		assert.deepEqual(result.items.map((i) => `${i.kind}:${i.quizId}`), [`due:${q1.id}`, `due:${q2.id}`, `new:${q0.id}`]);
		assert.equal(result.waiting, l.quizzes.length - 3);
		assert.equal(result.cards, 2);
	});

	it('makes a card whose quiz changed due at once, and ignores cards of quizzes that are gone', () => {
		let reviews = withCard(emptyReviews(), l.meta.id, q0.id, scheduleCard(undefined, 'easy', NOW, 'an-older-version'));
		reviews = withCard(reviews, l.meta.id, 'removed-quiz', scheduleCard(undefined, 'again', NOW, 'x'));
		reviews = withCard(reviews, 'removed-lesson', 'q', scheduleCard(undefined, 'again', NOW, 'x'));
		const result = queue(l, reviews, { now: new Date(NOW.getTime() + 5 * MINUTE) });
		assert.deepEqual(result.items, [{ lessonId: l.meta.id, quizId: q0.id, kind: 'due' }]);
		assert.equal(result.cards, 1);
	});
});

describe('answers and cards', () => {
	const l = lesson();
	const q = quiz(l, 0);
	const schedule = scheduleCard;

	it('makes a card on the first answer, rated from the answer', () => {
		const wrong = reviewAfterAnswer(emptyReviews(), answer(l, q, { correct: false }), schedule);
		assert.equal(wrong.rating, 'again');
		const retry = reviewAfterAnswer(wrong.reviews, answer(l, q, { afterWrong: true, now: new Date(NOW.getTime() + 30_000) }), schedule);
		assert.equal(retry.rating, 'hard', 'a retry moves the card even before it is due');
		const fast = reviewAfterAnswer(emptyReviews(), answer(l, q, { elapsedMs: 2000 }), schedule);
		assert.equal(fast.rating, 'easy');
	});

	it('leaves a card alone when a lesson answer is right, not a retry, and the card is not due', () => {
		const first = reviewAfterAnswer(emptyReviews(), answer(l, q), schedule);
		const again = reviewAfterAnswer(first.reviews, answer(l, q, { now: new Date(NOW.getTime() + MINUTE) }), schedule);
		assert.equal(again.rating, undefined);
		assert.equal(again.reviews, first.reviews);
		const inReview = reviewAfterAnswer(first.reviews, answer(l, q, { inReview: true, now: new Date(NOW.getTime() + MINUTE) }), schedule);
		assert.equal(inReview.rating, 'good');
		const wrongLater = reviewAfterAnswer(first.reviews, answer(l, q, { correct: false, now: new Date(NOW.getTime() + MINUTE) }), schedule);
		assert.equal(wrongLater.rating, 'again', 'forgetting always counts');
	});

	it('stops making cards from lesson answers once the daily limit is reached', () => {
		let reviews = emptyReviews();
		for (const other of l.quizzes.slice(1, 3)) {
			reviews = reviewAfterAnswer(reviews, answer(l, other), schedule).reviews;
		}
		const limited = reviewAfterAnswer(reviews, answer(l, q, { newPerDay: 2 }), schedule);
		assert.equal(limited.rating, undefined);
		const tomorrow = new Date(NOW.getTime() + DAY);
		const next = reviewAfterAnswer(reviews, answer(l, q, { newPerDay: 2, now: tomorrow, ...((b) => ({ dayStart: b.start, dayEnd: b.end }))(localDayBounds(tomorrow)) }), schedule);
		assert.equal(next.rating, 'good');
	});
});

describe('stored cards', () => {
	const card: ReviewCard = scheduleCard(undefined, 'good', NOW, 'h');
	const isId = (key: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key);

	it('round-trip through JSON and drop invalid cards with a problem', () => {
		const stored = JSON.parse(JSON.stringify({ a: { q1: card, q2: { ...card, state: 'flying' }, __proto__x: card }, 'Bad Id': {} })) as unknown;
		const problems: string[] = [];
		const reviews = readReviews(stored, isId, problems);
		assert.deepEqual(JSON.parse(JSON.stringify(reviews)), { a: { q1: JSON.parse(JSON.stringify(card)) as unknown } });
		assert.equal(problems.length, 3);
		assert.deepEqual(Object.keys(readReviews(undefined, isId, [])), []);
	});

	it('are removed with their lesson', () => {
		const reviews = withCard(withCard(emptyReviews(), 'a', 'q', card), 'b', 'q', card);
		assert.deepEqual(Object.keys(withoutLesson(reviews, 'a')), ['b']);
		assert.deepEqual(Object.keys(reviews), ['a', 'b'], 'input unchanged');
	});
});

describe('review pages', () => {
	it('show one quiz with the lesson title escaped, a link back to the lesson and a hidden Next button', () => {
		const l = lesson();
		const hostile = { ...l, meta: { ...l.meta, title: '<img src=x onerror=alert(1)>' } };
		const html = renderReviewCard(hostile, quiz(l, 1), { position: 2, total: 3 });
		assert.ok(!html.includes('<img'), 'title escaped');
		assert.match(html, /href="axa-non-life-unauthorized-access\.md"/);
		assert.match(html, /Question 2 of 3/);
		assert.match(html, /id="il-review-next" hidden/);
		assert.equal((html.match(/class="il-quiz"/g) ?? []).length, 1);
		assert.ok(!/correct|explain/i.test(html.replace(/il-quiz-explain/g, '')), 'no answer key in the page');
	});

	it('say when the next review is due, or how to get reviews', () => {
		assert.match(renderReviewDone(3, 'tomorrow'), /Reviews answered in this session: 3\.[\s\S]*due tomorrow/);
		assert.match(renderReviewDone(0, undefined), /Answer quizzes in the lessons/);
	});
});
