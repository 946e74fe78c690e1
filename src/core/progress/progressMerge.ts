/**
 * Adding answers to progress without losing any: those one window stored in its workspace copy but never got into
 * the shared copy (the window closed or crashed before its coalesced shared write) while another window changed the
 * same lesson there, and whole progress from elsewhere (an imported file, a workspace's progress kept before it
 * followed the learner). Pure.
 */
import { lessonParts, withLessons, type ExerciseProgress, type LessonParts, type Progress, type QuizProgress } from './progress';
import { createRecord, ownEntry } from '../shared/records';
import type { ReviewCard } from '../reviews/reviewCards';

/**
 * Adds to `theirs` (the shared copy's parts of a lesson) the answers of `ours` given at or after `since` (ms): the
 * ones the shared copy never received. An answer is taken, with its review card, unless `theirs` holds a later
 * answer to the same quiz, or another window reset the lesson since: no record there, or one restarted after the
 * answer (a lesson ours had started before `since` whose `startedAt` there is another). What another window did
 * later wins, as it would have had the write not been late. `took` tells whether anything of ours was taken.
 */
export function addUnsharedAnswers(ours: LessonParts, theirs: LessonParts, since: number): { parts: LessonParts; took: boolean } {
	const mine = ours.lesson;
	const other = theirs.lesson;
	if (mine === undefined || other === undefined) {
		return { parts: theirs, took: false };
	}
	const restarted = Date.parse(mine.startedAt) < since && other.startedAt !== mine.startedAt;
	const floor = restarted ? Math.max(since, Date.parse(other.startedAt)) : since;
	const quizzes = createRecord<QuizProgress>();
	Object.assign(quizzes, other.quizzes);
	const cards = createRecord<ReviewCard>();
	Object.assign(cards, theirs.cards ?? {});
	let updatedAt = other.updatedAt;
	let contentHash = other.contentHash;
	let took = false;
	for (const [quizId, quiz] of Object.entries(mine.quizzes)) {
		const at = Date.parse(quiz.answeredAt);
		const their = ownEntry(other.quizzes, quizId);
		if (at < floor || (their !== undefined && Date.parse(their.answeredAt) >= at)) {
			continue;
		}
		quizzes[quizId] = { ...quiz, attempts: Math.max(quiz.attempts, their?.attempts ?? 0) };
		const card = ownEntry(ours.cards, quizId);
		if (card !== undefined) {
			cards[quizId] = card;
		}
		if (at > Date.parse(updatedAt)) {
			updatedAt = quiz.answeredAt;
			contentHash = quiz.contentHash ?? mine.contentHash;
		}
		took = true;
	}
	const exercises = createRecord<ExerciseProgress>();
	Object.assign(exercises, other.exercises ?? {});
	for (const [exerciseId, exercise] of Object.entries(mine.exercises ?? {})) {
		const at = exercise.checkedAt === undefined ? Number.NaN : Date.parse(exercise.checkedAt);
		const their = ownEntry(other.exercises, exerciseId);
		if (!(at >= floor) || (their?.checkedAt !== undefined && Date.parse(their.checkedAt) >= at)) {
			continue;
		}
		exercises[exerciseId] = { ...exercise, attempts: Math.max(exercise.attempts, their?.attempts ?? 0) };
		took = true;
	}
	if (!took) {
		return { parts: theirs, took };
	}
	const lesson = { quizzes, ...(Object.keys(exercises).length > 0 ? { exercises } : {}), ...(contentHash !== undefined ? { contentHash } : {}), startedAt: other.startedAt, updatedAt };
	return { parts: { lesson, cards: Object.keys(cards).length > 0 ? cards : undefined }, took };
}

/** What a merge added: lessons changed, answers, exercise records and review cards taken. */
export interface MergeCounts {
	readonly lessons: number;
	readonly answers: number;
	readonly exercises: number;
	readonly cards: number;
}

/** How many entries of `merged` are not the very entries of `before` (a merge hands on the ones it keeps unchanged). */
function changedEntries<T>(merged: Readonly<Record<string, T>> | undefined, before: Readonly<Record<string, T>> | undefined): number {
	return Object.keys(merged ?? {}).filter((id) => ownEntry(before, id) !== ownEntry(merged, id)).length;
}

/**
 * `current` with everything of `incoming` it lacks or holds an older version of: a lesson it has no record of is
 * taken whole; otherwise every answer (with its card) and exercise check later than its own, as
 * {@link addUnsharedAnswers} adds a window's answers. Never drops or replaces a later answer of `current`, so
 * merging twice adds nothing the second time. `lessonIds` are the lessons that changed.
 */
export function mergeProgress(current: Progress, incoming: Progress): { progress: Progress; counts: MergeCounts; lessonIds: string[] } {
	const changes = new Map<string, LessonParts>();
	let answers = 0;
	let exercises = 0;
	let cards = 0;
	for (const lessonId of Object.keys(incoming.lessons)) {
		const theirs = lessonParts(current, lessonId);
		const ours = lessonParts(incoming, lessonId);
		const parts = theirs.lesson === undefined ? ours : addUnsharedAnswers(ours, theirs, Number.NEGATIVE_INFINITY).parts;
		const added = [
			changedEntries(parts.lesson?.quizzes, theirs.lesson?.quizzes),
			changedEntries(parts.lesson?.exercises, theirs.lesson?.exercises),
			changedEntries(parts.cards, theirs.cards),
		] as const;
		if (added.some((n) => n > 0)) {
			changes.set(lessonId, parts);
			answers += added[0];
			exercises += added[1];
			cards += added[2];
		}
	}
	const progress = changes.size > 0 ? withLessons(current, changes) : current;
	return { progress, counts: { lessons: changes.size, answers, exercises, cards }, lessonIds: [...changes.keys()] };
}
