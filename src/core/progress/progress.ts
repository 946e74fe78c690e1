/**
 * The learner's progress: a versioned, JSON-safe value and the pure functions that change and summarize it.
 * Records are null-prototype objects, so ids such as `__proto__` or `constructor` are plain keys; read them
 * with `Object.hasOwn`. The extension stores the value, split by lesson (./progressLayout); nothing here does I/O.
 */
import { lessonFromStored } from './compactRecords';
import { readExercises } from './exerciseProgress';
import type { Answer, QuizResult } from '../lessons/lesson';
import { CURRENT_PROGRESS_VERSION, upgradeProgress } from './migrations';
import { emptyReviews, readReviews } from '../reviews/reviewCards';
import type { LessonProgress, LessonStatus, QuizProgress, ReviewCard, ReviewCards } from './records';
import { createRecord, isRecord, isTime, ownEntry } from '../shared/records';
import { isId } from '../shared/text';

export type { ExerciseProgress, LessonProgress, LessonStatus, QuizProgress } from './records';

/** The version of {@link Progress} this release writes (older layouts are upgraded by ./migrations). */
export const PROGRESS_SCHEMA_VERSION = CURRENT_PROGRESS_VERSION;

/** Bounds on stored values: real ones are far smaller, and huge ones would only cost memory and time. */
const MAX_STORED_ANSWER = 32;
const MAX_STORED_HASH = 64;

/** All progress, keyed by lesson id, and the review cards of answered quizzes. */
export interface Progress {
	readonly schemaVersion: typeof PROGRESS_SCHEMA_VERSION;
	readonly lessons: Readonly<Record<string, LessonProgress>>;
	/** Spaced-repetition cards by lesson id, then quiz id (./reviewCards); added in version 2. */
	readonly reviews: ReviewCards;
}

/** One lesson's share of progress: its record and its review cards, each absent when there is none. */
export interface LessonParts {
	readonly lesson: LessonProgress | undefined;
	readonly cards: Readonly<Record<string, ReviewCard>> | undefined;
}

/** A null-prototype copy of `record`'s own entries. */
function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
	const copy = createRecord<T>();
	for (const key of Object.keys(record)) {
		const value = record[key];
		if (value !== undefined) {
			copy[key] = value;
		}
	}
	return copy;
}

/** Progress with no lessons. */
export function emptyProgress(): Progress {
	return { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons: createRecord<LessonProgress>(), reviews: emptyReviews() };
}

/**
 * Records a graded answer and returns new progress (the input is not changed). The quiz's previous answer is
 * replaced and its attempt count incremented. `contentHash` (the lesson's current one) is stored with the answer
 * and the lesson. Answers to the lesson's other quizzes are kept even when it differs, each with the hash it was
 * given under, so they stay marked as answers to an older version (see {@link outdatedQuizIds}).
 * `now` must be a valid date.
 */
export function recordAnswer(p: Progress, lessonId: string, contentHash: string, result: QuizResult, answer: Answer, now: Date): Progress {
	const time = now.toISOString();
	const previous = ownEntry(p.lessons, lessonId);
	const quizzes = copyRecord(previous?.quizzes ?? createRecord<QuizProgress>());
	// Records from before hashes were kept per answer carry the lesson's hash, or the new one would stand for them.
	const previousHash = previous?.contentHash;
	if (previousHash !== undefined && previousHash !== contentHash) {
		for (const [id, quiz] of Object.entries(quizzes)) {
			if (quiz.contentHash === undefined) {
				quizzes[id] = { ...quiz, contentHash: previousHash };
			}
		}
	}
	const attempts = (ownEntry(previous?.quizzes, result.quizId)?.attempts ?? 0) + 1;
	quizzes[result.quizId] = { correct: result.correct, answer: [...answer], attempts, answeredAt: time, contentHash };
	const lessons = copyRecord(p.lessons);
	lessons[lessonId] = { quizzes, ...(previous?.exercises ? { exercises: previous.exercises } : {}), contentHash, startedAt: previous?.startedAt ?? time, updatedAt: time };
	return { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons, reviews: p.reviews };
}

