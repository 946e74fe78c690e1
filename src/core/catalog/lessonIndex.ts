/**
 * The catalog entry of a lesson: what the Lessons view, the status bar, quick picks and "next lesson" show, read
 * without YAML, schema validation or Markdown. A file in the plain `key: value` style of the bundled lessons is
 * read line by line; anything else (block scalars, flow values, escapes, a shape the reader is unsure of) falls
 * back to the full parser, so an entry is never wrong for a file the parser accepts. The full {@link Lesson} is
 * parsed only when it is opened or answered. Pure.
 */
import { MAX_LESSON_BYTES } from '../shared/decode';
import type { Diagnostic, Lesson, LessonMeta, ParseResult } from '../lessons/lesson';
import type { ParseLessonOptions } from '../lessons/parseLesson';
import { isClosingFence, parseOpeningFence } from '../lessons/fences';

/** The front matter fields an entry carries. */
export type LessonEntryMeta = Pick<LessonMeta, 'id' | 'title' | 'summary' | 'track' | 'order' | 'minutes' | 'level'> & {
	readonly incident?: { readonly organization?: string };
};

/** A lesson as the catalog lists it. */
export interface LessonEntry {
	readonly meta: LessonEntryMeta;
	readonly locale: string;
	/** The lesson's quiz ids in file order (progress and scores are computed from them). */
	readonly quizIds: readonly string[];
	/** Whether the front matter has `triggers` (only those lessons are parsed for code suggestions). */
	readonly hasTriggers: boolean;
}

/** The catalog entry of a fully parsed lesson. */
export function entryOf(lesson: Lesson): LessonEntry {
	const { id, title, summary, track, order, minutes, level, incident } = lesson.meta;
	return {
		meta: {
			id, title, summary, track, order,
			...(minutes !== undefined ? { minutes } : {}),
			...(level !== undefined ? { level } : {}),
			...(incident?.organization !== undefined ? { incident: { organization: incident.organization } } : {}),
		},
		locale: lesson.locale,
		quizIds: lesson.quizzes.map((q) => q.id),
		hasTriggers: lesson.meta.triggers.length > 0,
	};
}

/** The full parser, passed in where a file needs it, so this module (and the extension's list) does not load YAML. */
export type ParseLesson = (text: string, file: string, options: ParseLessonOptions) => ParseResult;

/**
 * The entry of one lesson file: the line reader's when it can decide, else `parse`'s (then `lesson` is set too and
 * `diagnostics` are the parser's). Without `parse`, such a file gives `needsParser`.
 */
export function indexLesson(text: string, file: string, options: ParseLessonOptions, parse?: ParseLesson): { entry?: LessonEntry; lesson?: Lesson; diagnostics: readonly Diagnostic[]; needsParser?: true } {
	const entry = readEntry(text, options);
	if (entry) {
		return { entry, diagnostics: [] };
	}
	if (!parse) {
		return { diagnostics: [], needsParser: true };
	}
	const { lesson, diagnostics } = parse(text, file, options);
	return lesson ? { entry: entryOf(lesson), lesson, diagnostics } : { diagnostics };
}

/** Cursor over the lines of a text without splitting it: `line` is the current line, without its ending. */
class Lines {
	private next = 0;
	line = '';
	/** 0-based offset of the current line. */
	start = 0;

	constructor(readonly text: string) {}

	/** Where the line after the current one starts. */
	get end(): number {
		return this.next;
	}

	advance(): boolean {
		if (this.next > this.text.length) {
			return false;
		}
		this.start = this.next;
		const end = this.text.indexOf('\n', this.start);
		const stop = end < 0 ? this.text.length : end;
		this.line = this.text.charCodeAt(stop - 1) === 13 ? this.text.slice(this.start, stop - 1) : this.text.slice(this.start, stop);
		this.next = stop + 1;
		return true;
	}
}

const DELIMITER = /^---[ \t]*$/;
// The value starts at a non-blank: `[ \t]+(.*)` splits blanks every way, quadratic when `$` fails (`.` stops at U+2028).
const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+([^ \t].*|))?$/;
const NESTED_KEY = /^([ ]+)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+([^ \t].*|))?$/;
/** Plain scalars YAML 1.2 reads as something other than a string (null, booleans, numbers). */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LEVELS = new Set(['beginner', 'intermediate', 'advanced']);
/** The keys the entry needs as strings, and the numeric ones. */
const STRING_KEYS = new Set(['id', 'title', 'summary', 'track', 'level']);
const NUMBER_KEYS = new Set(['order', 'minutes']);

/**
 * A one-line scalar as YAML reads it, or undefined when the line reader should not decide (block or flow
 * values, escapes, anchors and tags, a value that is not a string).
 */
