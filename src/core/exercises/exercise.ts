/**
 * The exercise model: a ```exercise block of a lesson after validation (docs/lesson-format.md, "Exercises"). Pure
 * types and the format's limits, shared by the parser, the checks, the lint, the CLI and the editor.
 */

/** A file's content: inline text, or a path relative to the lesson file (read by the caller, see resolve.ts). */
export type FileSource = { readonly text: string } | { readonly ref: string };

export interface ExerciseFileSpec {
	/** A plain relative name inside the exercise folder (see {@link isExercisePath}). */
	readonly path: string;
	/** A VS Code language id ('' when neither the block nor the file name says; then no comments are known). */
	readonly language: string;
	readonly starter: FileSource;
}

export interface ExerciseCheck {
	/** Kebab-case, unique in the exercise. */
	readonly id: string;
	/** One of the exercise's `files[].path`. */
	readonly file: string;
	/** `must`: passes when any pattern matches; `mustNot`: passes when none does. */
	readonly kind: 'must' | 'mustNot';
	/** RE2 patterns (re2js), 1 to {@link EXERCISE_LIMITS.patterns}. */
	readonly patterns: readonly string[];
	readonly ignoreComments: boolean;
	readonly ignoreWhitespace: boolean;
	/** RE2 pattern placing the editor diagnostic of a failing `must` check (default: line 1). */
	readonly at?: string;
	readonly hint: string;
	/** 1-based line of the check in the lesson file. */
	readonly line: number;
}

export interface Exercise {
	/** Kebab-case; unique among the lesson's quiz and exercise ids. */
	readonly id: string;
	readonly title: string;
	/** Markdown (raw HTML off). */
	readonly prompt: string;
	/** Markdown shown after a pass ('' when none). */
	readonly explain: string;
	readonly files: readonly ExerciseFileSpec[];
	readonly checks: readonly ExerciseCheck[];
	readonly hints: readonly string[];
	/** Failed checks after which the learner may ask for the solution. */
	readonly solutionAfter: number;
	/** The reference fix: one entry per file that changes. */
	readonly solution: readonly { readonly path: string; readonly content: FileSource }[];
	/** 1-based line of the opening fence. */
	readonly line: number;
}

/** The format's limits (docs/security.md lists them). */
export const EXERCISE_LIMITS = {
	/** Exercise blocks in one lesson. */
	exercises: 4,
	/** Files per exercise. */
	files: 8,
	/** Checks per exercise. */
	checks: 20,
	/** Patterns per check. */
	patterns: 8,
	/** Characters in one pattern. */
	patternLength: 500,
	/** RE2 program size (instructions) of a compiled pattern: matching cost grows with it. */
	programSize: 1_000,
	/** Bytes of a file referenced by `starterFile` or `contentFile`. */
	referencedBytes: 64 * 1024,
	/** Bytes of a learner's file that checks still read; a larger file fails its checks. */
	checkedBytes: 512 * 1024,
} as const;

/** The default of `solutionAfter`. */
export const DEFAULT_SOLUTION_AFTER = 3;

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** A plain relative name: `[A-Za-z0-9._-]` segments joined by `/`, none of them `.` or `..`. */
export function isExercisePath(path: string): boolean {
	return path.length > 0 && path.length <= 200 && path.split('/').every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
}

/** A `starterFile`/`contentFile` reference: an {@link isExercisePath} name, after at most one leading `../`. */
export function isExerciseRef(ref: string): boolean {
	return isExercisePath(ref.startsWith('../') ? ref.slice(3) : ref);
}

/**
 * What must be identical between translations of one exercise: ids, files, checks (patterns, ignore options, `at`),
 * solution and `solutionAfter`. The wording (title, prompt, hints, explain, check hints) is translated.
 */
export function exerciseKey(exercise: Exercise): string {
	const checks = exercise.checks.map((c) => [c.id, c.file, c.kind, c.patterns, c.ignoreComments, c.ignoreWhitespace, c.at ?? null]);
	return JSON.stringify([exercise.id, exercise.solutionAfter, exercise.files, checks, exercise.solution]);
}
