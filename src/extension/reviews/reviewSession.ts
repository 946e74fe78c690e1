import * as vscode from 'vscode';
import type { Lesson } from '../../core/lessons/lesson';
import { renderReviewCard, renderReviewDone } from '../../core/reviews/reviewHtml';
import type { ReviewItem } from '../../core/reviews/reviewQueue';
import { quizSeed } from '../../core/page/shuffle';
import type { Clock } from '../platform/clock';
import { Disposable } from '../platform/dispose';
import { renderLabels } from '../page/labels';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { LearnerProgress } from '../page/lessonPage';
import { storedAttempts } from '../progress/lessonStatus';
import type { ReviewService } from './reviewService';
import { formatDueTime, reviewLabels } from './reviewText';

/** What the session needs from the lesson panel. */
export interface ReviewPanel {
	/** Shows one review card (a quiz of `lesson`), in the reusable lesson panel. */
	showReview(lesson: Lesson, bodyHtml: string): Promise<void>;
	/** Shows the page after the last card (core/reviewHtml renderReviewDone). */
	showReviewDone(bodyHtml: string): Promise<void>;
	/** The learner asked for the next card (the Next button). */
	readonly onDidRequestNextReview: vscode.Event<string>;
}

/**
 * A review session in the lesson panel: the due cards one after another, each quiz with its explanations after
 * the answer and a link back to its lesson, until nothing is due. What is due is looked up again before each card,
 * so a card answered wrong comes back once its one-minute step has passed.
 */
export class ReviewSession extends Disposable {
	private answered = 0;
	private isActive = false;

	constructor(
		private readonly panel: ReviewPanel,
		private readonly reviews: ReviewService,
		private readonly library: LessonLibrary,
		private readonly clock: Clock,
		private readonly log: vscode.LogOutputChannel,
		private readonly learner: LearnerProgress,
	) {
		super();
		this.register(panel.onDidRequestNextReview(() => void this.next()));
	}

	/** Starts a session, with `first` (a due card the learner picked in the view) before the others. */
	async start(first?: { readonly lessonId: string; readonly quizId: string }): Promise<void> {
		if (!this.reviews.isEnabled) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Reviews are turned off (setting "incidentLessons.reviews.enabled").'));
			return;
		}
		this.answered = 0;
		this.isActive = true;
		await this.showNext(first);
	}

	/** Moves to the next due card, or to the closing page. */
	async next(): Promise<void> {
		if (this.isActive) {
			this.answered++;
			await this.showNext();
		}
	}

	private async showNext(first?: { readonly lessonId: string; readonly quizId: string }): Promise<void> {
		const queue = await this.reviews.queue();
		const items = [...queue.items];
		const picked = first ? items.findIndex((i) => i.lessonId === first.lessonId && i.quizId === first.quizId) : -1;
		if (picked > 0) {
			items.unshift(...items.splice(picked, 1));
		}
		for (const item of items) {
			if (await this.show(item, items.length)) {
				return;
			}
		}
		this.isActive = false;
		const next = queue.nextDue !== undefined ? formatDueTime(new Date(queue.nextDue), this.clock.now()) : undefined;
		await this.panel.showReviewDone(renderReviewDone(this.answered, next, reviewLabels()));
	}

	/** Shows one card; false when its lesson or quiz is gone (the next one is tried). */
	private async show(item: ReviewItem, remaining: number): Promise<boolean> {
		const lesson = await this.library.get(item.lessonId);
		const quiz = lesson?.quizzes.find((q) => q.id === item.quizId);
		if (!lesson || !quiz) {
			this.log.warn(`Review: ${item.lessonId}/${item.quizId} is no longer in the lessons; skipped.`);
			return false;
		}
		// Each review is a new attempt, in a new order.
		const shuffle = { seed: quizSeed(this.learner.learnerSeed(), lesson.meta.id, quiz.id), attempt: storedAttempts(this.learner.get(), lesson.meta.id, quiz.id) };
		const html = renderReviewCard(lesson, quiz, { position: this.answered + 1, total: this.answered + remaining }, renderLabels(), reviewLabels(), shuffle);
		await this.panel.showReview(lesson, html);
		return true;
	}
}
