import type * as vscode from 'vscode';
import type { Answer, Lesson, QuizResult } from '../../core/lessons/lesson';
import type { ExerciseEvent } from '../../core/progress/exerciseProgress';
import type { ReviewService } from '../reviews/reviewService';
import type { ProgressStore } from './progressStore';
import { gradeLessonAnswer } from '../../core/page/messageRouting';

/** How an answer was given: on a review card of its lesson (it then counts as a review), and in how long (ms). */
export interface AnswerGiven {
	readonly inReview?: boolean;
	readonly elapsedMs?: number;
}

/**
 * Grades and stores the learner's answers: the lesson page's (through the panel's message routing) and the API's,
 * so both store the same thing. Each answer and its review card update are one write.
 */
export class Answers {
	constructor(
		private readonly progress: ProgressStore,
		private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
		/** The review schedule each answer updates (absent: answers make no review cards). */
		private readonly reviews?: ReviewService,
	) {}

	/** Grades `answer` to a quiz of `lesson` and stores it; undefined (and logged) when there is no such quiz or the answer does not fit it. */
	async answer(lesson: Lesson, quizId: string, answer: Answer, given: AnswerGiven = {}): Promise<QuizResult | undefined> {
		const graded = gradeLessonAnswer(lesson, quizId, answer);
		if (!('result' in graded)) {
			this.log.warn(`Ignored an answer: ${graded.reason}.`);
			return undefined;
		}
		await this.record(lesson, quizId, answer, graded.result, given);
		return graded.result;
	}

	/**
	 * Stores what happened to an exercise of `lesson`: a check (with the ids of the checks that failed), a hint or the
	 * solution shown. Exercises make no review cards: recalling a fix is not a flash card.
	 */
	async recordExercise(lesson: Lesson, exerciseId: string, event: ExerciseEvent): Promise<void> {
		if (!lesson.exercises.some((e) => e.id === exerciseId)) {
			this.log.warn(`Ignored an exercise event: lesson "${lesson.meta.id}" has no exercise "${exerciseId}".`);
			return;
		}
		await this.progress.recordExercise(lesson.meta.id, lesson.contentHash, exerciseId, event);
	}

	/** Stores an answer already graded (the page's messages are graded as they are checked), with its review card update. */
	async record(lesson: Lesson, quizId: string, answer: Answer, result: QuizResult, given: AnswerGiven = {}): Promise<void> {
		const quiz = lesson.quizzes.find((q) => q.id === quizId);
		const review = quiz && this.reviews
			? await this.reviews.updateFor(lesson, quiz, result.correct, { inReview: given.inReview ?? false, ...(given.elapsedMs !== undefined ? { elapsedMs: given.elapsedMs } : {}) })
			: undefined;
		await this.progress.record(lesson.meta.id, lesson.contentHash, result, answer, review);
	}
}
