/**
 * The lesson model: what a parsed lesson file holds. Pure types, shared by the extension, the CLI,
 * the renderer and the tests. See docs/lesson-format.md for the authoring rules behind them.
 */
import type { Exercise } from '../exercises/exercise';
import type { LessonTrigger } from '../suggestions/trigger';

/** Locales that bundled lessons ship in. English is the fallback. */
export const LESSON_LOCALES = ['en', 'ja'] as const;
export type LessonLocale = (typeof LESSON_LOCALES)[number];

export type QuizType = 'single' | 'multiple' | 'order';

/** A choice of a `single` or `multiple` quiz. */
export interface Choice {
	readonly text: string;
	readonly correct: boolean;
	/** Why this choice is right or wrong; empty when the author gave none (lint warns). */
	readonly explain: string;
}

/** A step of an `order` quiz; the list is stored in its correct order. */
export interface Step {
	readonly text: string;
	readonly explain: string;
	/** Adjacent steps with the same group may come in any order among themselves. */
	readonly group?: string;
}

interface QuizBase {
	/** Unique within the lesson; progress is keyed by lesson id + quiz id. */
	readonly id: string;
	readonly prompt: string;
	/** Explanation of the quiz as a whole, shown after any answer ('' when none). */
	readonly explain: string;
	/** 1-based line of the opening fence in the lesson file. */
	readonly line: number;
}

export interface ChoiceQuiz extends QuizBase {
	readonly type: 'single' | 'multiple';
	readonly choices: readonly Choice[];
}

export interface OrderQuiz extends QuizBase {
	readonly type: 'order';
	/** In the correct order. */
	readonly steps: readonly Step[];
}

export type Quiz = ChoiceQuiz | OrderQuiz;

export interface Source {
	readonly title: string;
	readonly url?: string;
}

export interface TimelineEvent {
	/** `YYYY-MM-DD` or `YYYY-MM`. */
	readonly date: string;
	readonly label: string;
}

export interface BreakdownItem {
	readonly label: string;
	readonly count: number;
	readonly subsets: readonly { readonly label: string; readonly count: number }[];
}

export interface Incident {
	readonly organization?: string;
	readonly date?: string;
	readonly records?: number;
	readonly timeline: readonly TimelineEvent[];
	readonly breakdown: readonly BreakdownItem[];
}

export type Level = 'beginner' | 'intermediate' | 'advanced';

/** Front matter after validation, with defaults applied. */
export interface LessonMeta {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	/** Defaults to `general`. */
	readonly track: string;
	/** Defaults to 1000 so unordered lessons sort after ordered ones. */
	readonly order: number;
	readonly minutes?: number;
	readonly level?: Level;
	readonly tags: readonly string[];
	readonly attack: readonly string[];
	readonly incident?: Incident;
	readonly sources: readonly Source[];
	/** Code that signals the risk the lesson teaches (see docs/reviews-and-suggestions.md); empty when none. */
	readonly triggers: readonly LessonTrigger[];
}

/** A fully parsed lesson. `body` is the Markdown after the front matter, with quiz and exercise fences left in place. */
export interface Lesson {
	readonly meta: LessonMeta;
	readonly locale: string;
	readonly quizzes: readonly Quiz[];
	/** The lesson's ```exercise blocks, in file order (see src/core/exercises). */
	readonly exercises: readonly Exercise[];
	readonly body: string;
	/** 1-based line in the file where `body` starts (for mapping renderer positions back). */
	readonly bodyLine: number;
	/** Stable hash of the quizzes' and exercises' gradable content; changes when answers would grade differently. */
	readonly contentHash: string;
}

export type Severity = 'error' | 'warning';

/** A problem found in a lesson file. Lines and columns are 1-based. */
export interface Diagnostic {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	/** 1-based, inclusive end, when the problem covers a known range (for editor squiggles). */
	readonly endLine?: number;
	readonly endColumn?: number;
	readonly severity: Severity;
	readonly message: string;
	/** Rule id, e.g. `quiz-no-correct` (see docs/lesson-format.md). */
	readonly code: string;
}

/** What the parser returns: a lesson when the file is usable (no errors), and every diagnostic found. */
export interface ParseResult {
	readonly lesson?: Lesson;
	readonly diagnostics: readonly Diagnostic[];
}

/** A learner's answer: indices of the chosen choices (single/multiple), or step indices in the chosen order (order). */
export type Answer = readonly number[];

export interface ChoiceFeedback {
	/** Index into `choices` or `steps`, in the quiz's own order. */
	readonly index: number;
	readonly correct: boolean;
	readonly chosen: boolean;
	readonly explain: string;
}

/** The result of grading one answer. */
export interface QuizResult {
	readonly quizId: string;
	readonly correct: boolean;
	/** Per choice (single/multiple) or per step position (order) feedback. */
	readonly feedback: readonly ChoiceFeedback[];
	/** The quiz-level explanation ('' when none). */
	readonly explain: string;
}
