/**
 * Running an exercise's checks on the learner's files: declarative RE2 patterns (re2js, linear time), never the
 * learner's code, so checking is safe in an untrusted workspace and in a browser. Pure; loads re2js.
 */
import type { RE2JS } from 're2js';
import { compileRe2, type CompiledPattern } from '../shared/re2Pattern';
import { utf8ByteLength } from '../shared/text';
import { fileViews, type CheckText, type FileViews, type TextRange } from './checkText';
import { EXERCISE_LIMITS, type Exercise, type ExerciseCheck } from './exercise';

export interface CheckResult {
	readonly checkId: string;
	readonly passed: boolean;
	readonly hint: string;
	readonly file: string;
	/**
	 * 1-based, in the learner's file; the end is inclusive (the last character's column), on the start's line. A failing
	 * `mustNot` check is at its first match, a failing `must` check at its `at` match; anything else is at line 1.
	 */
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
}

export interface CheckReport {
	readonly passed: boolean;
	readonly results: readonly CheckResult[];
}

/** Time all of an exercise's checks may take together; a 2,000-line file takes a few milliseconds. */
export const CHECK_BUDGET_MS = 2_000;

/** Compiled patterns by source: a learner checks the same exercise again and again. Bounded, cleared when full. */
const compiled = new Map<string, CompiledPattern>();
const MAX_CACHED = 512;

/** Compiles an exercise pattern (once; later calls hit a cache). Never throws. */
export function compileExercisePattern(pattern: string): CompiledPattern {
	let result = compiled.get(pattern);
	if (!result) {
		if (compiled.size >= MAX_CACHED) {
			compiled.clear();
		}
		result = compileRe2(pattern, EXERCISE_LIMITS, 'the check would pass or fail on any file');
		compiled.set(pattern, result);
	}
	return result;
}

interface Match {
	readonly start: number;
	readonly end: number;
}

function firstMatch(re: RE2JS, text: string, offset = 0): Match | undefined {
	const matcher = re.matcher(text);
	return matcher.find() ? { start: offset + matcher.start(), end: offset + matcher.end() } : undefined;
}

/** Text up to which the position search runs the NFA (re2js's `find`), which costs far more per character than `test`. */
const FIND_WINDOW = 4_096;

/** The first cut at or after `at`: just before a line break or space (so `$` and `\b` hold there), else `at` itself. */
function cutAt(text: string, at: number): number {
	if (at >= text.length) {
		return text.length;
	}
	const space = text.slice(at, at + 256).search(/\s/);
	return space < 0 ? at : at + space;
}

/**
 * Where the first match of `re` (known to match `text`) is. re2js's `find` runs an NFA whose cost grows with the
 * text times the pattern, so a long text is first narrowed with `test` (its DFA) on growing, then halving prefixes to
 * the window where the first match ends; `find` runs on that window only. A match longer than the window is reported
 * from inside the window: the position is for a diagnostic, never for the verdict.
 */
function locate(re: RE2JS, text: string): Match | undefined {
	if (text.length <= FIND_WINDOW) {
		return firstMatch(re, text);
	}
	let low = 0;
	let high = cutAt(text, FIND_WINDOW);
	while (high < text.length && !re.test(text.slice(0, high))) {
		low = high;
		high = cutAt(text, high * 2);
	}
	while (high - low > FIND_WINDOW) {
		const middle = cutAt(text, low + Math.floor((high - low) / 2));
		if (middle >= high || middle <= low) {
			break;
		}
		if (re.test(text.slice(0, middle))) {
			high = middle;
		} else {
			low = middle;
		}
	}
	const from = Math.max(0, Math.min(low, high - FIND_WINDOW));
	return firstMatch(re, text.slice(from, high), from) ?? { start: Math.max(from, high - 1), end: high };
}

/** Line 1 of the file, where a check with nowhere better to point reports. */
function firstLine(file: string): TextRange {
	const end = file.search(/\r?\n/);
	const length = end < 0 ? file.length : end;
	return { line: 1, column: 1, endLine: 1, endColumn: Math.max(1, length) };
}

