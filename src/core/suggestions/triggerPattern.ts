/**
 * Compiling trigger patterns and globs with re2js (see ../shared/re2Pattern). Pure; loads re2js, so the extension
 * imports this module (through ./triggerMatch) only when suggestions first run.
 */
import { RE2JS } from 're2js';
import { translateGlob, globSubject } from './glob';
import { TRIGGER_LIMITS } from './trigger';
import { compileRe2, PATTERN_FLAGS, re2ErrorText, type CompiledPattern } from '../shared/re2Pattern';

export type { CompiledPattern };
export { PATTERN_FLAGS };

/**
 * Compiles a trigger pattern (RE2 syntax: no backreferences, no lookaround). Rejects patterns longer than
 * {@link TRIGGER_LIMITS.patternLength}, programs larger than {@link TRIGGER_LIMITS.programSize}, and patterns that
 * match empty text (they would match every line).
 */
export function compilePattern(pattern: string): CompiledPattern {
	return compileRe2(pattern, TRIGGER_LIMITS, 'it would match every line');
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
		return { ok: false, message: `not a valid glob: ${re2ErrorText(error)}` };
	}
}
