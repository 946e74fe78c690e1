/**
 * The records kept in progress: the latest answer to each quiz, and each answered quiz's review card. Their own
 * module so that ./progress, ../reviews/reviewCards and ./compactRecords (which stores both) share them without
 * importing one another. Declared here; ./progress and ../reviews/reviewCards export them as their own.
 */

/** Where a learner stands in one lesson: no answer yet, some quizzes answered, all answered and passed or not. */
export type LessonStatus = 'notStarted' | 'inProgress' | 'passed' | 'failed';

/** The latest answer to one quiz. */
export interface QuizProgress {
	readonly correct: boolean;
	readonly answer: readonly number[];
	/** How many answers were given (1 after the first). */
	readonly attempts: number;
	/** ISO 8601 time of the latest answer. */
	readonly answeredAt: string;
	/** The lesson's `contentHash` when this answer was given; absent in records written before it was kept per answer. */
	readonly contentHash?: string;
}

/** The learner's record of one exercise of a lesson (see ./exerciseProgress). */
export interface ExerciseProgress {
	/** Whether some check of it passed every check (a pass stays a pass). */
	readonly passed: boolean;
	/** How many times it was checked. */
	readonly attempts: number;
	/** The ids of the checks that failed at the latest check. */
	readonly failedChecks: readonly string[];
	readonly hintsUsed: number;
	readonly solutionShown: boolean;
	/** ISO 8601 time of the latest check; absent before the first. */
	readonly checkedAt?: string;
	/** The lesson's `contentHash` at the latest change. */
	readonly contentHash: string;
}

/** Progress in one lesson, keyed by quiz id (and exercise id). */
export interface LessonProgress {
	readonly quizzes: Readonly<Record<string, QuizProgress>>;
	/** Absent in records with no exercise touched (and in every record written before exercises existed). */
	readonly exercises?: Readonly<Record<string, ExerciseProgress>>;
	/** The lesson's `contentHash` when the latest answer was given (older answers may carry their own). */
	readonly contentHash?: string;
	/** ISO 8601 time of the first answer. */
	readonly startedAt: string;
	/** ISO 8601 time of the latest change. */
	readonly updatedAt: string;
}

/** Where a card is in FSRS: new, in a learning step, reviewed in whole days, or relearning after a lapse. */
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/** FSRS ratings, from a graded answer (see ../reviews/reviewRating). */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** One quiz's place in the review schedule. Times are ISO 8601. */
export interface ReviewCard {
	readonly due: string;
	/** FSRS memory stability (days) and difficulty (1..10). */
	readonly stability: number;
	readonly difficulty: number;
	readonly scheduledDays: number;
	readonly learningSteps: number;
	readonly reps: number;
	readonly lapses: number;
	readonly state: CardState;
	readonly lastReview?: string;
	readonly lastRating?: ReviewRating;
	/** When the card was made (or restarted); counts against the daily limit of new cards. */
	readonly createdAt: string;
	/** The quiz's content hash when the card was made; a different current hash restarts the card. */
	readonly quizHash: string;
}

/** Cards by lesson id, then quiz id. */
export type ReviewCards = Readonly<Record<string, Readonly<Record<string, ReviewCard>>>>;
