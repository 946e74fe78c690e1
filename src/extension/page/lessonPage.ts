/**
 * What the lesson panel does with its page: building the page (the renderer is a chunk, loaded with the first page
 * or ahead of it, see preparePage) and reading its messages.
 */
import * as vscode from 'vscode';
import { gradeAnswer } from '../../core/lessons/grade';
import type { Lesson } from '../../core/lessons/lesson';
import type { Progress } from '../../core/progress/progress';
import { ownEntry } from '../../core/shared/records';
import { exerciseView } from '../../core/page/exerciseView';
import type { GradedAnswer, PageConfig, StoredAnswers } from '../../protocol';
import { renderLabels, webviewStrings } from './labels';
import { isOutdated, storedAttempts, summarize } from '../progress/lessonStatus';
import { webviewAssets, type WebviewAssets } from './webviewAssets';
import { lessonDocument, reviewDoneDocument } from './webviewHtml';
import { host, nextTurn } from '../platform/host';

export { errorDocument } from './webviewHtml';
export { handleWebviewMessage } from '../../core/page/messageRouting';

/** The page's script and stylesheet, read from the extension's folder by the host (fs on Node, `workspace.fs` in the browser). */
function pageAssets(extensionUri: vscode.Uri): Promise<WebviewAssets> {
	return webviewAssets(extensionUri, async (...segments) => new TextDecoder().decode(await host().readExtensionFile(vscode.Uri.joinPath(extensionUri, ...segments))));
}

/**
 * Loads the renderer chunk and the page's script and stylesheet ahead of the first lesson opened, so that click
 * does not wait for them, then renders `sample` once, unseen. A renderer's first page costs several times a later one
 * (its code is compiled as it first runs), and that first render is what delays the panel itself: VS Code is only
 * told to make the panel once the extension host is free. Called once.
 */
export function preparePage(extensionUri: vscode.Uri, sample: Promise<Lesson | undefined>): void {
	void pageAssets(extensionUri).catch(() => undefined);
	void Promise.all([host().chunk('render'), sample]).then(async ([{ renderLesson }, lesson]) => {
		if (lesson) {
			await nextTurn();
			renderLesson(lesson, { labels: renderLabels() });
		}
	}).catch(() => undefined);
}

/**
 * The page of `lesson`, with the answers `stored()` gives (asked once the renderer and assets are here, so they are
 * the latest): its quizzes are ready when its script runs, without a round trip.
 */
export async function lessonPageHtml(extensionUri: vscode.Uri, lesson: Lesson, stored: () => StoredAnswers, learner: LearnerProgress): Promise<string> {
	const [{ bodyHtml, config }, assets] = await Promise.all([lessonPageParts(lesson, stored, learner), pageAssets(extensionUri)]);
	return lessonDocument(bodyHtml, lesson.locale, lesson.meta.title, config, assets);
}

/** What a lesson page holds: the rendered lesson and the data its script starts from (see lessonPageHtml). */
export async function lessonPageParts(lesson: Lesson, stored: () => StoredAnswers, learner: LearnerProgress): Promise<{ bodyHtml: string; config: PageConfig }> {
	const { renderLesson } = await host().chunk('render');
	const answers = stored();
	const bodyHtml = renderLesson(lesson, { labels: renderLabels(), learner: learner.learnerSeed(), attempts: shownAttempts(lesson, learner.get(), answers) });
	return { bodyHtml, config: { lessonId: lesson.meta.id, strings: webviewStrings(), stored: answers } };
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
	const assets = await pageAssets(extensionUri);
	return lessonDocument(bodyHtml, lesson.locale, title, { lessonId: lesson.meta.id, strings: webviewStrings() }, assets);
}

/** The page after a review session's last card: `bodyHtml` (core/reviewHtml renderReviewDone), in the display language `lang`. */
export async function reviewDonePageHtml(extensionUri: vscode.Uri, bodyHtml: string, lang: string, title: string): Promise<string> {
	return reviewDoneDocument(bodyHtml, lang, title, await pageAssets(extensionUri));
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
	const exercises = lesson.exercises.map((e) => exerciseView(e, ownEntry(stored?.exercises, e.id)));
	return { graded, summary: summarize(lesson, progress, passMark), outdated: onLessonPage && isOutdated(lesson, progress), exercises };
}
