/**
 * The FSRS scheduler (ts-fsrs): a card and a rating in, the card's next state and due time out. Pure (the time is
 * passed in). The extension loads this module lazily, in its own bundle with ts-fsrs, when an answer is first stored.
 */
// Must stay the first import: it records Date.prototype before ts-fsrs changes it.
import { DATE_PROTOTYPE_KEYS } from './datePrototypeSnapshot';
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { CardState, ReviewCard, ReviewRating } from './reviewCards';

for (const key of Object.getOwnPropertyNames(Date.prototype)) {
	if (!DATE_PROTOTYPE_KEYS.has(key)) {
		// ts-fsrs never calls these deprecated helpers itself; other extensions must not see them.
		Reflect.deleteProperty(Date.prototype, key);
	}
}

/**
 * The scheduler's settings: 90 % wanted recall, intervals of at most a year, no random fuzz (reproducible tests),
 * and one short (re)learning step of a minute, so a missed quiz comes back in the same sitting and a right one
 * waits for days.
 */
export const FSRS_SETTINGS = {
	request_retention: 0.9,
	maximum_interval: 365,
	enable_fuzz: false,
	enable_short_term: true,
	learning_steps: ['1m'],
	relearning_steps: ['1m'],
} as const;

const scheduler = fsrs({ ...FSRS_SETTINGS, learning_steps: [...FSRS_SETTINGS.learning_steps], relearning_steps: [...FSRS_SETTINGS.relearning_steps] });

const GRADES: Readonly<Record<ReviewRating, Grade>> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const TO_STATE: Readonly<Record<State, CardState>> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const FROM_STATE: Readonly<Record<CardState, State>> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

function toFsrs(card: ReviewCard): Card {
	return {
		due: new Date(card.due),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: 0, // deprecated in ts-fsrs 5; intervals come from last_review
		scheduled_days: card.scheduledDays,
		learning_steps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: FROM_STATE[card.state],
		...(card.lastReview !== undefined ? { last_review: new Date(card.lastReview) } : {}),
	};
}

/**
 * The card after one review rated `rating` at `now`. Without a card, or when the card was made for another version
 * of the quiz (`quizHash` differs), a new card starts at `now`, so a changed quiz keeps no history that no longer fits.
 */
export function scheduleCard(card: ReviewCard | undefined, rating: ReviewRating, now: Date, hash: string): ReviewCard {
	const kept = card !== undefined && card.quizHash === hash ? card : undefined;
	const start = kept ? toFsrs(kept) : createEmptyCard(now);
	const next = scheduler.next(start, now, GRADES[rating]).card;
	return {
		due: next.due.toISOString(),
		stability: next.stability,
		difficulty: next.difficulty,
		scheduledDays: next.scheduled_days,
		learningSteps: next.learning_steps,
		reps: next.reps,
		lapses: next.lapses,
		state: TO_STATE[next.state],
		lastReview: now.toISOString(),
		lastRating: rating,
		createdAt: kept?.createdAt ?? now.toISOString(),
		quizHash: hash,
	};
}
