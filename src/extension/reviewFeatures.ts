import * as vscode from 'vscode';
import { Clock } from './clock';
import { Command } from './commands';
import type { ExtensionConfig } from './config';
import type { LessonLibrary } from './lessonLibrary';
import type { LessonPanel } from './lessonPanel';
import { LessonSuggestions } from './lessonSuggestions';
import type { ProgressStore } from './progressStore';
import { ReviewReminder } from './reviewReminder';
import { ReviewService } from './reviews';
import { ReviewSession } from './reviewSession';
import { ReviewStatusBar } from './reviewStatusBar';
import { registerSuggestionProviders } from './suggestionProviders';
import type { TrustGate } from './trustGate';

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
	readonly session: ReviewSession;
	readonly statusBar: ReviewStatusBar;
	readonly suggestions: LessonSuggestions;
	/** Call when `incidentLessons.reviews.*` or `incidentLessons.suggestions.*` changed. */
	settingsChanged(): void;
	/** Work that may wait until after activation: the status bar count. */
	start(): void;
}

/** The clock and the review schedule, made first: the lesson panel needs the schedule for every answer. */
export function createReviewService(library: LessonLibrary, progress: ProgressStore, config: () => ExtensionConfig): { clock: Clock; reviews: ReviewService } {
	const clock = new Clock();
	return { clock, reviews: new ReviewService(library, progress, config, clock) };
}

/**
 * Spaced-repetition reviews (session, status bar, reminder, Start Review) and lessons suggested by the code in the
 * editor (CodeLens, hint, hover), owned by one disposable.
 */
export function createReviewFeatures(deps: ReviewDeps, panel: LessonPanel): ReviewFeatures {
	const { library, config, log, trust, clock, reviews } = deps;
	const session = new ReviewSession(panel, reviews, library, clock, log);
	const statusBar = new ReviewStatusBar(reviews);
	const reminder = new ReviewReminder(deps.context.globalState, reviews, config, clock);
	const suggestions = new LessonSuggestions(library, trust, config, log);
	const providers = registerSuggestionProviders(suggestions, config);
	const disposable = vscode.Disposable.from(
		clock, reviews, session, statusBar, reminder, suggestions, providers,
		vscode.commands.registerCommand(Command.StartReview, (lessonId?: unknown, quizId?: unknown) =>
			session.start(typeof lessonId === 'string' && typeof quizId === 'string' ? { lessonId, quizId } : undefined)),
	);
	return {
		session, statusBar, suggestions,
		settingsChanged: () => {
			reviews.changed();
			suggestions.settingsChanged();
		},
		start: () => void statusBar.update(),
		dispose: () => { disposable.dispose(); },
	};
}
