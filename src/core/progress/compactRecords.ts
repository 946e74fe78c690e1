/**
 * How answers and review cards are stored since schema version 4. VS Code sends the extension's whole stored state
 * to the workbench on every memento update, so every stored byte is paid again with each answer. An answer and a
 * card are stored as an array of their fields, in the order their types declare them (`QuizProgress`, `ReviewCard`);
 * times as milliseconds since 1970 (UTC); and an answer's content hash only where it is not its lesson's.
 *
 * Reading also takes the object form with ISO 8601 times that versions 1 to 3 stored (so they need no conversion)
 * and hands every record on in that form, unchecked: ./progress and ../reviews/reviewCards check it field by field, with the
 * same log messages for the same damage. Pure.
 */
import type { CardState, ExerciseProgress, LessonProgress, QuizProgress, ReviewCard, ReviewRating } from './records';
import { isRecord } from '../shared/records';

/**
 * An answer: correct, answer, attempts, answeredAt. A fifth field is its own content hash, present only when it is
 * not the lesson's; `null` there means it has none (recorded before hashes were kept per answer).
 */
export type StoredQuiz = readonly [correct: boolean, answer: readonly number[], attempts: number, answeredAt: number, contentHash?: string | null];

/** A lesson record: its keys as in `LessonProgress`, its times as milliseconds. */
export interface StoredLesson {
	readonly quizzes: Readonly<Record<string, StoredQuiz>>;
	/** Exercise records in object form (../progress/exerciseProgress): at most four a lesson, so not worth packing. */
	readonly exercises?: Readonly<Record<string, ExerciseProgress>>;
	readonly contentHash?: string;
	readonly startedAt: number;
	readonly updatedAt: number;
}

/** A card: the fields of `ReviewCard` in order, times as milliseconds, `null` for an absent last review or rating. */
export type StoredCard = readonly [
	due: number, stability: number, difficulty: number, scheduledDays: number, learningSteps: number, reps: number, lapses: number,
	state: CardState, lastReview: number | null, lastRating: ReviewRating | null, createdAt: number, quizHash: string,
];

const QUIZ_FIELDS = ['correct', 'answer', 'attempts', 'answeredAt'] as const;
const CARD_FIELDS = ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'lastRating', 'createdAt', 'quizHash'] as const;
const TIME_FIELDS: ReadonlySet<string> = new Set(['answeredAt', 'due', 'lastReview', 'createdAt']);
/** The range of a JavaScript date, in milliseconds either side of 1970. */
const MAX_TIME = 8.64e15;

/** A null-prototype record of `record`'s entries, each passed through `f`. */
export function mapRecord<T, U>(record: Readonly<Record<string, T>>, f: (value: T) => U): Record<string, U> {
	const mapped = Object.create(null) as Record<string, U>;
	for (const [key, value] of Object.entries(record)) {
		mapped[key] = f(value);
	}
	return mapped;
}

/** A stored time as ISO 8601; anything that is not a time in milliseconds (an ISO string, garbage) as it is. */
function timeFromStored(value: unknown): unknown {
	return Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_TIME ? new Date(value as number).toISOString() : value;
}

/** The object with `fields` named from the array `stored`, times as ISO 8601 and `null` as absent. */
function fieldsFromStored(stored: readonly unknown[], fields: readonly string[]): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	fields.forEach((field, i) => {
		const value = stored[i] ?? undefined;
		record[field] = TIME_FIELDS.has(field) ? timeFromStored(value) : value;
	});
	return record;
}

function storedQuiz(quiz: QuizProgress, lessonHash: string | undefined): StoredQuiz {
	const fields = [quiz.correct, quiz.answer, quiz.attempts, Date.parse(quiz.answeredAt)] as const;
	return quiz.contentHash === lessonHash ? fields : [...fields, quiz.contentHash ?? null];
}

/** `lesson` as stored. */
export function storedLesson(lesson: LessonProgress): StoredLesson {
	const { contentHash, exercises } = lesson;
	return {
		quizzes: mapRecord(lesson.quizzes, (quiz) => storedQuiz(quiz, contentHash)),
		...(exercises !== undefined ? { exercises } : {}),
		...(contentHash !== undefined ? { contentHash } : {}),
		startedAt: Date.parse(lesson.startedAt),
		updatedAt: Date.parse(lesson.updatedAt),
	};
}

/** A lesson's cards as stored. */
export function storedCards(cards: Readonly<Record<string, ReviewCard>>): Record<string, StoredCard> {
	return mapRecord(cards, (card) => CARD_FIELDS.map((field) => {
		const value = card[field];
		return value === undefined ? null : TIME_FIELDS.has(field) ? Date.parse(value as string) : value;
	}) as unknown as StoredCard);
}

/** A stored lesson record in object form, unchecked (garbage stays garbage). */
export function lessonFromStored(raw: unknown): unknown {
	if (!isRecord(raw) || !isRecord(raw.quizzes)) {
		return raw;
	}
	const { contentHash } = raw;
	const quizzes = mapRecord(raw.quizzes, (quiz) => {
		if (!Array.isArray(quiz)) {
			return quiz;
		}
		const record = fieldsFromStored(quiz, QUIZ_FIELDS);
		record.contentHash = quiz.length > QUIZ_FIELDS.length ? (quiz[QUIZ_FIELDS.length] as unknown) ?? undefined : contentHash;
		return record;
	});
	return { ...raw, quizzes, startedAt: timeFromStored(raw.startedAt), updatedAt: timeFromStored(raw.updatedAt) };
}

/** A stored card in object form, unchecked. */
export function cardFromStored(raw: unknown): unknown {
	return Array.isArray(raw) ? fieldsFromStored(raw, CARD_FIELDS) : raw;
}
