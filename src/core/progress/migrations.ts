/**
 * Every layout stored progress has had, and the steps that bring each one to the layout this release writes.
 * A step works on raw JSON and does not validate records; `migrateProgress` checks every record afterwards. Pure.
 */
import { isRecord } from '../shared/records';

/** The progress schema version this release reads and writes. */
export const CURRENT_PROGRESS_VERSION = 4;

/** The first version stored split by lesson (./progressLayout): a value of it or later with a `generation` is a base. */
export const FIRST_SPLIT_VERSION = 3;

/**
 * Version 0 is progress without a `schemaVersion`: `{ lessons }`, or the map of lessons on its own. No release
 * wrote it, but the reader has accepted it from the start, so a hand-edited or partly lost envelope is not dropped.
 */
export const UNVERSIONED_PROGRESS = 0;

/** One step: raw data of version `v` in, raw data of version `v + 1` out. */
export type ProgressMigration = (raw: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * `PROGRESS_MIGRATIONS[v]` turns version `v` into version `v + 1`. A release that changes the layout adds its
 * step here and raises {@link CURRENT_PROGRESS_VERSION}; a unit test checks that every older version has a step.
 */
export const PROGRESS_MIGRATIONS: Readonly<Record<number, ProgressMigration>> = {
	[UNVERSIONED_PROGRESS]: (raw) => ({ schemaVersion: 1, lessons: isRecord(raw.lessons) ? raw.lessons : raw }),
	// Version 2 adds review cards (../reviews/reviewCards) beside the lessons; every version 1 entry is kept as it is.
	1: (raw) => ({ ...raw, schemaVersion: 2, reviews: {} }),
	// Version 3 keeps the records and changes where they may be stored: a version 3 value with a `generation` is the
	// base of the split layout (./progressLayout), with lesson entries stored beside it. A version 2 value is whole by
	// itself, so it becomes a version 3 value without entries; the next write stores it in the split layout.
	2: (raw) => ({ ...raw, schemaVersion: 3 }),
	// Version 4 writes answers and review cards compactly (./compactRecords) and reads them in either form, so every
	// version 3 record is kept as it is. A version 3 base stays a base: its entries are read, and the next write starts
	// the layout over in version 4, so that a release reading version 3 never finds compact records beside its base.
	3: (raw) => ({ ...raw, schemaVersion: 4 }),
};

/** Does `value` look like a map of lesson id → lesson record (progress saved without its envelope)? */
function isLessonMap(value: Readonly<Record<string, unknown>>): boolean {
	const entries = Object.values(value);
	return entries.length > 0 && entries.every((entry) => isRecord(entry) && isRecord(entry.quizzes));
}

/** The version `raw` is in, or undefined when it is not progress in any layout. Unclear cases add a problem. */
function versionOf(raw: Readonly<Record<string, unknown>>, problems: string[]): number | undefined {
	const version = raw.schemaVersion;
	if (typeof version === 'number' && Number.isInteger(version) && version >= UNVERSIONED_PROGRESS) {
		return version;
	}
	if (version !== undefined) {
		problems.push(`progress has an unknown schema version (${String(JSON.stringify(version)).slice(0, 40)}); it is read as version ${CURRENT_PROGRESS_VERSION}`);
		return CURRENT_PROGRESS_VERSION;
	}
	if (isRecord(raw.lessons) || isLessonMap(raw)) {
		problems.push(`progress has no schema version; it is read as the unversioned layout and upgraded to version ${CURRENT_PROGRESS_VERSION}`);
		return UNVERSIONED_PROGRESS;
	}
	return undefined;
}

/**
 * Brings raw stored progress to the current layout and returns its (still unchecked) lesson records. Data from a
 * newer release is returned as it is with `readOnly: true`: its lessons are read as far as the current layout
 * allows, and the caller must not overwrite it. Never throws; problems are log messages.
 */
export function upgradeProgress(raw: Readonly<Record<string, unknown>>, problems: string[]): { lessons?: unknown; reviews?: unknown; readOnly: boolean } {
	let version = versionOf(raw, problems);
	if (version === undefined) {
		return { readOnly: false };
	}
	if (version > CURRENT_PROGRESS_VERSION) {
		problems.push(`progress has schema version ${version}, newer than this release reads (${CURRENT_PROGRESS_VERSION}); it is read as far as possible and not changed`);
		return { lessons: raw.lessons, reviews: raw.reviews, readOnly: true };
	}
	let data = raw;
	while (version < CURRENT_PROGRESS_VERSION) {
		const step = Object.hasOwn(PROGRESS_MIGRATIONS, version) ? PROGRESS_MIGRATIONS[version] : undefined;
		if (!step) {
			problems.push(`progress has schema version ${version}, which this release cannot upgrade`);
			return { readOnly: false };
		}
		data = step(data);
		version++;
	}
	return { lessons: data.lessons, reviews: data.reviews, readOnly: false };
}
