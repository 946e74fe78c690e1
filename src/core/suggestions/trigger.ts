/**
 * The `triggers` of a lesson: which files it concerns and which code signals the risk it teaches. Pure types and
 * limits, shared by the parser, the linter, the matcher, the extension and the CLI (see docs/reviews-and-suggestions.md).
 */

/** A trigger as the front matter declares it, after validation. */
export interface LessonTrigger {
	/** VS Code language ids (`sql`, `python`, `typescript`…); empty when the trigger names none. */
	readonly languages: readonly string[];
	/** File globs (`**\/*.sql`); empty when the trigger names none. */
	readonly files: readonly string[];
	/** An RE2 expression matched against each line of a file. */
	readonly pattern: string;
	/** One line on why the match relates to the lesson (the hover text). */
	readonly why: string;
	/** The slug of the heading to open the lesson at (`what-a-developer-could-have-built`), if any. */
	readonly section?: string;
	/** 1-based line and column of `pattern` in the lesson file, for diagnostics. */
	readonly line: number;
	readonly column: number;
}

/** Limits that keep a hostile lesson from costing much; the schema enforces the same numbers. */
export const TRIGGER_LIMITS = {
	/** Triggers per lesson. */
	triggers: 20,
	/** Characters in a pattern. */
	patternLength: 300,
	/** RE2 program size (instructions) of a compiled pattern: matching cost grows with it. */
	programSize: 250,
	/** Languages or globs per trigger. */
	listItems: 20,
	/** Characters in `why`. */
	whyLength: 200,
} as const;
