import type { Answer, QuizResult } from '../core/lessons/lesson';
import type { Progress } from '../core/progress/progress';
import type { ReviewQueue } from '../core/reviews/reviewQueue';
import type { LessonSummary } from '../protocol';
import type { TestingHooks } from './testingHooks';
import type { TreeSnapshotNode } from './tree/treeSnapshot';

/**
 * What `activate` returns. Used by the extension-host tests (and open to other extensions); every method
 * goes through the same code as the UI.
 */
export interface IncidentLessonsApi {
	/** Lessons in catalog order, with the learner's status (`outdated`: some answers were given to an older version of its quizzes). */
	listLessons(): Promise<{ readonly id: string; readonly title: string; readonly track: string; readonly quizIds: readonly string[]; readonly summary: LessonSummary; readonly origin: 'bundled' | 'workspace'; readonly outdated: boolean }[]>;
	/** Grades and stores an answer, as a click in the lesson panel does. Undefined when the quiz or answer is invalid. */
	answer(lessonId: string, quizId: string, answer: Answer): Promise<QuizResult | undefined>;
	/** The learner's progress, as stored. */
	getProgress(): Progress;
	/**
	 * The raw stored value (the copy every window shares), bypassing every cache: what was really persisted. Resolves
	 * after the answers waiting for that copy are written.
	 */
	readStoredProgress(): Promise<unknown>;
	/** The lesson open in the panel, if any. */
	currentLessonId(): string | undefined;
	/** The status-bar text, e.g. "$(mortar-board) Lessons 3/12". */
	statusBarText(): string;
	/** The assigned-lessons status-bar text, e.g. "$(checklist) Assigned 2/5 · due Fri"; '' while it is hidden. */
	assignedStatusBarText(): string;
	/** The learner's assigned lessons by due date, as the Assigned group lists them. */
	assignedLessons(): Promise<{ readonly lessonId: string; readonly due: string; readonly audience?: string; readonly note?: string }[]>;
	/** The Lessons view's items, top level first, with their children. */
	treeSnapshot(): Promise<TreeSnapshotNode[]>;
	/**
	 * Behave as in an untrusted workspace (true) or as the workspace really is (false). It can only take trust away:
	 * for checking Restricted Mode where the host runs with Workspace Trust disabled.
	 */
	simulateRestrictedMode(on: boolean): void;
	/** What the Reviews group lists: the quizzes to review now (due cards, then new ones up to the daily limit). */
	reviewQueue(): Promise<ReviewQueue>;
	/** The reviews status-bar text, e.g. "$(history) 3"; '' while it is hidden (nothing due, or reviews off). */
	reviewStatusBarText(): string;
	/** Only in development and test mode: hooks for the extension's own tests (see testingHooks.ts). */
	readonly testing?: TestingHooks;
}
