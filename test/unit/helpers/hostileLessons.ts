// Hostile lessons whose cost grows with the number of problems they hold (aliases fanning out bad data, huge
// lists of bad values, long heading lines), shared by the worker-with-timeout suite and the CLI lint tests.
import { MAX_LESSON_BYTES } from '../../../src/core/shared/decode';
import { MAX_BLOCK_DIAGNOSTICS, MAX_FILE_DIAGNOSTICS } from '../../../src/core/lessons/diagnosticLimits';

/** Time one hostile lesson may take to lint: `incident-lessons lint` of any file must take a second or two. */
export const HOSTILE_BUDGET_MS = Number(process.env.PATHOLOGICAL_BUDGET_MS ?? 2_000);

export const QUIZ = '\n\n```quiz\nid: q\ntype: single\nprompt: P\nchoices:\n  - text: a\n    correct: true\n    explain: x\n  - text: b\n    explain: y\n```\n';

/** A lesson's text, whether the trigger checks of lint must run on it, and the most diagnostics it may give. */
export interface HostileLesson {
	readonly text: () => string;
	readonly lint?: boolean;
	readonly maxCount: number;
}

/** A trigger whose `section` names heading `a`, so lint reads the body's headings. */
export const TRIGGER = "triggers:\n  - pattern: 'x'\n    why: w\n    section: a\n";

/** A valid lesson around `frontMatter` (extra front matter lines) and `body`. */
export function lesson(frontMatter: string, body = ''): string {
	return `---\nid: pathological\ntitle: P\nsummary: S\n${frontMatter}---\n${body}${QUIZ}`;
}

/** `count` breakdown items whose `subsets` are all one anchored list of `items` (the first item defines it). */
export function sharedSubsets(count: number, items: readonly string[]): string {
	const rows = Array.from({ length: count }, (_, i) => `    - {label: a, count: 1, subsets: ${i === 0 ? `&a [${items.join(',')}]` : '*a'}}`);
	return `incident:\n  breakdown:\n${rows.join('\n')}\nsources:\n  - title: s\n`;
}

/** Hostile inputs whose work grows with the number of problems; each must stay within the lint budget. */
export const HOSTILE_LESSONS: Readonly<Record<string, HostileLesson>> = {
	'aliases × schema errors: 100 breakdown items share a list of 2,400 bad subsets': {
		text: () => lesson(sharedSubsets(100, Array<string>(2400).fill('1'))), maxCount: 1,
	},
	'aliases × schema errors just under the expansion limit': {
		text: () => lesson(sharedSubsets(100, Array<string>(160).fill('{}'))), maxCount: MAX_BLOCK_DIAGNOSTICS + 1,
	},
	'125,000 tags that are not kebab-case (250 KB)': {
		text: () => lesson(`tags: [${Array<string>(125_000).fill('A').join(',')}]\n`), maxCount: 1,
	},
	'thousands of distinct schema errors in the front matter': {
		text: () => lesson(`tags: [${Array.from({ length: 8_000 }, (_, i) => `T${i}`).join(',')}]\n`), maxCount: MAX_BLOCK_DIAGNOSTICS + 1,
	},
	'thousands of distinct schema errors in one quiz block': {
		text: () => lesson('', `\`\`\`quiz\nid: many\ntype: single\nprompt: P\nchoices: [${Array.from({ length: 2_400 }, (_, i) => `{text: ${i}, correct: x}`).join(',')}]\n\`\`\`\n`),
		maxCount: MAX_BLOCK_DIAGNOSTICS + 1,
	},
	'700 quiz blocks full of errors': {
		text: () => lesson('', Array.from({ length: 700 }, (_, i) => `\`\`\`quiz\nid: Q${i}\ntype: bad\nprompt: ''\nchoices: [{text: '', correct: 1, x: 1}, 3]\n\`\`\`\n`).join('\n')),
		maxCount: MAX_FILE_DIAGNOSTICS + 1,
	},
	'a heading line of 60,000 spaces': {
		text: () => lesson(TRIGGER, `# a${' '.repeat(60_000)}b\n`), lint: true, maxCount: 1,
	},
	'a heading line of 1 MiB': {
		text: () => lesson(TRIGGER, `# a${' '.repeat(MAX_LESSON_BYTES - 1024)}b\n`), lint: true, maxCount: 1,
	},
	'a heading line of spaces that ends in a line separator': {
		text: () => lesson(TRIGGER, `#${' '.repeat(MAX_LESSON_BYTES / 2)}\u2028\n`), lint: true, maxCount: 1,
	},
};

