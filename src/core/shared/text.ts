/** Small text helpers shared by the decoder and the parser. Pure. */

/** Removes one leading U+FEFF byte-order mark, if present. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Splits text into lines on LF, CRLF or a lone CR (the CommonMark and YAML line endings).
 * The line-ending characters are not part of the lines. Text ending in a newline yields a last empty line.
 */
export function splitLines(text: string): string[] {
	return text.split(/\r\n?|\n/);
}

/** The number of bytes `text` takes in UTF-8 (a lone surrogate counts as the 3-byte replacement character). */
export function utf8ByteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) {
			bytes += 1;
		} else if (code < 0x800) {
			bytes += 2;
		} else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
			bytes += 4;
			i++;
		} else {
			bytes += 3;
		}
	}
	return bytes;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** Orders strings by UTF-16 code units, the same on every machine (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Is `word` kebab-case: `a-z`, `0-9`, single `-` between parts? */
export function isKebabCase(word: string): boolean {
	return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(word);
}

/** The longest lesson or quiz id taken (the front matter schema's limit on a lesson id). */
const MAX_ID_LENGTH = 64;

/**
 * Is `text` a lesson or quiz id: kebab-case and at most 64 characters? Anything else in stored progress or a
 * webview message (e.g. `__proto__`, or a megabyte of letters) is not ours.
 */
export function isId(text: string): boolean {
	return text.length <= MAX_ID_LENGTH && isKebabCase(text);
}

/**
 * C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069): what can
 * move a terminal's cursor, start an escape sequence (colours, window titles, OSC 8 links) or reorder a line as shown.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** {@link CONTROLS} except tab, line feed and the carriage return of a CRLF: the layout plain text output needs. */
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** Replaces every control character and bidi override with a space, so the text is one inert line. */
export function oneLine(text: string): string {
	return text.replace(CONTROLS, ' ');
}

/** Replaces control characters and bidi overrides with spaces but keeps tabs and line breaks (LF, CRLF). */
export function withoutControls(text: string): string {
	return text.replace(CONTROLS_BUT_LAYOUT, ' ');
}

/** U+2060 WORD JOINER: invisible and never a line break, so the text reads the same with it. */
const JOINER = '\u2060';

/**
 * Author text (a lesson, an assignments file, a report) made inert for VS Code's plain-text surfaces: notifications
 * turn `[label](command:…)` into a link that runs the command, and quick picks and CodeLens titles turn `$(name)`
 * into an icon. A word joiner goes between `]` and `(`, between `$` and `(`, and before every colon that follows a
 * scheme character (`command:`, `vscode:`, `https:`), so none of that syntax survives; line breaks (VS Code joins
 * lines before it looks for links), other control characters and bidi overrides become spaces.
 */
export function inertText(text: string): string {
	return oneLine(text)
		.replace(/[\u2028\u2029]/g, ' ')
		.replace(/[\]$](?=\()/g, (c) => `${c}${JOINER}`)
		.replace(/(?<=[a-z0-9+.-]):/gi, `${JOINER}:`);
}

/** Maps character offsets to 1-based lines and columns. */
export function createPositionMapper(text: string): (offset: number) => { line: number; column: number } {
	const starts: number[] = [0];
	const lines = splitLines(text);
	let offset = 0;
	for (const line of lines.slice(0, -1)) {
		offset += line.length;
		offset += text.startsWith('\r\n', offset) ? 2 : 1;
		starts.push(offset);
	}
	return (at) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((starts[mid] ?? 0) <= at) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
	};
}
