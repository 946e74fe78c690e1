/**
 * From a graded answer to an FSRS rating. The learner never rates themselves: the quiz result, whether the answer
 * follows a wrong one, and how long it took decide (see docs/reviews-and-suggestions.md for the table). Pure.
 */
import type { Quiz } from '../lessons/lesson';
import type { ReviewRating } from './reviewCards';

/** Answer times above this are treated as this (a tab left open overnight says nothing about recall). */
export const MAX_ELAPSED_MS = 60 * 60 * 1000;

/** How long a first-time right answer may take to count as Easy: a base, plus time per choice or step. */
export const EASY_TIME = {
	baseMs: 6000,
	perOptionMs: { single: 1000, multiple: 1500, order: 3000 },
} as const;

/** The most milliseconds a right first answer to `quiz` may take to be rated Easy. */
export function easyWithinMs(quiz: Quiz): number {
	const options = quiz.type === 'order' ? quiz.steps.length : quiz.choices.length;
	return EASY_TIME.baseMs + options * EASY_TIME.perOptionMs[quiz.type];
}

/** What the rating is decided from. */
export interface GradedForReview {
	readonly correct: boolean;
	/** The learner's previous answer to this quiz was wrong: this one is a retry. */
	readonly afterWrong: boolean;
	/** Time from the quiz being shown (or Try again) to the answer, when the panel measured it. */
	readonly elapsedMs?: number;
	/** From {@link easyWithinMs}. */
	readonly easyWithinMs: number;
}

/**
 * Wrong → Again. Right after a wrong answer (a retry) → Hard. Right the first time → Good, or Easy when answered
 * within `easyWithinMs` (without a measured time it is never Easy).
 */
export function rateAnswer(answer: GradedForReview): ReviewRating {
	if (!answer.correct) {
		return 'again';
	}
	if (answer.afterWrong) {
		return 'hard';
	}
	const elapsed = answer.elapsedMs;
	return elapsed !== undefined && Math.min(elapsed, MAX_ELAPSED_MS) <= answer.easyWithinMs ? 'easy' : 'good';
}
