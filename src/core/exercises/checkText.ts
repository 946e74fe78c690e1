/**
 * The text a check matches, made from a learner's file (comments blanked, whitespace collapsed), and the way back
 * from an offset in it to a line and column of the file. Pure; linear in the length of the file.
 */
import { createPositionMapper } from '../shared/text';
import { blankComments } from './comments';

type Position = ReturnType<typeof createPositionMapper>;

/** A file prepared for matching. */
export interface CheckText {
	/** What the patterns run on. */
	readonly text: string;
	/**
	 * Where `[start, end)` of {@link text} is in the original file: 1-based, the end inclusive, cut at the end of the
	 * first line (an editor squiggle over a whole function says less than one under its first line).
	 */
	range(start: number, end: number): TextRange;
}

/** A 1-based range of a file; the end is inclusive (the last character's column). */
export interface TextRange {
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
}

function isWhitespace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
		|| code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Every run of whitespace (line breaks included) as one space, and for each character of the result the offset of
 * the character it came from (a run's space comes from the run's first character); one more entry maps the end.
 */
export function collapseWhitespace(text: string): { readonly text: string; readonly offsets: Int32Array } {
	const offsets = new Int32Array(text.length + 1);
	const parts: string[] = [];
	let length = 0;
	let runStart = 0;
	let i = 0;
	while (i < text.length) {
		if (!isWhitespace(text.charCodeAt(i))) {
			offsets[length++] = i++;
			continue;
		}
		parts.push(text.slice(runStart, i), ' ');
		offsets[length++] = i;
		while (i < text.length && isWhitespace(text.charCodeAt(i))) {
			i++;
		}
		runStart = i;
	}
	parts.push(text.slice(runStart));
	offsets[length] = text.length;
	return { text: parts.join(''), offsets: offsets.subarray(0, length + 1) };
}

/** The range of original offsets `[from, to]` (inclusive), cut at the end of `from`'s line. */
function rangeOf(file: string, position: Position, at: number, to: number): TextRange {
	// The LF of a CRLF is not a column of its line: a range starting there starts at the line's end.
	const from = file[at] === '\n' && file[at - 1] === '\r' ? at - 1 : at;
	const start = position(from);
	const newline = file.indexOf('\n', from);
	const carriage = file.indexOf('\r', from);
	const lineBreak = Math.min(newline < 0 ? file.length : newline, carriage < 0 ? file.length : carriage);
	const last = Math.min(Math.max(to, from), Math.max(from, lineBreak - 1));
	return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + (last - from) };
}

/** The views of one learner's file that checks ask for, each made once: comments and lines are found only when needed. */
export type FileViews = (ignoreComments: boolean, ignoreWhitespace: boolean) => CheckText;

/** Prepares `file` (in `language`) for all the checks on it. */
export function fileViews(file: string, language: string): FileViews {
	let blanked: string | undefined;
	let position: Position | undefined;
	const views = new Map<string, CheckText>();
	const clamp = (offset: number, max: number): number => Math.min(Math.max(offset, 0), max);
	const range = (from: number, to: number): TextRange => rangeOf(file, position ??= createPositionMapper(file), from, to);
	return (ignoreComments, ignoreWhitespace) => {
		const key = `${ignoreComments ? 'c' : '-'}${ignoreWhitespace ? 'w' : '-'}`;
		let view = views.get(key);
		if (!view) {
			const text = ignoreComments ? (blanked ??= blankComments(file, language)) : file;
			if (ignoreWhitespace) {
				const collapsed = collapseWhitespace(text);
				const last = collapsed.offsets.length - 1;
				const original = (offset: number): number => collapsed.offsets[clamp(offset, last)] ?? file.length;
				view = { text: collapsed.text, range: (start, end) => range(original(start), original(end - 1)) };
			} else {
				view = { text, range: (start, end) => range(clamp(start, file.length), clamp(end - 1, file.length)) };
			}
			views.set(key, view);
		}
		return view;
	};
}

/** Prepares `file` (in `language`) for one check with these options. */
export function checkText(file: string, language: string, ignoreComments: boolean, ignoreWhitespace: boolean): CheckText {
	return fileViews(file, language)(ignoreComments, ignoreWhitespace);
}
