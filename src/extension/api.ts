import type { Answer, QuizResult } from '../core/lesson';
import type { Progress } from '../core/progress';
import type { LessonSummary } from '../protocol';

/**
 * What `activate` returns. Used by the extension-host tests (and open to other extensions); every method
 * goes through the same code as the UI.
 */
export interface IncidentLessonsApi {
	/** Lessons in catalog order, with the learner's status. */
	listLessons(): Promise<{ readonly id: string; readonly title: string; readonly track: string; readonly quizIds: readonly string[]; readonly summary: LessonSummary }[]>;
	/** Grades and stores an answer, as a click in the lesson panel does. Undefined when the quiz or answer is invalid. */
	answer(lessonId: string, quizId: string, answer: Answer): Promise<QuizResult | undefined>;
	/** The stored progress (as read back from workspaceState). */
	getProgress(): Progress;
	/** The raw value in workspaceState, bypassing every cache (tests check what was really persisted). */
	readStoredProgress(): unknown;
	/** The lesson open in the panel, if any. */
	currentLessonId(): string | undefined;
	/** The status-bar text, e.g. "$(mortar-board) Lessons 3/12". */
	statusBarText(): string;
}
