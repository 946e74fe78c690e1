/**
 * The lines of a file as the trigger matcher sees them, and the blocks it gives to one RE2Set call. Pure.
 */

/** Lines searched per RE2Set call: small enough that a flagged block is cheap to search line by line. */
export const BLOCK_LINES = 100;
/**
 * Longer lines (minified or generated code) are skipped before any pattern sees them: matching cost grows with the
 * characters given to one call, and one call cannot be interrupted.
 */
export const MAX_LINE_CHARS = 1000;
/** Offsets where each line starts, for text with `\n` line ends (one past the end last, so line n ends at starts[n+1]-1). */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		starts.push(i + 1);
	}
	starts.push(text.length + 1);
	return starts;
}

/** Lines of one scan: the text, where each line starts, and how many there are. */
export interface Lines {
	readonly text: string;
	readonly starts: readonly number[];
	readonly count: number;
}

export const lineLength = (lines: Lines, n: number): number => (lines.starts[n + 1] ?? 0) - (lines.starts[n] ?? 0) - 1;

/**
 * The block of lines starting at `first` (after any lines over {@link MAX_LINE_CHARS}, which are skipped): at most
 * {@link BLOCK_LINES} lines and `maxChars` characters, but at least one line. `first === end` when none are left.
 */
export function nextBlock(lines: Lines, from: number, maxChars: number): { first: number; end: number } {
	let first = from;
	while (first < lines.count && lineLength(lines, first) > MAX_LINE_CHARS) {
		first++;
	}
	let end = first;
	let chars = 0;
	while (end < lines.count && end - first < BLOCK_LINES) {
		const length = lineLength(lines, end);
		if (length > MAX_LINE_CHARS || (end > first && chars + length + 1 > maxChars)) {
			break;
		}
		chars += length + 1;
		end++;
	}
	return { first, end };
}
