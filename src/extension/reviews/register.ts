import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import { LazyPart } from '../platform/lazyPart';
import { ReviewReminder } from './reviewReminder';
import { ReviewSession } from './reviewSession';
import { ReviewStatusBar } from './reviewStatusBar';
import type { Services } from '../services';

/** The review feature, registered: what the API and the settings listener reach. */
export interface Reviews extends vscode.Disposable {
	readonly statusBar: ReviewStatusBar;
	/** Call when `incidentLessons.reviews.*` changed. */
	settingsChanged(): void;
}

/**
 * Spaced-repetition reviews: the status bar count, Start Review (its session made on first use) and the daily
 * reminder, made only once the learner turns it on.
 */
export function registerReviews(services: Services): Reviews {
	const { context, library, progress, panel, config, log, clock, reviews } = services;
	const session = new LazyPart(() => Promise.resolve(new ReviewSession(panel, reviews, library, clock, log, progress)));
	const statusBar = new ReviewStatusBar(reviews);
	const reminder = new LazyPart(() => Promise.resolve(new ReviewReminder(context.globalState, reviews, config, clock)));
	const wake = (): void => {
		const { enabled, reminder: remind } = config().reviews;
		if (enabled && remind && !reminder.isRequested) {
			void reminder.get();
		}
	};
	const disposable = vscode.Disposable.from(
		session, statusBar, reminder,
		vscode.commands.registerCommand(Command.StartReview, async (lessonId?: unknown, quizId?: unknown) =>
			(await session.get()).start(typeof lessonId === 'string' && typeof quizId === 'string' ? { lessonId, quizId } : undefined)),
	);
	void statusBar.update();
	wake();
	return {
		statusBar,
		settingsChanged: () => {
			reviews.changed();
			wake();
		},
		dispose: () => { disposable.dispose(); },
	};
}
