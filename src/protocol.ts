/**
 * The typed messages between the extension and the lesson webview, and the checks applied on arrival.
 * Imported by both sides; pure (no vscode, no DOM).
 */
import type { Answer, QuizResult } from './core/lessons/lesson';
import type { LessonStatus } from './core/progress/records';
import { isRecord } from './core/shared/records';
import { isId } from './core/shared/text';

/** Upper bounds that keep a forged message from costing anything. */
const MAX_HREF = 2048;
const MAX_ANSWER = 32;
/** Answer times above an hour say nothing more about recall; they are kept as an hour. */
export const MAX_ELAPSED_MS = 60 * 60 * 1000;
/** A heading slug (see core/slug): letters and digits of any script, joined by single hyphens. */
const SECTION_PATTERN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
const MAX_SECTION = 64;

export type { LessonStatus } from './core/progress/records';

/** Where a learner stands in one lesson, as the webview's score bar shows it. */
export interface LessonSummary {
	readonly status: LessonStatus;
	readonly answered: number;
	readonly total: number;
	readonly correct: number;
	/** 0..100 */
	readonly score: number;
	/** 0..100 */
	readonly passMark: number;
}

/** What a button of an exercise section asks for (the same as the exercise commands). */
export const EXERCISE_ACTIONS = ['start', 'check', 'hint', 'solution', 'reset', 'save'] as const;
export type ExerciseAction = (typeof EXERCISE_ACTIONS)[number];

/** One check of an exercise as its section lists it after a check: the hint shows when it failed. */
export interface ExerciseCheckView {
	readonly checkId: string;
	readonly passed: boolean;
	readonly hint: string;
}

/** What an exercise section shows: the latest check's results, the hints unlocked, what the buttons allow. */
export interface ExerciseView {
	readonly exerciseId: string;
	readonly passed: boolean;
	/** Checks made so far (0: never checked, no results shown). */
	readonly attempts: number;
	/** Every check of the exercise, as the latest check left it (empty before the first check). */
	readonly results: readonly ExerciseCheckView[];
	/** The progressive hints unlocked so far, in order. */
	readonly hints: readonly string[];
	/** Whether Show hint has another hint to give. */
	readonly moreHints: boolean;
	/** Show solution is offered after a pass or after the exercise's `solutionAfter` failed checks. */
	readonly canShowSolution: boolean;
}

export type FromWebview =
	| { readonly type: 'ready'; readonly lessonId: string }
	/** `elapsedMs`: time from the quiz being shown (or Try again) to this answer, when the panel measured it. */
	| { readonly type: 'answer'; readonly lessonId: string; readonly quizId: string; readonly answer: Answer; readonly elapsedMs?: number }
	| { readonly type: 'openLink'; readonly lessonId: string; readonly href: string }
	| { readonly type: 'nextLesson'; readonly lessonId: string }
	/** The Next button of a review card. */
	| { readonly type: 'nextReview'; readonly lessonId: string }
	/** A button of an exercise section. */
	| { readonly type: 'exercise'; readonly lessonId: string; readonly exerciseId: string; readonly action: ExerciseAction };

export interface GradedAnswer {
	readonly quizId: string;
	readonly answer: Answer;
	readonly result: QuizResult;
}

/** The answers already recorded for a lesson, so a reopened lesson shows them. */
export interface StoredAnswers {
	readonly graded: readonly GradedAnswer[];
	readonly summary: LessonSummary;
	readonly outdated: boolean;
	/** One per exercise of the lesson. */
	readonly exercises: readonly ExerciseView[];
}

export type ToWebview =
	/** The stored answers changed, or differ from those the page came with (see PageConfig). */
	| ({ readonly type: 'restore'; readonly lessonId: string } & StoredAnswers)
	| { readonly type: 'graded'; readonly lessonId: string; readonly graded: GradedAnswer; readonly summary: LessonSummary }
	/** The answer could not be graded or saved; the webview re-enables the quiz. */
	| { readonly type: 'rejected'; readonly lessonId: string; readonly quizId: string }
	/** Scroll to the heading with this slug (its id is `il-h-<section>`) and move focus there. */
	| { readonly type: 'scrollTo'; readonly lessonId: string; readonly section: string }
	/** Show another lesson in the same document: its rendered content, language, title and page data. */
	| { readonly type: 'show'; readonly lessonId: string; readonly bodyHtml: string; readonly lang: string; readonly title: string; readonly config: PageConfig }
	/**
	 * An exercise's section changed (a check, a hint, a reset), with the lesson's new summary. `announce`: the text a
	 * screen reader is told (the section's live region), '' for none.
	 */
	| { readonly type: 'exercise'; readonly lessonId: string; readonly view: ExerciseView; readonly summary: LessonSummary; readonly announce: string };

