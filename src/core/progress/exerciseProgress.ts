/**
 * The learner's record of one exercise (a fix-the-code task checked without running code): how the latest check
 * went, how often they checked, how much help they took. Stored in the lesson's record beside its quiz answers,
 * in object form (there are at most four per lesson). Pure.
 */
import type { ExerciseProgress, LessonProgress } from './records';
import { createRecord, isRecord, isTime, ownEntry } from '../shared/records';
import { isId } from '../shared/text';

/** Bounds on stored values: a real exercise has at most 20 checks and a handful of hints. */
const MAX_FAILED_CHECKS = 20;
const MAX_STORED_HASH = 64;
const MAX_COUNT = 1_000_000;

/** What happened to an exercise: a check with its failing check ids, a hint shown, or the solution shown. */
export type ExerciseEvent =
	| { readonly kind: 'check'; readonly failedChecks: readonly string[] }
	| { readonly kind: 'hint' }
	| { readonly kind: 'solution' };

/** An exercise's record after `event`; `previous` is its record so far (undefined: none yet). */
export function nextExerciseRecord(previous: ExerciseProgress | undefined, event: ExerciseEvent, contentHash: string, time: string): ExerciseProgress {
	const base: ExerciseProgress = previous ?? { passed: false, attempts: 0, failedChecks: [], hintsUsed: 0, solutionShown: false, contentHash };
	switch (event.kind) {
		case 'check':
			// A pass stays a pass: checking again after passing (e.g. after Reset) is practice, not a new verdict.
			return {
				...base, passed: base.passed || event.failedChecks.length === 0, attempts: base.attempts + 1,
				failedChecks: event.failedChecks.slice(0, MAX_FAILED_CHECKS), checkedAt: time, contentHash,
			};
		case 'hint':
			return { ...base, hintsUsed: base.hintsUsed + 1 };
		case 'solution':
			return { ...base, solutionShown: true };
	}
}

/** `lesson` (undefined: no record yet) with `exerciseId`'s record changed by `event`. */
export function withExerciseEvent(lesson: LessonProgress | undefined, exerciseId: string, event: ExerciseEvent, contentHash: string, now: Date): LessonProgress {
	const time = now.toISOString();
	const exercises = createRecord<ExerciseProgress>();
	Object.assign(exercises, lesson?.exercises ?? {});
	exercises[exerciseId] = nextExerciseRecord(ownEntry(lesson?.exercises, exerciseId), event, contentHash, time);
	return {
		quizzes: lesson?.quizzes ?? createRecord(),
		exercises,
		...(lesson?.contentHash !== undefined ? { contentHash: lesson.contentHash } : {}),
		startedAt: lesson?.startedAt ?? time,
		updatedAt: time,
	};
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_COUNT;
}

function readExercise(value: unknown): ExerciseProgress | undefined {
	if (!isRecord(value)) {
		return undefined;
	}
	const { passed, attempts, failedChecks, hintsUsed, solutionShown, checkedAt, contentHash } = value;
	if (typeof passed !== 'boolean' || !isCount(attempts) || !isCount(hintsUsed) || typeof solutionShown !== 'boolean'
		|| !Array.isArray(failedChecks) || failedChecks.length > MAX_FAILED_CHECKS || !failedChecks.every((id) => typeof id === 'string' && isId(id))
		|| (checkedAt !== undefined && !isTime(checkedAt)) || typeof contentHash !== 'string' || contentHash.length > MAX_STORED_HASH) {
		return undefined;
	}
	return { passed, attempts, failedChecks: [...failedChecks as string[]], hintsUsed, solutionShown, ...(checkedAt !== undefined ? { checkedAt } : {}), contentHash };
}

/**
 * A lesson record's stored `exercises`, checked: each invalid record is dropped with a problem. Undefined when there
 * are none (records written before exercises existed have no such key).
 */
export function readExercises(lessonId: string, stored: unknown, problems: string[]): Record<string, ExerciseProgress> | undefined {
	if (stored === undefined) {
		return undefined;
	}
	if (!isRecord(stored)) {
		problems.push(`dropped the exercises of lesson "${lessonId}": they are not a record`);
		return undefined;
	}
	const exercises = createRecord<ExerciseProgress>();
	for (const [id, raw] of Object.entries(stored)) {
		const exercise = isId(id) ? readExercise(raw) : undefined;
		if (exercise) {
			exercises[id] = exercise;
		} else {
			problems.push(`dropped the record of exercise "${id}" of lesson "${lessonId}": it is not a valid exercise record`);
		}
	}
	return exercises;
}
