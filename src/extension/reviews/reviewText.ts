import * as vscode from 'vscode';
import type { ReviewLabels } from '../../core/reviews/reviewHtml';

/** A due time in the display language: the time alone for today, else the date and time. */
export function formatDueTime(due: Date, now: Date = new Date()): string {
	const sameDay = due.toDateString() === now.toDateString();
	try {
		return new Intl.DateTimeFormat(vscode.env.language, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(due);
	} catch {
		return due.toLocaleString(); // an unknown display language tag
	}
}

/** The review pages' words in the display language. */
export function reviewLabels(): ReviewLabels {
	return {
		heading: vscode.l10n.t('Review'),
		fromLesson: vscode.l10n.t('From the lesson: {0}'),
		openLesson: vscode.l10n.t('Open the lesson'),
		next: vscode.l10n.t('Next review'),
		doneHeading: vscode.l10n.t('Nothing left to review'),
		doneCount: vscode.l10n.t('Reviews answered in this session: {0}.'),
		nextDue: vscode.l10n.t('The next review is due {0}.'),
		noneScheduled: vscode.l10n.t('Answer quizzes in the lessons to build your reviews.'),
	};
}
