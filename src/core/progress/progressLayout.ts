/**
 * How progress is laid out in storage (since schema version 3), so that an answer writes one lesson, not the whole history.
 *
 * A stored copy is a *base* and *entries*:
 * - the base is a progress value with a `generation` (a tag unique to that base). It is written whole only when the
 *   layout starts over: the first write, the first write after an upgrade from an older version, Reset All Progress,
 *   a repair of unreadable data (and in a mirror still holding an older base than the shared copy);
 * - every lesson changed since then has an entry under a key of its own: the lesson's record and its review cards
 *   (neither after a reset), the base's generation, and a `stamp` unique to the write, by which a window tells which
 *   entries another window changed without reading the others.
 *
 * Records are written compactly (./compactRecords, version 4). A version 3 base and its entries are read as they are,
 * and the next write starts over in version 4 (`olderLayout`), so that no compact entry is added to a base that a
 * release reading version 3 would take as its own.
 *
 * An entry in the workspace copy whose shared write is still to come (it is coalesced) is marked `unshared`, so that
 * a window that closed before that write can recover it from its workspace copy (see ../../extension/progress/progressCopies).
 *
 * Entries of another generation are left over from an earlier base and ignored. A value without a generation (any
 * version before 3, or a whole value such as `flattenStored` gives) is complete by itself. Pure.
 */
import { mapRecord, storedCards, storedLesson, type StoredCard, type StoredLesson } from './compactRecords';
import { CURRENT_PROGRESS_VERSION, FIRST_SPLIT_VERSION } from './migrations';
import { lessonParts, migrateProgress, readLesson, withLessons, type LessonParts, type Progress } from './progress';
import { isId } from '../shared/text';
import { readReviews } from '../reviews/reviewCards';
import { isRecord } from '../shared/records';

/** Longest generation or stamp read; this release writes about 20 characters. */
const MAX_TAG = 64;

/** The base of the split layout. */
export interface StoredBase {
	readonly schemaVersion: typeof CURRENT_PROGRESS_VERSION;
	readonly generation: string;
	readonly lessons: Readonly<Record<string, StoredLesson>>;
	readonly reviews: Readonly<Record<string, Readonly<Record<string, StoredCard>>>>;
}

/**
 * Marks a workspace-copy entry written before the shared copy had it: `base` is the stamp of the shared entry it was
 * made on ('' for none), `since` the time (ms) of the first change the shared copy has not received.
 */
export interface UnsharedMark {
	readonly base: string;
	readonly since: number;
}

/** One lesson's entry. Neither `lesson` nor `reviews`: the lesson was reset since the base was written. */
export interface StoredEntry {
	readonly generation: string;
	readonly stamp: string;
	readonly lesson?: StoredLesson;
	readonly reviews?: Readonly<Record<string, StoredCard>>;
	readonly unshared?: UnsharedMark;
}

/** Progress as read from one stored copy. */
export interface LaidOutProgress {
	readonly progress: Progress;
	/** The base's generation; undefined when the base is complete by itself (or absent, newer, unreadable). */
	readonly generation: string | undefined;
	/** The stamp of each entry laid over the base, by lesson id: a map of its own, which its holder keeps up to date. */
	readonly stamps: Map<string, string>;
	/** Log messages about what was dropped or repaired. */
	readonly problems: readonly string[];
	/** From a newer release: shown, never overwritten. */
	readonly readOnly: boolean;
	/** A base of an older version's split layout: its entries are read, but the next write starts over. */
	readonly olderLayout: boolean;
}

function isTag(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_TAG;
}

function isSplitVersion(version: unknown): boolean {
	return typeof version === 'number' && version >= FIRST_SPLIT_VERSION && version <= CURRENT_PROGRESS_VERSION;
}

/** The generation of a split-layout base, of this version or an older one; undefined for anything else. */
export function baseGeneration(base: unknown): string | undefined {
	return isRecord(base) && isSplitVersion(base.schemaVersion) && isTag(base.generation) ? base.generation : undefined;
}

/** A new base holding all of `p`. */
export function baseValue(p: Progress, generation: string): StoredBase {
	return { schemaVersion: CURRENT_PROGRESS_VERSION, generation, lessons: mapRecord(p.lessons, storedLesson), reviews: mapRecord(p.reviews, storedCards) };
}

/** The entry that stores `lessonId`'s part of `p` (marked when the shared copy does not have it yet). */
export function entryValue(p: Progress, lessonId: string, generation: string, stamp: string, unshared?: UnsharedMark): StoredEntry {
	const { lesson, cards } = lessonParts(p, lessonId);
	return {
		generation, stamp, ...(lesson ? { lesson: storedLesson(lesson) } : {}), ...(cards ? { reviews: storedCards(cards) } : {}), ...(unshared ? { unshared } : {}),
	};
}

/** The raw entry's stamp and `unshared` mark, if it is an entry of `generation` that has them. */
export function entryMarks(raw: unknown, generation: string): { stamp: string; unshared: UnsharedMark | undefined } | undefined {
	if (!isRecord(raw) || raw.generation !== generation || !isTag(raw.stamp)) {
		return undefined;
	}
	const mark = raw.unshared;
	const valid = isRecord(mark) && (mark.base === '' || isTag(mark.base)) && typeof mark.since === 'number' && Number.isFinite(mark.since);
	return { stamp: raw.stamp, unshared: valid ? { base: mark.base as string, since: mark.since as number } : undefined };
}

