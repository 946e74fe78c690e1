/**
 * A lesson as the list shows it (the Lessons view, the status bar, quick picks, "next lesson"), and the catalog of
 * the bundled lessons that holds one per file: made at build time by the full parser (build/catalog.mjs), read at
 * run time without YAML, schema validation or Markdown. The full {@link Lesson} is parsed only when it is opened
 * or answered. Pure.
 */
import type { Lesson, LessonMeta } from '../lessons/lesson';
import { chooseLocale, sortLessons } from './catalogIndex';

/** The front matter fields an entry carries. */
export type LessonEntryMeta = Pick<LessonMeta, 'id' | 'title' | 'summary' | 'track' | 'order' | 'minutes' | 'level'> & {
	readonly incident?: { readonly organization?: string };
};

/** A lesson as the catalog lists it. */
export interface LessonEntry {
	readonly meta: LessonEntryMeta;
	readonly locale: string;
	/** The lesson's quiz ids in file order (progress and scores are computed from them). */
	readonly quizIds: readonly string[];
	/** The lesson's exercise ids in file order; absent in entries made before exercises existed (none). */
	readonly exerciseIds?: readonly string[];
	/** Whether the front matter has `triggers` (only those lessons are parsed for code suggestions). */
	readonly hasTriggers: boolean;
}

/** A catalog entry with the file it was read from, relative to the lessons folder (`en/log4shell.md`). */
export interface IndexedLesson extends LessonEntry {
	readonly file: string;
}

/** The catalog entry of a fully parsed lesson. */
export function entryOf(lesson: Lesson): LessonEntry {
	const { id, title, summary, track, order, minutes, level, incident } = lesson.meta;
	return {
		meta: {
			id, title, summary, track, order,
			...(minutes !== undefined ? { minutes } : {}),
			...(level !== undefined ? { level } : {}),
			...(incident?.organization !== undefined ? { incident: { organization: incident.organization } } : {}),
		},
		locale: lesson.locale,
		quizIds: lesson.quizzes.map((q) => q.id),
		...(lesson.exercises.length > 0 ? { exerciseIds: lesson.exercises.map((e) => e.id) } : {}),
		hasTriggers: lesson.meta.triggers.length > 0,
	};
}

/** The bundled lessons of every locale, one entry per file, as the build writes them (dist/catalog.json). */
export interface BundledCatalog {
	readonly version: typeof BUNDLED_CATALOG_VERSION;
	readonly lessons: readonly IndexedLesson[];
}

export const BUNDLED_CATALOG_VERSION = 1;

/**
 * The catalog from the text the build wrote. It ships inside the extension, so only its envelope is checked:
 * a stale or foreign file fails here, with a message for the log, rather than as a wrong list.
 */
export function readBundledCatalog(text: string): BundledCatalog {
	const catalog = JSON.parse(text) as Partial<BundledCatalog> | null;
	if (catalog?.version !== BUNDLED_CATALOG_VERSION || !Array.isArray(catalog.lessons)) {
		throw new Error(`not a version ${BUNDLED_CATALOG_VERSION} lesson catalog: rebuild the extension`);
	}
	return { version: catalog.version, lessons: catalog.lessons };
}

/** The list for a learner: one entry per id in `preferredLocale` (else English, else the first), in display order. */
export function bundledEntries(catalog: BundledCatalog, preferredLocale: string): IndexedLesson[] {
	return sortLessons(chooseLocale(catalog.lessons, preferredLocale));
}