/** Returns new progress without any record of `lessonId`, its review cards included (the input is not changed). */
export function resetLesson(p: Progress, lessonId: string): Progress {
	return withLessons(p, new Map([[lessonId, { lesson: undefined, cards: undefined }]]));
}

/** The record and the cards `p` holds for `lessonId`. */
export function lessonParts(p: Progress, lessonId: string): LessonParts {
	return { lesson: ownEntry(p.lessons, lessonId), cards: ownEntry(p.reviews, lessonId) };
}

/**
 * Returns new progress with each lesson in `changes` set to the given parts (an absent part is removed); the input
 * is not changed. One copy of the two top-level records however many lessons change: loading many stored
 * lessons at once stays linear.
 */
export function withLessons(p: Progress, changes: ReadonlyMap<string, LessonParts>): Progress {
	const lessons = copyRecord(p.lessons);
	const reviews = copyRecord(p.reviews);
	for (const [id, { lesson, cards }] of changes) {
		if (lesson) {
			lessons[id] = lesson;
		} else {
			delete lessons[id];
		}
		if (cards) {
			reviews[id] = cards;
		} else {
			delete reviews[id];
		}
	}
	return { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons, reviews };
}

/** Does `p` hold any lesson? Without listing them all. */
export function hasLessons(p: Progress): boolean {
	for (const id in p.lessons) {
		if (Object.hasOwn(p.lessons, id)) {
			return true;
		}
	}
	return false;
}

/**
 * Where a learner stands in a lesson whose quizzes are `quizIds` and exercises `exerciseIds`: an exercise counts as
 * one question, answered once checked and right once passed. Only those ids count.
 * `score` is the share of questions answered correctly (0..100, rounded). The lesson is `passed` when every quiz is
 * answered and the exact share reaches `passMark` (0..100), `failed` when every quiz is answered but it does
 * not, `inProgress` when some are answered and `notStarted` when none are (also for a lesson with no quizzes).
 */
export function lessonStatus(quizIds: readonly string[], lp: LessonProgress | undefined, passMark: number, exerciseIds: readonly string[] = []): { status: LessonStatus; answered: number; total: number; correct: number; score: number } {
	const ids = [...new Set(quizIds)];
	const exercises = [...new Set(exerciseIds)];
	const total = ids.length + exercises.length;
	let answered = 0;
	let correct = 0;
	for (const id of ids) {
		const quiz = ownEntry(lp?.quizzes, id);
		if (quiz) {
			answered++;
			correct += quiz.correct ? 1 : 0;
		}
	}
	for (const id of exercises) {
		const exercise = ownEntry(lp?.exercises, id);
		if (exercise && exercise.attempts > 0) {
			answered++;
			correct += exercise.passed ? 1 : 0;
		}
	}
	const score = total === 0 ? 0 : Math.round((correct / total) * 100);
	let status: LessonStatus;
	if (answered === 0) {
		status = 'notStarted';
	} else if (answered < total) {
		status = 'inProgress';
	} else {
		status = correct * 100 >= Math.min(Math.max(passMark, 0), 100) * total ? 'passed' : 'failed';
	}
	return { status, answered, total, correct, score };
}

/**
 * The quizzes among `quizIds` whose stored answer was given to another version of the lesson than the one with
 * `contentHash`: kept and counted, but to be marked, not shown as if it answered today's quiz.
 */
export function outdatedQuizIds(quizIds: readonly string[], contentHash: string, lp: LessonProgress | undefined): string[] {
	return quizIds.filter((id) => {
		const quiz = ownEntry(lp?.quizzes, id);
		const hash = quiz?.contentHash ?? lp?.contentHash;
		return quiz !== undefined && hash !== undefined && hash !== contentHash;
	});
}

function isHash(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_STORED_HASH;
}