/** The lesson's parts in a raw entry of `generation`, checked; undefined when it is not one or has problems. */
export function entryParts(lessonId: string, raw: unknown, generation: string): LessonParts | undefined {
	const problems: string[] = [];
	const entry = readEntry(lessonId, raw, generation, problems);
	return entry === undefined || entry === 'other' || problems.length > 0 ? undefined : entry.parts;
}

/** A stored entry of `generation`, checked; 'other' for an entry of another generation, undefined for garbage. */
function readEntry(lessonId: string, raw: unknown, generation: string, problems: string[]): { stamp: string; parts: LessonParts } | 'other' | undefined {
	if (!isId(lessonId) || !isRecord(raw) || !isTag(raw.generation) || !isTag(raw.stamp)) {
		problems.push(`dropped the stored entry of lesson "${lessonId}": it is not a lesson entry`);
		return undefined;
	}
	if (raw.generation !== generation) {
		return 'other';
	}
	const lesson = raw.lesson === undefined ? undefined : readLesson(lessonId, raw.lesson, problems);
	const cards = raw.reviews === undefined ? undefined : readReviews({ [lessonId]: raw.reviews }, isId, problems)[lessonId];
	return { stamp: raw.stamp, parts: { lesson, cards } };
}

/**
 * Reads one stored copy, `base` and its `entries` (lesson id → raw entry), without throwing. The base goes through
 * `migrateProgress` (every older version, garbage, newer); entries of its generation are checked and laid over it.
 */
export function readLaidOut(base: unknown, entries: Iterable<readonly [string, unknown]>): LaidOutProgress {
	const { progress, problems, readOnly } = migrateProgress(base);
	const generation = readOnly ? undefined : baseGeneration(base);
	const stamps = new Map<string, string>();
	if (generation === undefined) {
		return { progress, generation, stamps, problems, readOnly, olderLayout: false };
	}
	const olderLayout = isRecord(base) && base.schemaVersion !== CURRENT_PROGRESS_VERSION;
	const changes = new Map<string, LessonParts>();
	for (const [lessonId, raw] of entries) {
		const entry = readEntry(lessonId, raw, generation, problems);
		if (entry !== undefined && entry !== 'other') {
			changes.set(lessonId, entry.parts);
			stamps.set(lessonId, entry.stamp);
		}
	}
	return { progress: changes.size > 0 ? withLessons(progress, changes) : progress, generation, stamps, problems, readOnly, olderLayout };
}

/**
 * Brings `current` up to date with the copy's `entries` after another window wrote, checking only the entries whose
 * stamp changed; `changed` says whether any did. Undefined when that is not enough and the copy must be read whole:
 * an entry went away, turned to garbage, or replaced one of this generation with one of another.
 */
export function refreshLaidOut(current: LaidOutProgress, entries: Iterable<readonly [string, unknown]>): { laidOut: LaidOutProgress; changed: boolean } | undefined {
	const { generation } = current;
	if (generation === undefined || current.readOnly) {
		return undefined;
	}
	const stamps = new Map(current.stamps);
	const changes = new Map<string, LessonParts>();
	let known = 0;
	for (const [lessonId, raw] of entries) {
		const stamp = current.stamps.get(lessonId);
		known += stamp === undefined ? 0 : 1;
		if (stamp !== undefined && isRecord(raw) && raw.stamp === stamp && raw.generation === generation) {
			continue;
		}
		const problems: string[] = [];
		const entry = readEntry(lessonId, raw, generation, problems);
		if (entry === 'other' && stamp === undefined) {
			continue; // left over from an earlier base, as a whole read would find it
		}
		if (entry === undefined || entry === 'other' || problems.length > 0) {
			return undefined;
		}
		changes.set(lessonId, entry.parts);
		stamps.set(lessonId, entry.stamp);
	}
	if (known !== current.stamps.size) {
		return undefined;
	}
	const progress = changes.size > 0 ? withLessons(current.progress, changes) : current.progress;
	return { laidOut: { ...current, progress, stamps, problems: [] }, changed: changes.size > 0 };
}

/**
 * One stored copy as a single value, for tests, the API and backups: a split-layout base with its entries laid over
 * it, raw (nothing checked or dropped) and without its generation, so it reads back whole; anything else as it is.
 */
export function flattenStored(base: unknown, entries: Iterable<readonly [string, unknown]>): unknown {
	const generation = baseGeneration(base);
	if (generation === undefined || !isRecord(base)) {
		return base;
	}
	const lessons: Record<string, unknown> = Object.assign(Object.create(null) as object, isRecord(base.lessons) ? base.lessons : {});
	const reviews: Record<string, unknown> = Object.assign(Object.create(null) as object, isRecord(base.reviews) ? base.reviews : {});
	for (const [lessonId, raw] of entries) {
		if (isRecord(raw) && raw.generation === generation) {
			for (const [record, value] of [[lessons, raw.lesson], [reviews, raw.reviews]] as const) {
				if (value === undefined) {
					delete record[lessonId];
				} else {
					record[lessonId] = value;
				}
			}
		}
	}
	return { ...Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'generation')), lessons, reviews };
}
