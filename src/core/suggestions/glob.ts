/**
 * File globs of lesson triggers (`**\/*.sql`, `infra/**\/*.{tf,tfvars}`), translated to RE2 syntax so they run on the
 * same linear-time engine as trigger patterns. Globs come from lesson files that may be untrusted, so nothing here
 * builds a JavaScript RegExp from them. Pure.
 */

/** The longest glob a trigger may list. */
export const MAX_GLOB_LENGTH = 200;

/** A glob translated to an anchored RE2 expression, or why it could not be. */
export type GlobSource =
	| { readonly ok: true; readonly source: string; readonly matchesBasename: boolean }
	| { readonly ok: false; readonly message: string };

/** ASCII punctuation: RE2 reads a backslash before any of it as the literal character. */
const PUNCTUATION = /[!-/:-@[-`{-~]/;

function literal(char: string): string {
	return PUNCTUATION.test(char) ? `\\${char}` : char;
}

/** Translates a `[...]` class starting at `glob[start]` (the `[`); returns the RE2 class and the index after `]`. */
function charClass(glob: string, start: number): { source: string; end: number } | undefined {
	let i = start + 1;
	let negate = false;
	if (glob[i] === '!' || glob[i] === '^') {
		negate = true;
		i++;
	}
	let body = '';
	for (let first = true; i < glob.length; i++, first = false) {
		const char = glob[i] ?? '';
		if (char === ']' && !first) {
			return body === '' ? undefined : { source: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
		}
		if (char === '/') {
			return undefined; // a class never matches a folder separator
		}
		body += char === '-' && !first && glob[i + 1] !== ']' ? '-' : literal(char);
	}
	return undefined;
}

/**
 * Translates a glob: `*` any characters but `/`, `?` one such character, `**` any folders (`**\/` zero or more),
 * `{a,b}` alternatives (not nested), `[abc]`, `[a-z]` and `[!abc]` classes; every other character is itself.
 * A glob without `/` is matched against the file name only, like a `.gitignore` line; a glob with `/` against the
 * whole path relative to the workspace folder (a leading `./` or `/` is ignored).
 */
export function translateGlob(raw: string): GlobSource {
	const glob = raw.replace(/^\.?\//, '');
	if (glob.trim() === '') {
		return { ok: false, message: 'the glob is empty' };
	}
	if (raw.length > MAX_GLOB_LENGTH) {
		return { ok: false, message: `the glob is longer than ${MAX_GLOB_LENGTH} characters` };
	}
	let source = '';
	let inBraces = false;
	for (let i = 0; i < glob.length; i++) {
		const char = glob[i] ?? '';
		if (char === '*' && glob[i + 1] === '*') {
			const atSegmentStart = i === 0 || glob[i - 1] === '/';
			i++;
			if (atSegmentStart && glob[i + 1] === '/') {
				source += '(?:.*/)?';
				i++;
			} else {
				source += '.*';
			}
		} else if (char === '*') {
			source += '[^/]*';
		} else if (char === '?') {
			source += '[^/]';
		} else if (char === '[') {
			const cls = charClass(glob, i);
			if (!cls) {
				return { ok: false, message: `the character class at position ${i + 1} is not closed with "]" (or is empty)` };
			}
			source += cls.source;
			i = cls.end - 1;
		} else if (char === '{') {
			if (inBraces) {
				return { ok: false, message: '"{...}" alternatives cannot be nested' };
			}
			inBraces = true;
			source += '(?:';
		} else if (char === '}' && inBraces) {
			inBraces = false;
			source += ')';
		} else if (char === ',' && inBraces) {
			source += '|';
		} else {
			source += literal(char);
		}
	}
	if (inBraces) {
		return { ok: false, message: '"{" is not closed with "}"' };
	}
	return { ok: true, source: `^${source}$`, matchesBasename: !glob.includes('/') };
}

/** The part of a `/`-separated path a glob is matched against. */
export function globSubject(path: string, matchesBasename: boolean): string {
	const normalized = path.replace(/\\/g, '/').replace(/^\.?\//, '');
	return matchesBasename ? normalized.slice(normalized.lastIndexOf('/') + 1) : normalized;
}
