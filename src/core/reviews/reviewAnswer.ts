/**
 * How a graded answer changes the review cards: which answers count, the rating, the daily limit of new cards.
 * The FSRS step itself is passed in (./reviewScheduler), so this logic is tested without it and the extension can
 * load ts-fsrs lazily. Pure.
 */
import { cardOf, countCreatedBetween, isCardDue, withCard, type ReviewCard, type ReviewCards, type ReviewRating } from './reviewCards';
import { rateAnswer } from './reviewRating';

/** One FSRS step: see `scheduleCard` in ./reviewScheduler. */
export type ScheduleCard = (card: ReviewCard | undefined, rating: ReviewRating, now: Date, quizHash: string) => ReviewCard;

/** A graded answer, with what the schedule needs to know about it. */
export interface AnswerForReview {
	readonly lessonId: string;
	readonly quizId: string;
	/** The quiz's current hash (see `quizHash` in ./reviewCards). */
	readonly quizHash: string;
	readonly correct: boolean;
	/** Was the learner's previous answer to this quiz wrong? */
	readonly afterWrong: boolean;
	readonly elapsedMs?: number;
	/** From `easyWithinMs` in ./reviewRating. */
	readonly easyWithinMs: number;
	/** Given in a review session (always counts) rather than in the lesson. */
	readonly inReview: boolean;
	readonly now: Date;
	readonly dayStart: Date;
	readonly dayEnd: Date;
	readonly newPerDay: number;
}

/**
 * The cards after `answer`, and the rating applied (undefined when the answer leaves the schedule alone).
 *
 * - A quiz without a card gets one, unless the answer was given in a lesson and today's new cards reached
 *   `newPerDay` (the quiz then waits, and the review queue brings it in on a later day).
 * - A card whose quiz changed restarts from this answer.
 * - In a lesson, an answer moves an existing card only when the card is due, the answer is wrong, or it follows a
 *   wrong answer: re-answering a quiz one knows, before it is due, must not inflate its interval.
 */
export function reviewAfterAnswer(reviews: ReviewCards, answer: AnswerForReview, schedule: ScheduleCard): { reviews: ReviewCards; rating?: ReviewRating } {
	const card = cardOf(reviews, answer.lessonId, answer.quizId);
	const changed = card !== undefined && card.quizHash !== answer.quizHash;
	if (!answer.inReview) {
		if (card === undefined && countCreatedBetween(reviews, answer.dayStart, answer.dayEnd) >= answer.newPerDay) {
			return { reviews };
		}
		if (card !== undefined && !changed && answer.correct && !answer.afterWrong && !isCardDue(card, answer.now, answer.dayEnd)) {
			return { reviews };
		}
	}
	const rating = rateAnswer(answer);
	const next = schedule(card, rating, answer.now, answer.quizHash);
	return { reviews: withCard(reviews, answer.lessonId, answer.quizId, next), rating };
}
