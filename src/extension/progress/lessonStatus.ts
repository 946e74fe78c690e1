import type { Lesson } from '../../core/lessons/lesson';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import { lessonStatus, outdatedQuizIds, type Progress } from '../../core/progress/progress';
import { ownEntry } from '../../core/shared/records';
import type { LessonSummary } from '../../protocol';

/** The quiz ids of a list entry or a parsed lesson. */
function quizIdsOf(lesson: LessonEntry | Lesson): readonly string[] {
	return 'quizIds' in lesson ? lesson.quizIds : lesson.quizzes.map((q) => q.id);
}

/** The exercise ids of a list entry or a parsed lesson. */
export function exerciseIdsOf(lesson: LessonEntry | Lesson): readonly string[] {
	return 'quizIds' in lesson ? lesson.exerciseIds ?? [] : lesson.exercises.map((e) => e.id);
}

/** Where the learner stands in `lesson`, from stored progress and the pass mark. */
export function summarize(lesson: LessonEntry | Lesson, progress: Progress, passMark: number): LessonSummary {
	return { ...lessonStatus(quizIdsOf(lesson), ownEntry(progress.lessons, lesson.meta.id), passMark, exerciseIdsOf(lesson)), passMark };
}

/**
 * Where the learner stands in lessons as stored now: progress and the pass mark are read once, so every lesson of
 * a list is judged against the same snapshot.
 */
export function summarizer(progress: { get(): Progress }, config: () => { readonly passMark: number }): (lesson: LessonEntry | Lesson) => LessonSummary {
	const now = progress.get();
	const { passMark } = config();
	return (lesson) => summarize(lesson, now, passMark);
}

/** True when some of the learner's answers were given to an earlier version of the lesson's quizzes. */
export function isOutdated(lesson: Lesson, progress: Progress): boolean {
	return outdatedQuizIds(lesson.quizzes.map((q) => q.id), lesson.contentHash, ownEntry(progress.lessons, lesson.meta.id)).length > 0;
}

/** How many answers the learner gave to one quiz (0 when none): the attempt a fresh showing of it is. */
export function storedAttempts(progress: Progress, lessonId: string, quizId: string): number {
	return ownEntry(ownEntry(progress.lessons, lessonId)?.quizzes, quizId)?.attempts ?? 0;
}
