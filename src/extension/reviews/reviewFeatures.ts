import * as vscode from 'vscode';
import { systemClock, type Clock } from '../platform/clock';
import { Command } from '../platform/ids';
import type { ExtensionConfig } from '../platform/config';
import { LazyPart } from '../platform/lazyPart';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { LessonPanel } from '../page/lessonPanel';
import type { ProgressStore } from '../progress/progressStore';
import { ReviewService } from './reviewService';
import { ReviewStatusBar } from './reviewStatusBar';
import { isSuggestable } from '../suggestions/suggestionScope';
import type { TrustGate } from '../platform/trustGate';

interface ReviewDeps {
	readonly context: vscode.ExtensionContext;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly config: () => ExtensionConfig;
	readonly log: vscode.LogOutputChannel;
	readonly trust: TrustGate;
	readonly clock: Clock;
	readonly reviews: ReviewService;
}

/** The review and suggestion features, built: what the tree, the API and the configuration listener reach. */
export interface ReviewFeatures extends vscode.Disposable {
	readonly statusBar: ReviewStatusBar;
	/** Call when `incidentLessons.reviews.*` or `incidentLessons.suggestions.*` changed. */
	settingsChanged(): void;
	/** Work that may wait until after activation: the status bar count, the reminder and suggestions if they are on. */
	start(): void;
}

/** The clock and the review schedule, made first: every answer updates the schedule. */
export function createReviewService(library: LessonLibrary, progress: ProgressStore, config: () => ExtensionConfig, clock: Clock = systemClock): { clock: Clock; reviews: ReviewService } {
	return { clock, reviews: new ReviewService(library, progress, config, clock) };
}

/**
 * Spaced-repetition reviews (session, status bar, reminder, Start Review) and lessons suggested by the code in the
 * editor (CodeLens, hint, hover), owned by one disposable. The session, the reminder and the suggestions load as
 * chunks (esbuild.mjs): the session with the first Start Review, the reminder once it is turned on, the suggestions
 * once they are on and an editor they apply to is visible.
 */
export function createReviewFeatures(deps: ReviewDeps, panel: LessonPanel): ReviewFeatures {
	const { library, config, log, trust, clock, reviews } = deps;
	const session = new LazyPart(async () => new (await import('./reviewSession')).ReviewSession(panel, reviews, library, clock, log, deps.progress));
	const statusBar = new ReviewStatusBar(reviews);
	const reminder = new LazyPart(async () => new (await import('./reviewReminder')).ReviewReminder(deps.context.globalState, reviews, config, clock));
	const suggestions = new LazyPart(async () => (await import('../suggestions/suggestionProviders')).createSuggestions(library, trust, config, log));
	const wake = (): void => {
		const { enabled, reminder: remind } = config().reviews;
		if (enabled && remind && !reminder.isRequested) {
			void reminder.get();
		}
		if (config().suggestions !== 'off' && !suggestions.isRequested && vscode.window.visibleTextEditors.some((e) => isSuggestable(e.document))) {
			void suggestions.get();
		}
	};
	const disposable = vscode.Disposable.from(
		reviews, session, statusBar, reminder, suggestions,
		vscode.window.onDidChangeVisibleTextEditors(wake),
		vscode.commands.registerCommand(Command.StartReview, async (lessonId?: unknown, quizId?: unknown) =>
			(await session.get()).start(typeof lessonId === 'string' && typeof quizId === 'string' ? { lessonId, quizId } : undefined)),
	);
	return {
		statusBar,
		settingsChanged: () => {
			reviews.changed();
			suggestions.current?.suggestions.settingsChanged();
			wake();
		},
		start: () => {
			void statusBar.update();
			wake();
		},
		dispose: () => { disposable.dispose(); },
	};
}
