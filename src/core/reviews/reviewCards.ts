/**
 * Review cards: one per answered quiz, holding its FSRS memory state and when it is next due. JSON-safe values kept
 * in progress (schema version 2) under `reviews`, keyed by lesson id then quiz id; null-prototype records, as in
 * ../progress/progress. Reading stored cards is tolerant: an invalid card is dropped with a problem, never thrown. Pure.
 */
import { cardFromStored } from '../progress/compactRecords';
import { hashQuizContent } from '../lessons/contentHash';
import type { Quiz } from '../lessons/lesson';
import type { CardState, ReviewCard, ReviewCards, ReviewRating } from '../progress/records';
import { createRecord, isRecord, isTime, ownEntry } from '../shared/records';

export type { CardState, ReviewCard, ReviewCards, ReviewRating } from '../progress/records';

const STATES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];
const RATINGS: readonly ReviewRating[] = ['again', 'hard', 'good', 'easy'];

/** No cards. */
export function emptyReviews(): ReviewCards {
	return createRecord();
}

/** The hash a card of `quiz` is tied to: the quiz's answer key, not its wording (so translations share cards). */
export function quizHash(quiz: Quiz): string {
	return hashQuizContent([quiz]);
}

/** The card of one quiz, if there is one. */
export function cardOf(reviews: ReviewCards, lessonId: string, quizId: string): ReviewCard | undefined {
	return ownEntry(ownEntry(reviews, lessonId), quizId);
}

/** New cards with `card` for the quiz (the input is not changed). */
export function withCard(reviews: ReviewCards, lessonId: string, quizId: string, card: ReviewCard): ReviewCards {
	const lessons = createRecord<Readonly<Record<string, ReviewCard>>>();
	Object.assign(lessons, reviews);
	const quizzes = createRecord<ReviewCard>();
	Object.assign(quizzes, ownEntry(reviews, lessonId) ?? {});
	quizzes[quizId] = card;
	lessons[lessonId] = quizzes;
	return lessons;
}

/** New cards without any card of `lessonId` (Reset Lesson Progress). */
export function withoutLesson(reviews: ReviewCards, lessonId: string): ReviewCards {
	const lessons = createRecord<Readonly<Record<string, ReviewCard>>>();
	Object.assign(lessons, reviews);
	delete lessons[lessonId];
	return lessons;
}

/**
 * Is the card due? Cards in `review` state are scheduled in whole days, so they are due for the whole of their due
 * day (`due <= dayEnd`, the end of the learner's today); cards in (re)learning steps of minutes are due at `due`.
 */
export function isCardDue(card: ReviewCard, now: Date, dayEnd: Date): boolean {
	const due = Date.parse(card.due);
	return card.state === 'review' || card.state === 'new' ? due <= dayEnd.getTime() : due <= now.getTime();
}

/** How many cards were made (or restarted) between `dayStart` and `dayEnd`. */
export function countCreatedBetween(reviews: ReviewCards, dayStart: Date, dayEnd: Date): number {
	let count = 0;
	for (const lessonId of Object.keys(reviews)) {
		for (const card of Object.values(ownEntry(reviews, lessonId) ?? {})) {
			const created = Date.parse(card.createdAt);
			count += created >= dayStart.getTime() && created <= dayEnd.getTime() ? 1 : 0;
		}
	}
	return count;
}

/** The local calendar day around `now`: its first and last millisecond, in the process's time zone. */
export function localDayBounds(now: Date): { readonly start: Date; readonly end: Date } {
	const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
	const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
	return { start, end: new Date(next.getTime() - 1) };
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** A stored card (compact or in object form, see ./compactRecords), checked field by field; undefined when anything is off. */
export function readCard(stored: unknown): ReviewCard | undefined {
	const value = cardFromStored(stored);
	if (!isRecord(value)) {
		return undefined;
	}
	const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, lastRating, createdAt, quizHash: hash } = value;
	if (!isTime(due) || !isNumber(stability) || !isNumber(difficulty) || !isCount(scheduledDays) || !isCount(learningSteps)
		|| !isCount(reps) || !isCount(lapses) || !STATES.includes(state as CardState) || !isTime(createdAt) || typeof hash !== 'string'
		|| (lastReview !== undefined && !isTime(lastReview)) || (lastRating !== undefined && !RATINGS.includes(lastRating as ReviewRating))) {
		return undefined;
	}
	return {
		due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state: state as CardState,
		...(lastReview !== undefined ? { lastReview } : {}),
		...(lastRating !== undefined ? { lastRating: lastRating as ReviewRating } : {}),
		createdAt, quizHash: hash,
	};
}

/**
 * Reads stored cards (`undefined` gives none). Entries under ids that are not kebab-case, and invalid cards, are
 * dropped; each drop adds a message to `problems`.
 */
export function readReviews(raw: unknown, isId: (key: string) => boolean, problems: string[]): ReviewCards {
	const lessons = createRecord<Readonly<Record<string, ReviewCard>>>();
	if (raw === undefined) {
		return lessons;
	}
	if (!isRecord(raw)) {
		problems.push('dropped the review cards: they are not a record of lessons');
		return lessons;
	}
	for (const [lessonId, quizzes] of Object.entries(raw)) {
		if (!isId(lessonId) || !isRecord(quizzes)) {
			problems.push(`dropped the review cards stored under "${lessonId}": not a lesson's cards`);
			continue;
		}
		const cards = createRecord<ReviewCard>();
		for (const [quizId, value] of Object.entries(quizzes)) {
			const card = isId(quizId) ? readCard(value) : undefined;
			if (card) {
				cards[quizId] = card;
			} else {
				problems.push(`dropped the review card of quiz "${quizId}" of lesson "${lessonId}": it is not a valid card`);
			}
		}
		lessons[lessonId] = cards;
	}
	return lessons;
}
