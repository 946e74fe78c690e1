/**
 * A line scanner for CommonMark fenced code blocks. It finds quiz blocks without a Markdown parser, so the
 * parser, the linter and the tree agree on where every block starts and ends. Pure.
 */
import type { Diagnostic } from './lesson';
import { createDiagnostic } from './rules';

/** A fenced code block found by {@link scanFences}. */
export interface FencedBlock {
	/** The first word of the info string (`quiz` for quiz blocks); '' when there is none. */
	readonly info: string;
	/** The fence character. */
	readonly marker: '`' | '~';
	/** 1-based line of the opening fence. */
	readonly startLine: number;
	/** 1-based line of the closing fence; for an unterminated block, the last line scanned. */
	readonly endLine: number;
	readonly terminated: boolean;
	/** The lines between the fences, with up to the opening fence's indentation removed. */
	readonly content: readonly string[];
	/** For each content line, how many leading spaces were removed (to map columns back to the file). */
	readonly contentIndent: readonly number[];
}

export interface OpeningFence {
	readonly marker: '`' | '~';
	readonly length: number;
	readonly indent: number;
	readonly info: string;
}

/** Leading spaces of a line, or undefined when a tab or four spaces make it indented code. */
function fenceIndent(line: string): number | undefined {
	let indent = 0;
	while (indent < line.length && line[indent] === ' ') {
		indent++;
	}
	return indent <= 3 && line[indent] !== '\t' ? indent : undefined;
}

function runLength(line: string, from: number, char: string): number {
	let end = from;
	while (line[end] === char) {
		end++;
	}
	return end - from;
}

/** Parses an opening code fence line: at most 3 spaces, then 3 or more backticks or tildes, then the info string. */
export function parseOpeningFence(line: string): OpeningFence | undefined {
	const indent = fenceIndent(line);
	if (indent === undefined) {
		return undefined;
	}
	const char = line[indent];
	if (char !== '`' && char !== '~') {
		return undefined;
	}
	const length = runLength(line, indent, char);
	if (length < 3) {
		return undefined;
	}
	const infoString = line.slice(indent + length).trim();
	// A backtick fence's info string may not contain backticks (it would be inline code).
	if (char === '`' && infoString.includes('`')) {
		return undefined;
	}
	const info = infoString.split(/[ \t]+/)[0] ?? '';
	return { marker: char, length, indent, info };
}

/** Whether `line` closes the block `open` started: the same character, at least as many, nothing after. */
export function isClosingFence(line: string, open: OpeningFence): boolean {
	const indent = fenceIndent(line);
	if (indent === undefined || line[indent] !== open.marker) {
		return false;
	}
	const length = runLength(line, indent, open.marker);
	return length >= open.length && line.slice(indent + length).trim() === '';
}

function removeIndent(line: string, max: number): number {
	let removed = 0;
	while (removed < max && line[removed] === ' ') {
		removed++;
	}
	return removed;
}

/**
 * Finds the fenced code blocks in `lines` (already split, see `splitLines`). `firstLine` is the 1-based file line
 * of `lines[0]`, so blocks and diagnostics carry file lines. A block that is never closed runs to the end (as in
 * CommonMark) and gets a `fence-unterminated` error at its opening line. Never throws.
 */
export function scanFences(lines: readonly string[], file: string, firstLine = 1): { blocks: FencedBlock[]; diagnostics: Diagnostic[] } {
	const blocks: FencedBlock[] = [];
	const diagnostics: Diagnostic[] = [];
	let index = 0;
	while (index < lines.length) {
		const open = parseOpeningFence(lines[index] ?? '');
		if (!open) {
			index++;
			continue;
		}
		const start = index;
		const content: string[] = [];
		const contentIndent: number[] = [];
		index++;
		while (index < lines.length && !isClosingFence(lines[index] ?? '', open)) {
			const line = lines[index] ?? '';
			const removed = removeIndent(line, open.indent);
			content.push(line.slice(removed));
			contentIndent.push(removed);
			index++;
		}
		const terminated = index < lines.length;
		const endLine = firstLine + (terminated ? index : lines.length - 1);
		blocks.push({ info: open.info, marker: open.marker, startLine: firstLine + start, endLine, terminated, content, contentIndent });
		if (!terminated) {
			const fence = open.marker.repeat(open.length);
			const label = open.info ? `${fence}${open.info}` : fence;
			const openingLine = lines[start] ?? '';
			diagnostics.push(createDiagnostic(file, 'fence-unterminated', `the ${label} block opened here is never closed (add a closing ${fence} line)`, {
				line: firstLine + start,
				column: open.indent + 1,
				endLine: firstLine + start,
				endColumn: Math.max(openingLine.length, open.indent + 1),
			}));
		}
		index++;
	}
	return { blocks, diagnostics };
}
