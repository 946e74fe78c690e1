/**
 * Running an exercise's checks on the learner's files: declarative RE2 patterns (re2js, linear time), never the
 * learner's code, so checking is safe in an untrusted workspace and in a browser. Pure; loads re2js.
 */
import type { RE2JS } from 're2js';
import { compileRe2, type CompiledPattern } from '../shared/re2Pattern';
import { utf8ByteLength } from '../shared/text';
import { checkText, type CheckText, type TextRange } from './checkText';
import { EXERCISE_LIMITS, type Exercise, type ExerciseCheck } from './exercise';

export interface CheckResult {
	readonly checkId: string;
	readonly passed: boolean;
	readonly hint: string;
	readonly file: string;
	/** 1-based, in the learner's file; the end is inclusive (the last character's column). */
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
}

export interface CheckReport {
	readonly passed: boolean;
	readonly results: readonly CheckResult[];
}

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

function firstMatch(re: RE2JS, text: string): { start: number; end: number } | undefined {
	const matcher = re.matcher(text);
	return matcher.find() ? { start: matcher.start(), end: matcher.end() } : undefined;
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

function runCheck(check: ExerciseCheck, source: string | undefined, prepared: (check: ExerciseCheck) => CheckText): CheckResult {
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
	const text = prepared(check);
	const matches = patterns.map((re) => firstMatch(re, text.text)).filter((m) => m !== undefined);
	if (check.kind === 'mustNot') {
		const first = matches.reduce<typeof matches[number] | undefined>((best, m) => (best === undefined || m.start < best.start ? m : best), undefined);
		return first ? result(check, false, text.range(first.start, first.end)) : result(check, true, firstLine(source));
	}
	const match = matches[0];
	if (match) {
		return result(check, true, text.range(match.start, match.end));
	}
	const at = check.at !== undefined ? compileExercisePattern(check.at) : undefined;
	const place = at?.ok ? firstMatch(at.re, text.text) : undefined;
	return result(check, false, place ? text.range(place.start, place.end) : firstLine(source));
}

/**
 * Runs every check of `exercise` on `files` (path → current text). A missing file, a file over
 * {@link EXERCISE_LIMITS.checkedBytes} or a pattern that does not compile fails its check with a hint saying so.
 * Never throws.
 */
export function runChecks(exercise: Exercise, files: ReadonlyMap<string, string>): CheckReport {
	const languages = new Map(exercise.files.map((f) => [f.path, f.language]));
	const texts = new Map<string, CheckText>();
	const results = exercise.checks.map((check) => {
		const language = languages.get(check.file) ?? '';
		const source = files.get(check.file);
		const prepared = (c: ExerciseCheck): CheckText => {
			const key = `${c.ignoreComments ? 'c' : '-'}${c.ignoreWhitespace ? 'w' : '-'}${c.file}`;
			let text = texts.get(key);
			if (!text) {
				text = checkText(source ?? '', language, c.ignoreComments, c.ignoreWhitespace);
				texts.set(key, text);
			}
			return text;
		};
		try {
			return runCheck(check, source, prepared);
		} catch (error) {
			return result(check, false, firstLine(source ?? ''), `this check could not run: ${error instanceof Error ? error.message : String(error)}`);
		}
	});
	return { passed: results.length > 0 && results.every((r) => r.passed), results };
}
