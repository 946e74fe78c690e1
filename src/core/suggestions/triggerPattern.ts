/**
 * Compiling trigger patterns and globs with re2js, a linear-time (RE2) engine: author input never reaches a
 * JavaScript RegExp, so no pattern can backtrack catastrophically. Pure; loads re2js, so the extension imports this
 * module (through ./triggerMatch) only when suggestions first run.
 */
import { RE2JS } from 're2js';
import { translateGlob, globSubject } from './glob';
import { TRIGGER_LIMITS } from './trigger';

/** A compiled pattern, or why the pattern cannot be used. */
export type CompiledPattern =
	| { readonly ok: true; readonly re: RE2JS }
	| { readonly ok: false; readonly message: string };

/** Flags every trigger pattern is compiled with: `^` and `$` are line boundaries; `.` does not cross lines. */
export const PATTERN_FLAGS = RE2JS.MULTILINE;

/** What RE2 leaves out that authors coming from JavaScript or PCRE reach for, said plainly. */
function hintFor(pattern: string): string {
	if (/\(\?<?[=!]/.test(pattern)) {
		return ' (RE2 has no lookahead or lookbehind: match the text itself, or write two triggers)';
	}
	if (/\\[1-9]/.test(pattern)) {
		return ' (RE2 has no backreferences)';
	}
	return '';
}

function errorText(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(/^error parsing regexp: /, '');
}

/**
 * Compiles a trigger pattern (RE2 syntax: no backreferences, no lookaround). Rejects patterns longer than
 * {@link TRIGGER_LIMITS.patternLength}, programs larger than {@link TRIGGER_LIMITS.programSize}, and patterns that
 * match empty text (they would match every line).
 */
export function compilePattern(pattern: string): CompiledPattern {
	if (pattern.length > TRIGGER_LIMITS.patternLength) {
		return { ok: false, message: `the pattern is longer than ${TRIGGER_LIMITS.patternLength} characters` };
	}
	let re: RE2JS;
	try {
		re = RE2JS.compile(pattern, PATTERN_FLAGS);
	} catch (error) {
		return { ok: false, message: `not a valid RE2 pattern: ${errorText(error)}${hintFor(pattern)}` };
	}
	if (re.programSize() > TRIGGER_LIMITS.programSize) {
		return { ok: false, message: `the pattern is too complex (${re.programSize()} instructions, at most ${TRIGGER_LIMITS.programSize})` };
	}
	if (re.test('')) {
		return { ok: false, message: 'the pattern matches empty text, so it would match every line' };
	}
	return { ok: true, re };
}

/** A compiled glob: tests a `/`-separated relative path. */
export type CompiledGlob =
	| { readonly ok: true; readonly test: (path: string) => boolean }
	| { readonly ok: false; readonly message: string };

/** Compiles a trigger glob (see ./glob for the syntax) to a path test running on RE2. */
export function compileGlob(glob: string): CompiledGlob {
	const translated = translateGlob(glob);
	if (!translated.ok) {
		return translated;
	}
	try {
		const re = RE2JS.compile(translated.source);
		return { ok: true, test: (path) => re.matches(globSubject(path, translated.matchesBasename)) };
	} catch (error) {
		return { ok: false, message: `not a valid glob: ${errorText(error)}` };
	}
}
