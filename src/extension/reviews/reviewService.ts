import * as vscode from 'vscode';
import type { Lesson, Quiz } from '../../core/lessons/lesson';
import type { Progress } from '../../core/progress/progress';
import { reviewAfterAnswer } from '../../core/reviews/reviewAnswer';
import { localDayBounds, quizHash } from '../../core/reviews/reviewCards';
import { buildReviewQueue, type ReviewQueue } from '../../core/reviews/reviewQueue';
import { easyWithinMs } from '../../core/reviews/reviewRating';
import type { Clock } from '../platform/clock';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { ProgressStore } from '../progress/progressStore';
import { ownEntry } from '../../core/shared/records';
import { host } from '../platform/host';

/** A change to apply to progress in the same write as an answer: before and after the answer, the result. */
export type ReviewUpdate = (before: Progress, after: Progress) => Progress;

const EMPTY_QUEUE: ReviewQueue = { items: [], waiting: 0, cards: 0 };
/** Due counts change with time; look again at least this often, and at the next due time or midnight. */
const MAX_TIMER_MS = 60 * 60 * 1000;
const MIN_TIMER_MS = 5000;

/**
 * The review schedule as the view, the status bar and the session see it: what is due now, and the card update
 * each answer brings. Cards live in progress (see ProgressStore); ts-fsrs loads with the first answer stored.
 */
export class ReviewService extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	/** Fires when what is due may have changed: an answer, a reset, the lessons, the settings, or time passing. */
	readonly onDidChange = this._onDidChange.event;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** The queue since the last change: the status bar and the refresh timer ask for it after every answer. */
	private latest: Promise<ReviewQueue> | undefined;

	constructor(
		private readonly library: LessonLibrary,
		private readonly progress: ProgressStore,
		private readonly config: () => ExtensionConfig,
		private readonly clock: Clock,
	) {
		super();
		const changed = (): void => this.changed();
		this.register(progress.onDidChange(changed));
		this.register(library.onDidChange(changed));
		this.register(clock.onDidChange(changed));
		this.register(vscode.window.onDidChangeWindowState((state) => state.focused && changed()));
		this.register({ dispose: () => clearTimeout(this.timer) });
	}

	get isEnabled(): boolean {
		return this.config().reviews.enabled;
	}

	/** Call when the review settings changed. */
	changed(): void {
		this.latest = undefined;
		this._onDidChange.fire();
		void this.scheduleRefresh();
	}

	/** What to review now (empty when reviews are off); built once per change (every change, time included, comes through `changed`). */
	queue(): Promise<ReviewQueue> {
		if (this.latest === undefined) {
			const built = this.build();
			this.latest = built;
			built.catch(() => {
				if (this.latest === built) {
					this.latest = undefined; // asked again next time
				}
			});
		}
		return this.latest;
	}

	private async build(): Promise<ReviewQueue> {
		if (!this.isEnabled) {
			return EMPTY_QUEUE;
		}
		// Only lessons with answers or cards can have review items, so only those are parsed whole.
		const started = this.progress.get();
		const lessons = await this.library.getMany([...Object.keys(started.lessons), ...Object.keys(started.reviews)]);
		const progress = this.progress.get();
		const now = this.clock.now();
		const day = localDayBounds(now);
		return buildReviewQueue({
			lessons, reviews: progress.reviews, now, dayStart: day.start, dayEnd: day.end, newPerDay: this.config().reviews.newCardsPerDay,
			isAnswered: (lessonId, quizId) => ownEntry(ownEntry(progress.lessons, lessonId)?.quizzes, quizId) !== undefined,
		});
	}

	/**
	 * The card change an answer brings, to store with the answer (undefined when reviews are off). Loads the FSRS
	 * scheduler on first use. `inReview`: answered in a review session; `elapsedMs`: measured by the panel.
	 */
	async updateFor(lesson: Lesson, quiz: Quiz, correct: boolean, given: { readonly inReview: boolean; readonly elapsedMs?: number }): Promise<ReviewUpdate | undefined> {
		if (!this.isEnabled) {
			return undefined;
		}
		const { scheduleCard } = await host().chunk('reviews');
		const now = this.clock.now();
		const day = localDayBounds(now);
		const newPerDay = this.config().reviews.newCardsPerDay;
		return (before, after) => {
			const previous = ownEntry(ownEntry(before.lessons, lesson.meta.id)?.quizzes, quiz.id);
			const { reviews } = reviewAfterAnswer(before.reviews, {
				lessonId: lesson.meta.id, quizId: quiz.id, quizHash: quizHash(quiz), correct, afterWrong: previous?.correct === false,
				...(given.elapsedMs !== undefined ? { elapsedMs: given.elapsedMs } : {}), easyWithinMs: easyWithinMs(quiz),
				inReview: given.inReview, now, dayStart: day.start, dayEnd: day.end, newPerDay,
			}, scheduleCard);
			return { ...after, reviews };
		};
	}

	/** Looks again when the next card falls due or the day ends (capped at an hour), so counts follow the time. */
	private async scheduleRefresh(): Promise<void> {
		clearTimeout(this.timer);
		if (!this.isEnabled) {
			return;
		}
		const queue = await this.queue();
		const now = this.clock.now().getTime();
		const midnight = localDayBounds(this.clock.now()).end.getTime() + 1;
		const nextDue = queue.nextDue !== undefined ? Date.parse(queue.nextDue) : Number.POSITIVE_INFINITY;
		const wait = Math.min(Math.max(Math.min(nextDue, midnight) - now, MIN_TIMER_MS), MAX_TIMER_MS);
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.changed(), wait);
	}
}
