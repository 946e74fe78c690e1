/**
 * Matching lesson triggers against a source file: which lessons relate to which lines. Every pattern runs on re2js
 * (linear in the text), all applicable patterns at once through one RE2Set, a block of lines at a time; only the
 * blocks the set flags are searched line by line. A size cap and a time budget bound the cost of any one file.
 * Pure: the clock is passed in. The extension loads this module lazily (its own bundle, with re2js).
 */
import { RE2Set } from 're2js';
import type { RE2JS } from 're2js';
import type { LessonTrigger } from './trigger';
import { compileGlob, compilePattern, PATTERN_FLAGS } from './triggerPattern';

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
	readonly languages: ReadonlySet<string>;
	readonly globs: readonly ((path: string) => boolean)[];
}

/** Compiled triggers of a set of lessons; build once per lesson set with {@link compileTriggers}. */
export interface TriggerIndex {
	readonly triggers: readonly CompiledTrigger[];
	readonly problems: readonly TriggerProblem[];
	/** RE2Sets by the list of trigger indices they hold (files of one kind share a set). */
	readonly sets: Map<string, RE2Set | undefined>;
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
	readonly resume?: { readonly fromLine: number; readonly matches: readonly TriggerMatch[] };
}

/** What a scan found, and whether it saw the whole file. */
export interface ScanResult {
	/** Every match so far, in file order (with a resumed scan's earlier ones). */
	readonly matches: readonly TriggerMatch[];
	readonly status: 'complete' | 'tooLarge' | 'timedOut';
	/** With `timedOut`: the 0-based line to resume at (pass it back in `resume`), so a scan can go on in slices. */
	readonly resumeAt?: number;
}

/** Lines searched per RE2Set call: small enough that a flagged block is cheap to search line by line. */
const BLOCK_LINES = 100;
/** Longer lines (minified or generated code) are not searched line by line. */
export const MAX_LINE_CHARS = 4000;
/** Distinct trigger combinations kept compiled. */
const MAX_SETS = 32;

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
	return { lessonId: source.lessonId, title: source.title, trigger, re: pattern.re, languages: new Set(trigger.languages), globs };
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
	return { triggers, problems, sets: new Map() };
}

/** A trigger concerns a file when its language or a glob matches, or when it names neither. */
function concerns(t: CompiledTrigger, doc: ScanDocument): boolean {
	if (t.languages.size === 0 && t.globs.length === 0) {
		return true;
	}
	return t.languages.has(doc.languageId) || t.globs.some((test) => test(doc.path));
}

/** One RE2Set for the triggers at `ids`; undefined when the set cannot be built (then each pattern runs alone). */
function setFor(index: TriggerIndex, ids: readonly number[]): RE2Set | undefined {
	const key = ids.join(',');
	if (index.sets.has(key)) {
		return index.sets.get(key);
	}
	let set: RE2Set | undefined;
	try {
		set = new RE2Set(RE2Set.UNANCHORED, PATTERN_FLAGS);
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

/** Offsets where each line starts, for text with `\n` line ends. */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		starts.push(i + 1);
	}
	return starts;
}

/** Which of `ids` (positions in `applicable`) match somewhere in `block`. */
function flagged(index: TriggerIndex, set: RE2Set | undefined, applicable: readonly number[], block: string): number[] {
	if (set) {
		return set.match(block).map((position) => applicable[position] ?? -1);
	}
	return applicable.filter((id) => index.triggers[id]?.re.test(block) === true);
}

/**
 * Scans `doc` for every trigger that concerns it. Returns the matching lines in file order, at most
 * `maxMatchesPerTrigger` per trigger; a pattern matches within one line. Stops early when the text is longer than
 * `maxChars` (nothing scanned) or the scan takes longer than `budgetMs` (what was found so far, and where to resume:
 * a caller can go on in later slices, so no single call holds the thread for long). Each call scans at least one
 * block of lines, so a resumed scan always advances.
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
	const set = setFor(index, applicable);
	const text = doc.text.includes('\r') ? doc.text.replace(/\r\n?/g, '\n') : doc.text;
	const starts = lineStarts(text);
	const matches: TriggerMatch[] = [...options.resume?.matches ?? []];
	const counts = new Map<number, number>();
	for (const m of matches) {
		counts.set(m.trigger, (counts.get(m.trigger) ?? 0) + 1);
	}
	for (let first = Math.max(0, options.resume?.fromLine ?? 0); first < starts.length; first += BLOCK_LINES) {
		const last = Math.min(first + BLOCK_LINES, starts.length);
		const blockEnd = last < starts.length ? (starts[last] ?? text.length) - 1 : text.length;
		const ids = flagged(index, set, applicable, text.slice(starts[first], blockEnd));
		for (const id of ids.filter((i) => (counts.get(i) ?? 0) < options.maxMatchesPerTrigger)) {
			searchLines(index.triggers[id], id, text, starts, first, last, counts, options.maxMatchesPerTrigger, matches);
		}
		if (options.clock() - startedAt > options.budgetMs && last < starts.length) {
			return { matches: sortMatches(matches), status: 'timedOut', resumeAt: last };
		}
	}
	return { matches: sortMatches(matches), status: 'complete' };
}

function searchLines(t: CompiledTrigger | undefined, id: number, text: string, starts: readonly number[], first: number, last: number,
	counts: Map<number, number>, max: number, into: TriggerMatch[]): void {
	if (!t) {
		return;
	}
	for (let n = first; n < last && (counts.get(id) ?? 0) < max; n++) {
		const from = starts[n] ?? 0;
		const to = n + 1 < starts.length ? (starts[n + 1] ?? text.length) - 1 : text.length;
		if (to - from > MAX_LINE_CHARS) {
			continue;
		}
		const line = text.slice(from, to);
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
	return matches.sort((a, b) => a.line - b.line || a.start - b.start || (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0));
}
