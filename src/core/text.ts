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

/** Is `word` kebab-case: `a-z`, `0-9`, single `-` between parts? */
export function isKebabCase(word: string): boolean {
	return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(word);
}