/** What the extension puts in the page's `<body data-config>` (and a `show` message) for the script. */
export interface PageConfig {
	readonly lessonId: string;
	readonly strings: WebviewStrings;
	/** A lesson page comes with its stored answers, so it is complete without a round trip; a review card without. */
	readonly stored?: StoredAnswers;
}

/** Words the webview script needs; passed in with the page so the script holds no language of its own. */
export interface WebviewStrings {
	readonly correct: string;
	readonly incorrect: string;
	readonly chooseFirst: string;
	readonly movedTo: string;
	readonly score: string;
	readonly passed: string;
	readonly failed: string;
	readonly answered: string;
	readonly rightAnswer: string;
	readonly yourChoice: string;
	readonly stepInPlace: string;
	readonly stepBelongsAt: string;
	readonly outdated: string;
	readonly rejected: string;
	readonly checkPassed: string;
	readonly checkFailed: string;
}

/** State the webview keeps with `setState`, so a restored panel knows what it showed. */
export interface WebviewState {
	readonly lessonId: string;
	readonly scrollY?: number;
}

function isIdValue(value: unknown): value is string {
	return typeof value === 'string' && isId(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
	return Object.keys(value).every((k) => keys.includes(k));
}

function isAnswer(value: unknown): value is Answer {
	return Array.isArray(value) && value.length > 0 && value.length <= MAX_ANSWER
		&& value.every((n) => Number.isInteger(n) && n >= 0 && n < MAX_ANSWER);
}

function isExerciseAction(value: unknown): value is ExerciseAction {
	return typeof value === 'string' && (EXERCISE_ACTIONS as readonly string[]).includes(value);
}

/**
 * Checks a raw message from the webview against the protocol.
 * Returns a fresh, typed copy (never the raw object), or undefined when anything is off.
 */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
	if (!isRecord(raw) || !isIdValue(raw.lessonId)) {
		return undefined;
	}
	const lessonId = raw.lessonId;
	switch (raw.type) {
		case 'ready':
		case 'nextLesson':
		case 'nextReview':
			return hasOnlyKeys(raw, ['type', 'lessonId']) ? { type: raw.type, lessonId } : undefined;
		case 'answer': {
			if (!hasOnlyKeys(raw, ['type', 'lessonId', 'quizId', 'answer', 'elapsedMs']) || !isIdValue(raw.quizId) || !isAnswer(raw.answer)) {
				return undefined;
			}
			const elapsed = raw.elapsedMs;
			if (elapsed !== undefined && (typeof elapsed !== 'number' || !Number.isFinite(elapsed) || elapsed < 0)) {
				return undefined;
			}
			return {
				type: 'answer', lessonId, quizId: raw.quizId, answer: [...raw.answer],
				...(elapsed !== undefined ? { elapsedMs: Math.min(Math.round(elapsed), MAX_ELAPSED_MS) } : {}),
			};
		}
		case 'exercise':
			return hasOnlyKeys(raw, ['type', 'lessonId', 'exerciseId', 'action']) && isIdValue(raw.exerciseId) && isExerciseAction(raw.action)
				? { type: 'exercise', lessonId, exerciseId: raw.exerciseId, action: raw.action }
				: undefined;
		case 'openLink':
			return hasOnlyKeys(raw, ['type', 'lessonId', 'href']) && typeof raw.href === 'string' && raw.href.length <= MAX_HREF
				? { type: 'openLink', lessonId, href: raw.href }
				: undefined;
		default:
			return undefined;
	}
}

/** A heading slug to open a lesson at, when `value` is one (from a command argument); else undefined. */
export function parseSection(value: unknown): string | undefined {
	return typeof value === 'string' && value.length <= MAX_SECTION && SECTION_PATTERN.test(value) ? value : undefined;
}

/** Reads the webview's saved state (it may be from an older release, or garbage). */
export function parseWebviewState(raw: unknown): WebviewState | undefined {
	if (!isRecord(raw) || !isIdValue(raw.lessonId)) {
		return undefined;
	}
	const scrollY = typeof raw.scrollY === 'number' && Number.isFinite(raw.scrollY) && raw.scrollY >= 0 ? raw.scrollY : undefined;
	return { lessonId: raw.lessonId, scrollY };
}
