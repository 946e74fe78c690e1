/**
 * Matching lesson triggers against a source file: which lessons relate to which lines. Every pattern runs on re2js
 * (linear in the text), all applicable patterns at once through one RE2Set, a block of lines at a time; only the
 * blocks the set flags are searched line by line. A size cap and a time budget bound the cost of any one file.
 * Pure: the clock is passed in. The extension loads this module lazily (its own bundle, with re2js).
 */
import { RE2Set } from 're2js';
import type { RE2JS } from 're2js';
import type { LessonTrigger } from './trigger';
import { lineLength, lineStarts, nextBlock, type Lines } from './triggerLines';
import { compileGlob, compilePattern, PATTERN_FLAGS } from './triggerPattern';
import { compareText } from '../shared/text';

export { MAX_LINE_CHARS } from './triggerLines';

/** The triggers of one lesson, as the matcher needs them. */
export interface TriggerSource {
	readonly lessonId: string;
	readonly title: string;
	readonly triggers: readonly LessonTrigger[];
}

/** A trigger that cannot be used (bad pattern or glob); the linter reports the same problems to authors. */
export interface TriggerProblem {
	readonly lessonId: string;
	/** 1-based line of the pattern in the lesson file. */
	readonly line: number;
	readonly message: string;
}

interface CompiledTrigger {
	readonly lessonId: string;
	readonly title: string;
	readonly trigger: LessonTrigger;
	readonly re: RE2JS;
	/** RE2 program size: what one character costs this trigger at worst. */
	readonly size: number;
	readonly languages: ReadonlySet<string>;
	readonly globs: readonly ((path: string) => boolean)[];
}

/** Compiled triggers of a set of lessons; build once per lesson set with {@link compileTriggers}. */
export interface TriggerIndex {
	readonly triggers: readonly CompiledTrigger[];
	readonly problems: readonly TriggerProblem[];
	/** RE2Sets by the list of trigger indices they hold (files of one kind share a set). */
	readonly sets: Map<string, RE2Set | undefined>;
	/** Sets (by the same key) whose DFA proved costly: they run on the NFA alone from then on. */
	readonly nfaOnly: Set<string>;
}

/** A file to scan. `path` is relative to the workspace folder (or the folder the CLI was given), `/`-separated. */
export interface ScanDocument {
	readonly path: string;
	/** VS Code language id (`typescript`, `sql`…); '' when unknown. */
	readonly languageId: string;
	readonly text: string;
}

/** One line that matches one trigger. */
export interface TriggerMatch {
	readonly lessonId: string;
	readonly title: string;
	readonly why: string;
	readonly section?: string;
	/** 1-based line. */
	readonly line: number;
	/** 0-based start and end (exclusive) of the first match in the line, in UTF-16 code units. */
	readonly start: number;
	readonly end: number;
	/** Which trigger of the index matched (its position in `TriggerIndex.triggers`). */
	readonly trigger: number;
}

/** How much a scan may cost; the editor and the CLI pass their own (see docs/reviews-and-suggestions.md). */
export interface ScanOptions {
	/** Milliseconds from an arbitrary origin (performance.now in the extension and the CLI). */
	readonly clock: () => number;
	/** Stop after this many milliseconds; what was found so far is returned with `status: 'timedOut'`. */
	readonly budgetMs: number;
	/** Files with more characters are not scanned (`status: 'tooLarge'`). */
	readonly maxChars: number;
	/** Lines reported per trigger and file. */
	readonly maxMatchesPerTrigger: number;
	/** Continue a scan that stopped at the budget: its `resumeAt` and its matches so far. */
	readonly resume?: { readonly at: ScanPosition; readonly matches: readonly TriggerMatch[] };
}

/** What a scan found, and whether it saw the whole file. */
export interface ScanResult {
	/** Every match so far, in file order (with a resumed scan's earlier ones). */
	readonly matches: readonly TriggerMatch[];
	readonly status: 'complete' | 'tooLarge' | 'timedOut';
	/** With `timedOut`: where to resume (pass it back in `resume`), so a scan can go on in slices. */
	readonly resumeAt?: ScanPosition;
}

/** Where a scan stopped: the trigger group (see {@link MAX_SET_PROGRAM}) and its next 0-based line. */
export interface ScanPosition {
	readonly group: number;
	readonly line: number;
}

/**
 * Characters × program instructions given to one RE2Set call. re2js builds its DFA as it reads, and a hostile pattern
 * set can make every character a new state costing time in proportion to the set's size, so this product bounds one
 * call (a few milliseconds on a laptop core; see docs/reviews-and-suggestions.md).
 */