function readQuiz(value: unknown): QuizProgress | undefined {
	if (!isRecord(value)) {
		return undefined;
	}
	const { correct, answer, attempts, answeredAt, contentHash } = value;
	const isAnswer = Array.isArray(answer) && answer.length <= MAX_STORED_ANSWER
		&& answer.every((i) => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < MAX_STORED_ANSWER);
	if (typeof correct !== 'boolean' || !isAnswer || typeof attempts !== 'number' || !Number.isSafeInteger(attempts) || attempts < 1 || !isTime(answeredAt)) {
		return undefined;
	}
	// A damaged per-answer hash falls back to the lesson's: the answer itself is still good.
	return { correct, answer: answer.map(Number), attempts, answeredAt, ...(isHash(contentHash) ? { contentHash } : {}) };
}

/**
 * One stored lesson record (compact or in object form, see ./compactRecords), checked field by field: invalid answers
 * are dropped and missing times repaired, each with a problem.
 */
export function readLesson(id: string, stored: unknown, problems: string[]): LessonProgress | undefined {
	const value = lessonFromStored(stored);
	if (!isRecord(value) || !isRecord(value.quizzes)) {
		problems.push(`dropped the progress of lesson "${id}": it is not a lesson record`);
		return undefined;
	}
	const quizzes = createRecord<QuizProgress>();
	const times: string[] = [];
	for (const [quizId, raw] of Object.entries(value.quizzes)) {
		const quiz = isId(quizId) ? readQuiz(raw) : undefined;
		if (quiz) {
			quizzes[quizId] = quiz;
			times.push(quiz.answeredAt);
		} else {
			problems.push(`dropped the answer to quiz "${quizId}" of lesson "${id}": it is not a valid answer record`);
		}
	}
	times.sort((a, b) => Date.parse(a) - Date.parse(b));
	const { contentHash, startedAt, updatedAt } = value;
	const exercises = readExercises(id, value.exercises, problems);
	if (contentHash !== undefined && !isHash(contentHash)) {
		problems.push(`ignored the content hash of lesson "${id}": it is not a short string`);
	}
	if (!isTime(startedAt) || !isTime(updatedAt)) {
		problems.push(`repaired the start or update time of lesson "${id}"`);
	}
	const fallback = new Date(0).toISOString();
	return {
		quizzes,
		...(exercises ? { exercises } : {}),
		...(isHash(contentHash) ? { contentHash } : {}),
		startedAt: isTime(startedAt) ? startedAt : times[0] ?? fallback,
		updatedAt: isTime(updatedAt) ? updatedAt : times[times.length - 1] ?? fallback,
	};
}

/**
 * Reads stored progress of any age or state without throwing. `undefined` (nothing stored) gives empty progress
 * and no problems. Data that is not progress gives empty progress and a problem. Otherwise every valid lesson and
 * quiz record is kept and each invalid one is dropped with a problem (missing times are repaired). Older layouts
 * are upgraded step by step (./migrations). Progress from a newer schema version is read as far as possible with
 * `readOnly: true`: the caller must not overwrite it. `problems` are log messages.
 */
export function migrateProgress(raw: unknown): { progress: Progress; problems: string[]; readOnly: boolean } {
	if (raw === undefined) {
		return { progress: emptyProgress(), problems: [], readOnly: false };
	}
	const problems: string[] = [];
	if (!isRecord(raw)) {
		problems.push(`stored progress is not an object (${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw}); starting with empty progress`);
		return { progress: emptyProgress(), problems, readOnly: false };
	}
	const { lessons: found, reviews, readOnly } = upgradeProgress(raw, problems);
	if (!isRecord(found)) {
		problems.push('stored progress has no readable "lessons"; starting with empty progress');
		return { progress: emptyProgress(), problems, readOnly };
	}
	const lessons = createRecord<LessonProgress>();
	for (const [id, value] of Object.entries(found)) {
		const lesson = isId(id) ? readLesson(id, value, problems) : undefined;
		if (lesson) {
			lessons[id] = lesson;
		} else if (!isId(id)) {
			problems.push(`dropped the progress stored under "${id}": it is not a lesson id`);
		}
	}
	return { progress: { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons, reviews: readReviews(reviews, isId, problems) }, problems, readOnly };
}
