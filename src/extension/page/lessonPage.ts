/**
 * What the lesson panel does with its page, loaded as a chunk (dist/lazy/, see esbuild.mjs) with the first page it
 * writes rather than at activation: building the page and reading its messages. The panel itself stays in the
 * entry (it restores a panel after a reload). This chunk is the only bundle holding webviewAssets, whose cache of
 * the page's script and stylesheet is read once per extension folder.
 */
import type * as vscode from 'vscode';
import { gradeAnswer } from '../../core/lessons/grade';
import type { Lesson } from '../../core/lessons/lesson';
import type { Progress } from '../../core/progress/progress';
import { ownEntry } from '../../core/shared/records';
import type { GradedAnswer, StoredAnswers } from '../../protocol';
import { renderLabels, webviewStrings } from './labels';
import { isOutdated, storedAttempts, summarize } from '../progress/lessonStatus';
import { webviewAssets } from './webviewAssets';
import { lessonDocument, reviewDoneDocument } from './webviewHtml';

export { errorDocument } from './webviewHtml';
export { handleWebviewMessage } from '../../core/page/messageRouting';

/**
 * Loads the parser and renderer chunks and the page's script and stylesheet ahead of the first lesson opened, so
 * that click does not wait for them. Loading twice costs nothing: each is read once.
 */
export function preparePage(extensionUri: vscode.Uri): void {
	void import('../../core/parserChunk');
	void import('../../core/page/render');
	void webviewAssets(extensionUri).catch(() => undefined);
}

/**
 * The page of `lesson`, with the answers `stored()` gives (asked once the renderer and assets are here, so they are
 * the latest): its quizzes are ready when its script runs, without a round trip.
 */
export async function lessonPageHtml(extensionUri: vscode.Uri, lesson: Lesson, stored: () => StoredAnswers, learner: LearnerProgress): Promise<string> {
	const [{ renderLesson }, assets] = await Promise.all([import('../../core/page/render'), webviewAssets(extensionUri)]);
	const answers = stored();
	const body = renderLesson(lesson, { labels: renderLabels(), learner: learner.learnerSeed(), attempts: shownAttempts(lesson, learner.get(), answers) });
	return lessonDocument(body, lesson.locale, lesson.meta.title, { lessonId: lesson.meta.id, strings: webviewStrings(), stored: answers }, assets);
}

/** What a page needs of the learner to show quizzes in their order (ProgressStore). */
export interface LearnerProgress {
	learnerSeed(): string;
	get(): Progress;
}

/**
 * Per quiz of `lesson`, the attempt its page shows (0 first): the one a shown stored answer was given in, so a reload
 * shows it in the order it was answered in, else the next one. Try again moves to the next in the page (data-attempt).
 */
export function shownAttempts(lesson: Lesson, progress: Progress, stored: StoredAnswers): Map<string, number> {
	const shown = new Set(stored.graded.map((g) => g.quizId));
	const attempts = new Map<string, number>();
	for (const quiz of lesson.quizzes) {
		const count = storedAttempts(progress, lesson.meta.id, quiz.id);
		attempts.set(quiz.id, shown.has(quiz.id) ? Math.max(count - 1, 0) : count);
	}
	return attempts;
}

/** The page of one review card: `bodyHtml` (core/reviewHtml) for a quiz of `lesson`, answered like a lesson's quizzes. */
export async function reviewPageHtml(extensionUri: vscode.Uri, lesson: Lesson, bodyHtml: string, title: string): Promise<string> {
	const assets = await webviewAssets(extensionUri);
	return lessonDocument(bodyHtml, lesson.locale, title, { lessonId: lesson.meta.id, strings: webviewStrings() }, assets);
}

/** The page after a review session's last card: `bodyHtml` (core/reviewHtml renderReviewDone), in the display language `lang`. */
export async function reviewDonePageHtml(extensionUri: vscode.Uri, bodyHtml: string, lang: string, title: string): Promise<string> {
	return reviewDoneDocument(bodyHtml, lang, title, await webviewAssets(extensionUri));
}

/**
 * What the page shows of the learner's answers to `lesson`. `onLessonPage` false (a review card): none, since
 * recalling the answer is the point.
 */
export function storedAnswers(lesson: Lesson, progress: Progress, passMark: number, onLessonPage: boolean): StoredAnswers {
	const stored = onLessonPage ? ownEntry(progress.lessons, lesson.meta.id) : undefined;
	const graded: GradedAnswer[] = [];
	for (const quiz of lesson.quizzes) {
		const entry = ownEntry(stored?.quizzes, quiz.id);
		const result = entry ? gradeAnswer(quiz, entry.answer) : undefined;
		if (entry && result) {
			graded.push({ quizId: quiz.id, answer: entry.answer, result });
		}
	}
	return { graded, summary: summarize(lesson, progress, passMark), outdated: onLessonPage && isOutdated(lesson, progress) };
}
