import * as vscode from 'vscode';
import type { Lesson } from '../../core/lessons/lesson';
import type { MessageEffects } from '../../core/page/messageRouting';
import type { ExerciseAction, GradedAnswer, ToWebview } from '../../protocol';
import type { Answers } from '../progress/answers';

/** What the lesson panel offers the effects of one message from its page. */
export interface PanelHost {
	readonly answers: Answers;
	readonly log: vscode.LogOutputChannel;
	/** The lesson shown now, if any (it may have changed since the message arrived). */
	shownLessonId(): string | undefined;
	/** Whether the panel shows review cards rather than a lesson. */
	isReviewing(): boolean;
	post(message: ToWebview): void;
	/** Sends the open lesson's stored answers, if they changed since its page was written. */
	restoreFromReady(): void;
	/** Tells the page of `lesson` that an answer was stored (with its new summary). */
	sendGraded(lesson: Lesson, graded: GradedAnswer): void;
	show(lessonId: string): Promise<boolean>;
	openNext(lessonId: string): Promise<void>;
	nextReview(lessonId: string): void;
	/** A button of one of `lesson`'s exercises (the exercises feature does the work). */
	exercise(lesson: Lesson, exerciseId: string, action: ExerciseAction): void;
}

/**
 * The effects a checked message from the page of `lesson` (the lesson open when it arrived) may have: the panel's
 * side of core/page/messageRouting.
 */
export function panelEffects(host: PanelHost, lesson: Lesson | undefined): MessageEffects {
	const { log } = host;
	return {
		restore: () => host.restoreFromReady(),
		record: async (quizId, answer, result, elapsedMs) => {
			if (lesson) {
				// An answer on a review card of this lesson counts as a review.
				const inReview = host.isReviewing() && host.shownLessonId() === lesson.meta.id;
				await host.answers.record(lesson, quizId, answer, result, { inReview, ...(elapsedMs !== undefined ? { elapsedMs } : {}) });
				// After the write, so what the page shows is what is stored.
				if (host.shownLessonId() === lesson.meta.id) {
					host.sendGraded(lesson, { quizId, answer, result });
				}
			}
		},
		reject: (quizId) => {
			if (lesson) {
				host.post({ type: 'rejected', lessonId: lesson.meta.id, quizId });
			}
		},
		confirmExternal: async (url) => {
			const open = vscode.l10n.t('Open');
			return await vscode.window.showWarningMessage(vscode.l10n.t('The lesson links to {0}. Open it?', url), { modal: true }, open) === open;
		},
		openExternal: async (url) => {
			await vscode.env.openExternal(vscode.Uri.parse(url, true));
		},
		openLesson: async (lessonId) => {
			if (!await host.show(lessonId)) {
				log.warn(`A lesson link points to "${lessonId}", which does not exist.`);
			}
		},
		nextLesson: () => lesson ? host.openNext(lesson.meta.id) : Promise.resolve(),
		nextReview: () => {
			if (lesson && host.isReviewing()) {
				host.nextReview(lesson.meta.id);
			}
			return Promise.resolve();
		},
		exercise: (exerciseId, action) => {
			if (lesson && !host.isReviewing()) {
				host.exercise(lesson, exerciseId, action);
			}
			return Promise.resolve();
		},
		logDropped: (reason, preview) => log.warn(`Dropped a message from the lesson webview (${reason}): ${preview}`),
		logFailure: (what, error) => log.error(`Could not handle a "${what}" message from the lesson webview: ${String(error)}`),
	};
}
