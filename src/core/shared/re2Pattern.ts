/**
 * Compiling author patterns (trigger and exercise patterns) with re2js, a linear-time (RE2) engine: author input
 * never reaches a JavaScript RegExp, so no pattern can backtrack catastrophically. Pure; loads re2js, so only modules
 * that run patterns import it (never the lesson parser).
 */
import { RE2JS } from 're2js';

/** A compiled pattern, or why the pattern cannot be used. */
export type CompiledPattern =
	| { readonly ok: true; readonly re: RE2JS }
	| { readonly ok: false; readonly message: string };

/** Flags every author pattern is compiled with: `^` and `$` are line boundaries; `.` crosses lines only with `(?s)`. */
export const PATTERN_FLAGS = RE2JS.MULTILINE;

/** How long a pattern and how large its program may be. */
export interface PatternLimits {
	readonly patternLength: number;
	readonly programSize: number;
}

/** What RE2 leaves out that authors coming from JavaScript or PCRE reach for, said plainly. */
function hintFor(pattern: string): string {
	if (/\(\?<?[=!]/.test(pattern)) {
		return ' (RE2 has no lookahead or lookbehind: match the text itself, or use a second pattern)';
	}
	if (/\\[1-9]/.test(pattern)) {
		return ' (RE2 has no backreferences)';
	}
	return '';
}

/** re2js's error without its generic prefix. */
export function re2ErrorText(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(/^error parsing regexp: /, '');
}

/**
 * Compiles an author pattern (RE2 syntax: no backreferences, no lookaround). Rejects patterns longer than
 * `limits.patternLength`, programs larger than `limits.programSize`, and patterns that match empty text
 * (`emptyMeans` says why that is useless). Never throws.
 */
export function compileRe2(pattern: string, limits: PatternLimits, emptyMeans: string): CompiledPattern {
	if (pattern.length > limits.patternLength) {
		return { ok: false, message: `the pattern is longer than ${limits.patternLength} characters` };
	}
	let re: RE2JS;
	try {
		re = RE2JS.compile(pattern, PATTERN_FLAGS);
	} catch (error) {
		return { ok: false, message: `not a valid RE2 pattern: ${re2ErrorText(error)}${hintFor(pattern)}` };
	}
	if (re.programSize() > limits.programSize) {
		return { ok: false, message: `the pattern is too complex (${re.programSize()} instructions, at most ${limits.programSize})` };
	}
	if (re.test('')) {
		return { ok: false, message: `the pattern matches empty text, so ${emptyMeans}` };
	}
	return { ok: true, re };
}
