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

/** An ATX heading (`## Text ##`), with up to three spaces of indentation, as CommonMark reads it. */
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

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
		const match = fenced.has(index + 1) ? null : ATX_HEADING.exec(line);
		if (match) {
			slugs.push(uniqueSlug((match[1] ?? '').trim(), used, suffixes));
		}
	});
	return slugs;
}
