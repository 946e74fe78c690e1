/**
 * Blanking the comments of a file before its checks match, per language family, in one linear pass. String literals
 * are skipped whole, so `"http://x"` is never a comment. Every comment character becomes a space and line breaks stay,
 * so the text keeps its length and every other character keeps its offset (positions need no mapping). Pure.
 *
 * The scanner is a lexer's outline, not a parser: it knows no regular-expression literals, template-literal nesting
 * or heredocs. When it cannot tell, it leaves text as code, so a check sees a little more than the code, never less.
 */
import { ownEntry } from '../shared/records';

interface CommentSyntax {
	/** Line comment openers. */
	readonly line: readonly string[];
	/** Block comment [opener, closer] pairs. */
	readonly block: readonly (readonly [string, string])[];
	/** String delimiters; a string ends at its delimiter or at the end of its line (backquote strings cross lines). */
	readonly quotes: string;
	/** Backslash escapes the next character inside a string. */
	readonly escapes: boolean;
	/** Python's `"""` and `'''` strings. */
	readonly triple?: boolean;
	/** A line comment opens only at the start of a line or after whitespace (`a#b` in YAML and shells is text). */
	readonly afterSpace?: boolean;
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: '"\'`', escapes: true };
const HASH: CommentSyntax = { line: ['#'], block: [], quotes: '"\'', escapes: true };
const SHELL: CommentSyntax = { ...HASH, afterSpace: true };
const PYTHON: CommentSyntax = { ...HASH, triple: true };
const SQL: CommentSyntax = { line: ['--'], block: [['/*', '*/']], quotes: '"\'', escapes: false };
const MARKUP: CommentSyntax = { line: [], block: [['<!--', '-->']], quotes: '', escapes: false };

/** VS Code language id → comment syntax. Languages not listed have no comments to blank. */
const SYNTAX: Readonly<Record<string, CommentSyntax>> = {
	typescript: C_LIKE, typescriptreact: C_LIKE, javascript: C_LIKE, javascriptreact: C_LIKE, java: C_LIKE, kotlin: C_LIKE,
	scala: C_LIKE, groovy: C_LIKE, csharp: C_LIKE, go: C_LIKE, rust: C_LIKE, swift: C_LIKE, c: C_LIKE, cpp: C_LIKE,
	'objective-c': C_LIKE, dart: C_LIKE, json: C_LIKE, jsonc: C_LIKE, php: { ...C_LIKE, line: ['//', '#'] },
	terraform: { ...C_LIKE, line: ['//', '#'] }, hcl: { ...C_LIKE, line: ['//', '#'] },
	python: PYTHON, ruby: HASH, perl: HASH, r: HASH, toml: HASH, elixir: HASH,
	shellscript: SHELL, yaml: SHELL, dockerfile: SHELL, dockercompose: SHELL, makefile: SHELL, properties: SHELL, ini: { ...SHELL, line: ['#', ';'] },
	powershell: { ...SHELL, block: [['<#', '#>']] },
	sql: SQL, lua: { ...SQL, block: [['--[[', ']]']] },
	markdown: MARKUP, html: MARKUP, xml: MARKUP,
};

function isSpace(code: number | undefined): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13;
}

/** End (exclusive) of the string opened at `start`. */
function stringEnd(text: string, start: number, syntax: CommentSyntax): number {
	const quote = text[start] ?? '';
	if (syntax.triple && text.startsWith(quote.repeat(3), start)) {
		const close = text.indexOf(quote.repeat(3), start + 3);
		return close < 0 ? text.length : close + 3;
	}
	let i = start + 1;
	while (i < text.length) {
		const c = text[i];
		if (c === '\\' && syntax.escapes) {
			i += 2;
		} else if (c === quote) {
			return i + 1;
		} else if (c === '\n' && quote !== '`') {
			return i;
		} else {
			i++;
		}
	}
	return text.length;
}

/** End (exclusive) of the comment opening at `i`, or -1 when none does. */
function commentEnd(text: string, i: number, syntax: CommentSyntax): number {
	// Block openers first: Lua's `--[[` starts with its line opener `--`.
	for (const [open, close] of syntax.block) {
		if (text.startsWith(open, i)) {
			const end = text.indexOf(close, i + open.length);
			return end < 0 ? text.length : end + close.length;
		}
	}
	for (const open of syntax.line) {
		if (text.startsWith(open, i) && (!syntax.afterSpace || i === 0 || isSpace(text.charCodeAt(i - 1)))) {
			const end = text.indexOf('\n', i);
			return end < 0 ? text.length : end;
		}
	}
	return -1;
}

/** The characters that can open a string or a comment of `syntax`, as a one-character class (made once per syntax). */
const openers = new WeakMap<CommentSyntax, RegExp>();

function interesting(syntax: CommentSyntax): RegExp {
	let found = openers.get(syntax);
	if (!found) {
		const chars = new Set([...syntax.quotes, ...syntax.line.map((o) => o[0] ?? ''), ...syntax.block.map(([o]) => o[0] ?? '')]);
		found = new RegExp(`[${[...chars].map((c) => `\\${c}`).join('')}]`, 'g');
		openers.set(syntax, found);
	}
	return found;
}

/** Every character but line breaks as a space: the same length, the same lines. */
function blank(text: string): string {
	return text.replace(/[^\r\n]/g, ' ');
}

/**
 * `text` with the comments of `language` blanked (see the module comment); unchanged for a language without known
 * comments. Linear in the length of the text.
 */
export function blankComments(text: string, language: string): string {
	const syntax = ownEntry(SYNTAX, language);
	if (!syntax) {
		return text;
	}
	const parts: string[] = [];
	const next = interesting(syntax);
	let kept = 0;
	let i = 0;
	while (i < text.length) {
		// Jump to the next character that can open a string or a comment: most of a file is neither.
		next.lastIndex = i;
		i = next.exec(text)?.index ?? text.length;
		if (i >= text.length) {
			break;
		}
		if (syntax.quotes.includes(text[i] ?? '\n')) {
			i = stringEnd(text, i, syntax);
			continue;
		}
		const end = commentEnd(text, i, syntax);
		if (end < 0) {
			i++;
			continue;
		}
		parts.push(text.slice(kept, i), blank(text.slice(i, end)));
		kept = end;
		i = end;
	}
	parts.push(text.slice(kept));
	return parts.join('');
}
