import type { Answer, QuizResult } from '../core/lessons/lesson';
import type { Progress } from '../core/progress/progress';
import type { ReviewQueue } from '../core/reviews/reviewQueue';
import type { LessonSummary } from '../protocol';

/** What `activate` returns to other extensions; every method goes through the same code as the UI. */
export interface IncidentLessonsApi {
	/** Lessons in catalog order, with the learner's status (`outdated`: some answers were given to an older version of its quizzes). */
	listLessons(): Promise<{ readonly id: string; readonly title: string; readonly track: string; readonly quizIds: readonly string[]; readonly summary: LessonSummary; readonly origin: 'bundled' | 'workspace'; readonly outdated: boolean }[]>;
	/** Grades and stores an answer, as a click in the lesson panel does. Undefined when the quiz or answer is invalid. */
	answer(lessonId: string, quizId: string, answer: Answer): Promise<QuizResult | undefined>;
	/** The learner's progress, as stored. */
	getProgress(): Progress;
	/** The lesson open in the panel, if any. */
	currentLessonId(): string | undefined;
	/** The learner's assigned lessons by due date, as the Assigned group lists them. */
	assignedLessons(): Promise<{ readonly lessonId: string; readonly due: string; readonly audience?: string; readonly note?: string }[]>;
	/** What the Reviews group lists: the quizzes to review now (due cards, then new ones up to the daily limit). */
	reviewQueue(): Promise<ReviewQueue>;
}