const WORK_PER_CALL = 500_000;
/** Program instructions in one RE2Set: the applicable triggers are split into sets of at most this size. */
export const MAX_SET_PROGRAM = 500;
/**
 * DFA memory of one set. The bundled triggers' sets use under 60 KB on a typical file; a set whose states never
 * repeat fills it, and from then on runs on the NFA alone (see `setFor`).
 */
const DFA_MEMORY = 512 * 1024;
/** Distinct trigger combinations kept compiled. */
const MAX_SETS = 256;

function compileOne(source: TriggerSource, trigger: LessonTrigger, problems: TriggerProblem[]): CompiledTrigger | undefined {
	const report = (message: string): undefined => {
		problems.push({ lessonId: source.lessonId, line: trigger.line, message });
		return undefined;
	};
	const pattern = compilePattern(trigger.pattern);
	if (!pattern.ok) {
		return report(pattern.message);
	}
	const globs: ((path: string) => boolean)[] = [];
	for (const glob of trigger.files) {
		const compiled = compileGlob(glob);
		if (!compiled.ok) {
			return report(`glob "${glob}": ${compiled.message}`);
		}
		globs.push(compiled.test);
	}
	return { lessonId: source.lessonId, title: source.title, trigger, re: pattern.re, size: pattern.re.programSize(), languages: new Set(trigger.languages), globs };
}

/** Compiles the triggers of `sources`; unusable triggers are left out and listed in `problems`. Never throws. */
export function compileTriggers(sources: readonly TriggerSource[]): TriggerIndex {
	const problems: TriggerProblem[] = [];
	const triggers: CompiledTrigger[] = [];
	for (const source of sources) {
		for (const trigger of source.triggers) {
			const compiled = compileOne(source, trigger, problems);
			if (compiled) {
				triggers.push(compiled);
			}
		}
	}
	return { triggers, problems, sets: new Map(), nfaOnly: new Set() };
}

/** A trigger concerns a file when its language or a glob matches, or when it names neither. */
function concerns(t: CompiledTrigger, doc: ScanDocument): boolean {
	if (t.languages.size === 0 && t.globs.length === 0) {
		return true;
	}
	return t.languages.has(doc.languageId) || t.globs.some((test) => test(doc.path));
}

/** The applicable triggers in sets of at most {@link MAX_SET_PROGRAM} instructions, in index order. */
function groupsOf(index: TriggerIndex, applicable: readonly number[]): number[][] {
	const groups: number[][] = [];
	let size = Infinity;
	for (const id of applicable) {
		const cost = index.triggers[id]?.size ?? 0;
		if (size + cost > MAX_SET_PROGRAM) {
			groups.push([]);
			size = 0;
		}
		groups[groups.length - 1]?.push(id);
		size += cost;
	}
	return groups;
}

/** One RE2Set for the triggers at `ids`; undefined when the set cannot be built (then each pattern runs alone). */
function setFor(index: TriggerIndex, key: string, ids: readonly number[]): RE2Set | undefined {
	if (index.sets.has(key)) {
		return index.sets.get(key);
	}
	let set: RE2Set | undefined;
	try {
		// re2js builds DFA states as it reads, each costing time in proportion to the set's size; when states never
		// repeat (counted repetitions over a wide class) the NFA alone (no DFA memory) is about ten times cheaper.
		set = new RE2Set(RE2Set.UNANCHORED, PATTERN_FLAGS, index.nfaOnly.has(key) ? 0 : DFA_MEMORY);
		for (const id of ids) {
			set.add(index.triggers[id]?.trigger.pattern ?? '');
		}
		set.compile();
	} catch {
		set = undefined;
	}
	if (index.sets.size >= MAX_SETS) {
		index.sets.clear();
	}
	index.sets.set(key, set);
	return set;
}

/** Which of `ids` (the set `key`) match somewhere in `block`. A set whose DFA filled its memory goes NFA-only. */
function flagged(index: TriggerIndex, key: string, ids: readonly number[], block: string): number[] {
	const set = setFor(index, key, ids);
	if (set) {
		const before = set.dfa?.memBudget ?? 0;
		const found = set.match(block);
		if (!index.nfaOnly.has(key) && (set.dfa.failed || set.dfa.memBudget > before)) {
			index.nfaOnly.add(key);
			index.sets.delete(key);
		}
		return found.map((position) => ids[position] ?? -1);
	}
	return ids.filter((id) => index.triggers[id]?.re.test(block) === true);
}