function readString(raw: string | undefined): string | undefined {
	if (raw === undefined) {
		return undefined;
	}
	const value = raw.trimEnd();
	const first = value.charAt(0);
	if (first === '"' || first === '\'') {
		const close = value.indexOf(first, 1);
		if (first === '"' && value.includes('\\')) {
			return undefined;
		}
		if (first === '\'') {
			// '' is an escaped quote; anything after the closing quote but a comment is not for the line reader.
			const match = /^'((?:[^']|'')*)'[ \t]*(?:#.*)?$/.exec(value);
			return match ? (match[1] ?? '').replace(/''/g, '\'') : undefined;
		}
		return close > 0 && /^[ \t]*(?:#.*)?$/.test(value.slice(close + 1)) ? value.slice(1, close) : undefined;
	}
	if (value === '' || '|>[]{}&*!%@`,#?-:'.includes(first)) {
		return undefined;
	}
	const plain = withoutComment(value);
	return plain.includes(': ') || plain.endsWith(':') || NOT_A_STRING.test(plain) ? undefined : plain;
}

/** `value` without a trailing ` # comment` and blanks. A search for the two characters, linear on any line. */
function withoutComment(value: string): string {
	const comment = value.search(/[ \t]#/);
	return (comment < 0 ? value : value.slice(0, comment)).trimEnd();
}

function readNumber(raw: string | undefined): number | undefined {
	const value = raw === undefined ? undefined : withoutComment(raw);
	return value !== undefined && /^[0-9]{1,9}$/.test(value) ? Number(value) : undefined;
}

/** What the front matter lines gave: the fields, `triggers` present, and where the body starts; undefined to fall back. */
function readFrontMatter(lines: Lines): { fields: Map<string, string | number>; organization?: string; hasTriggers: boolean } | undefined {
	const fields = new Map<string, string | number>();
	let organization: string | undefined;
	let hasTriggers = false;
	const seen = new Set<string>();
	let section = '';
	let childIndent = 0;
	let lastScalarKey = '';
	while (lines.advance()) {
		const line = lines.line;
		if (DELIMITER.test(line)) {
			return { fields, ...(organization !== undefined ? { organization } : {}), hasTriggers };
		}
		const first = line.charCodeAt(0);
		if (line.trim() === '' || first === 35) {
			continue; // blank or a comment at the margin
		}
		if (first === 32 || first === 9) {
			if (lastScalarKey !== '') {
				return undefined; // a continued scalar of a key the entry needs
			}
			if (section === 'incident') {
				const nested = NESTED_KEY.exec(line);
				const indent = nested?.[1]?.length ?? 0;
				childIndent ||= indent;
				if (nested && indent === childIndent && nested[2] === 'organization') {
					organization = readString(nested[3]);
					if (organization === undefined) {
						return undefined;
					}
				}
			}
			continue;
		}
		const top = TOP_KEY.exec(line);
		if (!top) {
			return undefined;
		}
		const key = top[1] ?? '';
		if (seen.has(key)) {
			return undefined; // a duplicate key is an error the parser reports
		}
		seen.add(key);
		section = key;
		childIndent = 0;
		lastScalarKey = '';
		if (key === 'triggers') {
			hasTriggers = true;
		} else if (STRING_KEYS.has(key) || NUMBER_KEYS.has(key)) {
			const value = STRING_KEYS.has(key) ? readString(top[2]) : readNumber(top[2]);
			if (value === undefined) {
				return undefined;
			}
			fields.set(key, value);
			lastScalarKey = key;
		} else if (key === 'incident' && top[2] !== undefined && top[2].trim() !== '' && !top[2].trim().startsWith('#')) {
			return undefined; // a flow mapping
		}
	}
	return undefined; // no closing delimiter
}

/**
 * Line starts of possible fences (≤ 3 spaces, then ``` or ~~~) from `from` on, found with `indexOf` so the body's
 * prose is skipped rather than split into lines.
 */
class FenceFinder {
	private backtick = -2;
	private tilde = -2;

	constructor(private readonly text: string) {}

	/** The start of the next line at or after `from` that may be a fence, or -1. */
	next(from: number): number {
		let at = from;
		for (;;) {
			if (this.backtick !== -1 && this.backtick < at) {
				this.backtick = this.text.indexOf('```', at);
			}
			if (this.tilde !== -1 && this.tilde < at) {
				this.tilde = this.text.indexOf('~~~', at);
			}
			const hit = this.backtick < 0 ? this.tilde : this.tilde < 0 ? this.backtick : Math.min(this.backtick, this.tilde);
			if (hit < 0) {
				return -1;
			}
			const lineStart = this.text.lastIndexOf('\n', hit - 1) + 1;
			if (lineStart >= from && hit - lineStart <= 3 && /^ *$/.test(this.text.slice(lineStart, hit))) {
				return lineStart;
			}
			at = this.text.indexOf('\n', hit);
			if (at < 0) {
				return -1;
			}
			at++;
		}
	}

	/** The line starting at `start`, without its ending, and where the next line starts. */
	lineAt(start: number): { line: string; next: number } {
		const end = this.text.indexOf('\n', start);
		const stop = end < 0 ? this.text.length : end;
		const line = this.text.charCodeAt(stop - 1) === 13 ? this.text.slice(start, stop - 1) : this.text.slice(start, stop);
		return { line, next: end < 0 ? this.text.length + 1 : end + 1 };
	}
}

/** The `id:` of a quiz block's content (`from`–`to` in `text`), at the fence's indentation; undefined when none or unsure. */
function quizIdIn(text: string, from: number, to: number, indent: number): string | undefined {
	const needle = `\n${' '.repeat(indent)}id`;
	let id: string | undefined;
	for (let at = text.indexOf(needle, from - 1); at >= 0 && at < to; at = text.indexOf(needle, at + 1)) {
		const end = text.indexOf('\n', at + 1);
		const match = /^id[ \t]*:(?:[ \t]+([^ \t\r].*?|))?\r?$/.exec(text.slice(at + 1 + indent, end < 0 || end > to ? to : end));
		if (match) {
			if (id !== undefined) {
				return undefined; // a duplicate key is an error the parser reports
			}
			id = readString(match[1]);
			if (id === undefined) {
				return undefined;
			}
		}
	}
	return id;
}

/** The quiz ids of the body (from `start`), from each terminated ```quiz block's `id:` line; undefined to fall back. */
function readQuizIds(text: string, start: number): string[] | undefined {
	const fences = new FenceFinder(text);
	const ids: string[] = [];
	for (let at = fences.next(start); at >= 0; at = fences.next(at)) {
		const opening = fences.lineAt(at);
		const open = parseOpeningFence(opening.line);
		if (!open) {
			at = opening.next;
			continue;
		}
		let close = fences.next(opening.next);
		while (close >= 0 && !isClosingFence(fences.lineAt(close).line, open)) {
			close = fences.next(fences.lineAt(close).next);
		}
		if (close < 0) {
			return undefined; // an unterminated fence is an error the parser reports
		}
		if (open.info === 'quiz') {
			const id = quizIdIn(text, opening.next, close, open.indent);
			if (id === undefined || ids.includes(id)) {
				return undefined;
			}
			ids.push(id);
		}
		at = fences.lineAt(close).next;
	}
	return ids.length > 0 ? ids : undefined;
}

function readEntry(text: string, options: ParseLessonOptions): LessonEntry | undefined {
	if (text.length > MAX_LESSON_BYTES / 3 || text.includes('\u0000') || (text.includes('\r') && /\r(?!\n)/.test(text))) {
		return undefined; // the parser's size, binary and line-ending rules decide these
	}
	const lines = new Lines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (!lines.advance() || !DELIMITER.test(lines.line)) {
		return undefined;
	}
	const front = readFrontMatter(lines);
	const quizIds = front && readQuizIds(lines.text, lines.end);
	if (!front || !quizIds) {
		return undefined;
	}
	const { fields } = front;
	const id = fields.get('id');
	const title = fields.get('title');
	const summary = fields.get('summary');
	const track = fields.get('track') ?? 'general';
	const level = fields.get('level');
	const minutes = fields.get('minutes');
	if (typeof id !== 'string' || !KEBAB.test(id) || id.length > 64 || (options.expectedId !== undefined && id !== options.expectedId)
		|| typeof title !== 'string' || title.trim() === '' || title.length > 120
		|| typeof summary !== 'string' || summary.trim() === '' || summary.length > 300
		|| typeof track !== 'string' || !KEBAB.test(track)
		|| (level !== undefined && (typeof level !== 'string' || !LEVELS.has(level)))
		|| (minutes !== undefined && (typeof minutes !== 'number' || minutes < 1 || minutes > 120))) {
		return undefined; // the parser's diagnostics say what is wrong
	}
	const order = fields.get('order');
	return {
		meta: {
			id, title, summary, track,
			order: typeof order === 'number' ? order : 1000,
			...(typeof minutes === 'number' ? { minutes } : {}),
			...(typeof level === 'string' ? { level: level as LessonMeta['level'] & string } : {}),
			...(front.organization !== undefined ? { incident: { organization: front.organization } } : {}),
		},
		locale: options.locale ?? 'en',
		quizIds,
		hasTriggers: front.hasTriggers,
	};
}
