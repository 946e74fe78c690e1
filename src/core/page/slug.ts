/**
 * Heading slugs: the part after `il-h-` in the id the renderer gives each heading, and what a trigger's `section`
 * names. Kept apart from the renderer so the parser and the linter can use it without loading markdown-it. Pure.
 */
import { scanFences } from '../lessons/fences';
import { splitLines } from '../shared/text';

/** The slug of a heading's text: NFKC, lower case, runs of anything but letters and digits as one `-`, at most 64 characters. */
export function slugify(text: string): string {
	return text.normalize('NFKC').toLowerCase().trim()
		.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'section';
}

/**
 * The slug of `text`, made unique among `used` with `-2`, `-3`… (and added to `used`), as the renderer does.
 * `suffixes` remembers the next suffix per base slug, so many equal headings cost linear time, not quadratic.
 */
export function uniqueSlug(text: string, used: Set<string>, suffixes: Map<string, number> = new Map()): string {
	const base = slugify(text);
	let slug = base;
	let n = suffixes.get(base) ?? 2;
	while (used.has(slug)) {
		slug = `${base}-${n}`;
		n++;
	}
	suffixes.set(base, n);
	used.add(slug);
	return slug;
}

function isSpaceOrTab(char: string | undefined): boolean {
	return char === ' ' || char === '\t';
}

/**
 * The text of an ATX heading line (`## Text ##`, up to three spaces of indentation), or undefined when the line is
 * not one. Read as markdown-it and CommonMark read it: a closing `#` run counts only after a space or tab. A scan,
 * not a regular expression, so it is linear on any line (a pattern with a lazy group next to optional blanks
 * backtracks quadratically, or worse, on a long line of spaces).
 */
export function atxHeadingText(line: string): string | undefined {
	let start = 0;
	while (start < 3 && line[start] === ' ') {
		start++;
	}
	let pos = start;
	while (line[pos] === '#' && pos - start <= 6) {
		pos++;
	}
	const level = pos - start;
	if (level < 1 || level > 6 || (pos < line.length && !isSpaceOrTab(line[pos]))) {
		return undefined;
	}
	let end = line.length;
	while (end > pos && isSpaceOrTab(line[end - 1])) {
		end--;
	}
	let closing = end;
	while (closing > pos && line[closing - 1] === '#') {
		closing--;
	}
	if (closing > pos && isSpaceOrTab(line[closing - 1])) {
		end = closing;
	}
	return line.slice(pos, end).trim();
}

/**
 * The slugs of the ATX headings in a lesson body (Markdown after the front matter), in order, outside fenced blocks.
 * Setext headings (text underlined with `===`) are not found; lessons use `#` headings.
 */
export function headingSlugs(body: string): string[] {
	const lines = splitLines(body);
	const fenced = new Set<number>();
	for (const block of scanFences(lines, '', 1).blocks) {
		for (let line = block.startLine; line <= block.endLine; line++) {
			fenced.add(line);
		}
	}
	const used = new Set<string>();
	const suffixes = new Map<string, number>();
	const slugs: string[] = [];
	lines.forEach((line, index) => {
		const text = fenced.has(index + 1) ? undefined : atxHeadingText(line);
		if (text !== undefined) {
			slugs.push(uniqueSlug(text, used, suffixes));
		}
	});
	return slugs;
}