/**
 * Scans `doc` for every trigger that concerns it. Returns the matching lines in file order, at most
 * `maxMatchesPerTrigger` per trigger; a pattern matches within one line, and lines over {@link MAX_LINE_CHARS} are
 * skipped. Stops early when the text is longer than `maxChars` (nothing scanned) or when the next block could take
 * the scan past `budgetMs` (judged by twice the slowest block so far, for the variance between blocks): what was found
 * so far, and where to resume, so a caller can go on in later slices and no single call holds the thread for long.
 * Each block (one RE2Set call and the line search of what it flags) is bounded by {@link WORK_PER_CALL}; each call
 * scans at least one block, so a resumed scan always advances.
 */
export function scanDocument(index: TriggerIndex, doc: ScanDocument, options: ScanOptions): ScanResult {
	const startedAt = options.clock();
	if (doc.text.length > options.maxChars) {
		return { matches: [], status: 'tooLarge' };
	}
	const applicable = index.triggers.flatMap((t, id) => (concerns(t, doc) ? [id] : []));
	if (applicable.length === 0) {
		return { matches: [], status: 'complete' };
	}
	const text = doc.text.includes('\r') ? doc.text.replace(/\r\n?/g, '\n') : doc.text;
	const starts = lineStarts(text);
	const lines: Lines = { text, starts, count: starts.length - 1 };
	const matches: TriggerMatch[] = [...options.resume?.matches ?? []];
	const counts = new Map<number, number>();
	for (const m of matches) {
		counts.set(m.trigger, (counts.get(m.trigger) ?? 0) + 1);
	}
	const wanted = (id: number): boolean => (counts.get(id) ?? 0) < options.maxMatchesPerTrigger;
	const groups = groupsOf(index, applicable);
	const resume = options.resume?.at ?? { group: 0, line: 0 };
	let slowest = 0;
	let last = startedAt;
	for (let g = Math.max(0, resume.group); g < groups.length; g++) {
		const ids = groups[g] ?? [];
		const key = ids.join(',');
		const maxChars = Math.floor(WORK_PER_CALL / Math.max(1, ids.reduce((sum, id) => sum + (index.triggers[id]?.size ?? 0), 0)));
		for (let line = g === resume.group ? resume.line : 0; line < lines.count && ids.some(wanted);) {
			const { first, end } = nextBlock(lines, line, maxChars);
			if (first < end) {
				const block = text.slice(starts[first], (starts[end] ?? 0) - 1);
				const found = flagged(index, key, ids, block);
				for (const id of found.filter(wanted)) {
					searchLines(index.triggers[id], id, lines, first, end, counts, options.maxMatchesPerTrigger, matches);
				}
			}
			line = end;
			const now = options.clock();
			slowest = Math.max(slowest, now - last);
			last = now;
			const more = line < lines.count || g + 1 < groups.length;
			if (more && now - startedAt + 2 * slowest > options.budgetMs) {
				return { matches: sortMatches(matches), status: 'timedOut', resumeAt: line < lines.count ? { group: g, line } : { group: g + 1, line: 0 } };
			}
		}
	}
	return { matches: sortMatches(matches), status: 'complete' };
}

function searchLines(t: CompiledTrigger | undefined, id: number, lines: Lines, first: number, end: number,
	counts: Map<number, number>, max: number, into: TriggerMatch[]): void {
	if (!t) {
		return;
	}
	for (let n = first; n < end && (counts.get(id) ?? 0) < max; n++) {
		const from = lines.starts[n] ?? 0;
		const line = lines.text.slice(from, from + lineLength(lines, n));
		// test() runs on the DFA; the capture-tracking matcher only runs on lines that do match
		const matcher = t.re.test(line) ? t.re.matcher(line) : undefined;
		if (matcher?.find()) {
			counts.set(id, (counts.get(id) ?? 0) + 1);
			into.push({
				lessonId: t.lessonId, title: t.title, why: t.trigger.why,
				...(t.trigger.section !== undefined ? { section: t.trigger.section } : {}),
				line: n + 1, start: matcher.start(), end: matcher.end(), trigger: id,
			});
		}
	}
}

function sortMatches(matches: TriggerMatch[]): TriggerMatch[] {
	return matches.sort((a, b) => a.line - b.line || a.start - b.start || compareText(a.lessonId, b.lessonId));
}