function tooLarge(text: string): boolean {
	const limit = EXERCISE_LIMITS.checkedBytes;
	return text.length > limit || (text.length * 3 > limit && utf8ByteLength(text) > limit);
}

function result(check: ExerciseCheck, passed: boolean, range: TextRange, hint = check.hint): CheckResult {
	return { checkId: check.id, passed, hint, file: check.file, ...range };
}

/** Thrown when a check would start a pattern after the checks' time is spent. */
class OutOfTime extends Error {}

function runCheck(check: ExerciseCheck, source: string | undefined, views: () => FileViews, inTime: () => void): CheckResult {
	if (source === undefined) {
		return result(check, false, firstLine(''), `${check.file} is missing`);
	}
	if (tooLarge(source)) {
		return result(check, false, firstLine(source), `${check.file}: file too large to check (over ${EXERCISE_LIMITS.checkedBytes / 1024} KiB)`);
	}
	const patterns: RE2JS[] = [];
	for (const pattern of check.patterns) {
		const compiledPattern = compileExercisePattern(pattern);
		if (!compiledPattern.ok) {
			return result(check, false, firstLine(source), `this check cannot run: ${compiledPattern.message}`);
		}
		patterns.push(compiledPattern.re);
	}
	const text: CheckText = views()(check.ignoreComments, check.ignoreWhitespace);
	// test() runs on re2js's DFA and is many times faster than finding where a match is (the NFA); positions are
	// found only where a diagnostic needs one: the first match of a failing mustNot, the `at` of a failing must.
	const matching = patterns.filter((re) => {
		inTime();
		return re.test(text.text);
	});
	if (check.kind === 'must') {
		if (matching.length > 0) {
			return result(check, true, firstLine(source));
		}
		const at = check.at !== undefined ? compileExercisePattern(check.at) : undefined;
		const place = at?.ok && at.re.test(text.text) ? locate(at.re, text.text) : undefined;
		return result(check, false, place ? text.range(place.start, place.end) : firstLine(source));
	}
	const first = matching.map((re) => locate(re, text.text)).reduce<Match | undefined>(
		(best, m) => (m !== undefined && (best === undefined || m.start < best.start) ? m : best), undefined);
	return first ? result(check, false, text.range(first.start, first.end)) : result(check, true, firstLine(source));
}

/**
 * Runs every check of `exercise` on `files` (path → current text). A missing file, a file over
 * {@link EXERCISE_LIMITS.checkedBytes} or a pattern that does not compile fails its check with a hint saying so.
 * Each pattern is linear in the text, but a lesson may hold many on a large file: once {@link CHECK_BUDGET_MS} is
 * spent, the checks not yet run fail with a hint saying so, rather than holding up the editor. Never throws.
 * `now` is the clock in milliseconds (tests pass their own).
 */
export function runChecks(exercise: Exercise, files: ReadonlyMap<string, string>, now: () => number = Date.now): CheckReport {
	const deadline = now() + CHECK_BUDGET_MS;
	const inTime = (): void => {
		if (now() > deadline) {
			throw new OutOfTime();
		}
	};
	const languages = new Map(exercise.files.map((f) => [f.path, f.language]));
	const prepared = new Map<string, FileViews>();
	const results = exercise.checks.map((check) => {
		const source = files.get(check.file);
		const views = (): FileViews => {
			let found = prepared.get(check.file);
			if (!found) {
				found = fileViews(source ?? '', languages.get(check.file) ?? '');
				prepared.set(check.file, found);
			}
			return found;
		};
		try {
			return runCheck(check, source, views, inTime);
		} catch (error) {
			if (error instanceof OutOfTime) {
				return result(check, false, firstLine(source ?? ''), `not checked: the checks took over ${CHECK_BUDGET_MS / 1000} s (is ${check.file} very large?)`);
			}
			return result(check, false, firstLine(source ?? ''), `this check could not run: ${error instanceof Error ? error.message : String(error)}`);
		}
	});
	return { passed: results.length > 0 && results.every((r) => r.passed), results };
}
