/**
 * What to review now: due cards, then quizzes answered in lessons that have no card yet, as many as today's limit
 * of new cards still allows. Pure; the time and the learner's day are passed in.
 */
import type { Lesson } from '../lessons/lesson';
import { cardOf, countCreatedBetween, isCardDue, quizHash, type ReviewCards } from './reviewCards';

/** A quiz to review, in the order the session shows them. */
export interface ReviewItem {
	readonly lessonId: string;
	readonly quizId: string;
	/** `due`: a card whose time has come (or whose quiz changed); `new`: answered in a lesson, no card yet. */
	readonly kind: 'due' | 'new';
}

/** What is due now, and what the view says about the rest. */
export interface ReviewQueue {
	readonly items: readonly ReviewItem[];
	/** Answered quizzes without a card beyond today's limit: they come in on later days. */
	readonly waiting: number;
	/** How many cards exist for lessons and quizzes that still exist. */
	readonly cards: number;
	/** ISO time of the earliest card that is not due yet, if any. */
	readonly nextDue?: string;
}

/** What the queue is built from; times are passed in, so the queue is pure. */
export interface QueueInput {
	/** Lessons in catalog order (cards of lessons or quizzes no longer there are ignored). */
	readonly lessons: readonly Lesson[];
	readonly reviews: ReviewCards;
	/** Whether a quiz has a stored answer (from progress). */
	readonly isAnswered: (lessonId: string, quizId: string) => boolean;
	readonly now: Date;
	/** The learner's local day (see localDayBounds). */
	readonly dayStart: Date;
	readonly dayEnd: Date;
	/** The daily limit of new cards (0 or more). */
	readonly newPerDay: number;
}

/**
 * Due cards first, earliest due first (ties in catalog order), then new quizzes in catalog order up to
 * `newPerDay` minus the cards already made today. A card whose quiz changed (its hash differs) is due at once.
 */
export function buildReviewQueue(input: QueueInput): ReviewQueue {
	const due: { item: ReviewItem; at: number }[] = [];
	const fresh: ReviewItem[] = [];
	let cards = 0;
	let nextDue: number | undefined;
	for (const lesson of input.lessons) {
		for (const quiz of lesson.quizzes) {
			const ref = { lessonId: lesson.meta.id, quizId: quiz.id };
			const card = cardOf(input.reviews, ref.lessonId, ref.quizId);
			if (!card) {
				if (input.isAnswered(ref.lessonId, ref.quizId)) {
					fresh.push({ ...ref, kind: 'new' });
				}
				continue;
			}
			cards++;
			const at = Date.parse(card.due);
			if (card.quizHash !== quizHash(quiz) || isCardDue(card, input.now, input.dayEnd)) {
				due.push({ item: { ...ref, kind: 'due' }, at: card.quizHash !== quizHash(quiz) ? input.now.getTime() : at });
			} else {
				nextDue = nextDue === undefined ? at : Math.min(nextDue, at);
			}
		}
	}
	// Array.prototype.sort is stable, so equal due times keep catalog order.
	due.sort((a, b) => a.at - b.at);
	const allowed = Math.max(0, Math.floor(input.newPerDay) - countCreatedBetween(input.reviews, input.dayStart, input.dayEnd));
	return {
		items: [...due.map((d) => d.item), ...fresh.slice(0, allowed)],
		waiting: Math.max(0, fresh.length - allowed),
		cards,
		...(nextDue !== undefined ? { nextDue: new Date(nextDue).toISOString() } : {}),
	};
}
