/**
 * The bundled lessons of one locale, parsed at build time by the one parser (build/catalog.mjs writes
 * `dist/lessons/<locale>.json.br`): opening a bundled lesson reads it from here, with no YAML, schema validation or
 * lesson files at run time. It ships inside the extension, so only its envelope is checked. Pure.
 */
import type { Lesson } from '../lessons/lesson';
import { isRecord } from '../shared/records';

export const LESSON_PACK_VERSION = 1;

/** Lessons of one locale by id, as the parser returned them. */
export interface LessonPack {
	readonly version: typeof LESSON_PACK_VERSION;
	readonly locale: string;
	readonly lessons: Readonly<Record<string, Lesson>>;
}

/** The packs for `lessons` (every parsed bundled lesson, any locale), one per locale. */
export function buildLessonPacks(lessons: readonly Lesson[]): LessonPack[] {
	const byLocale = new Map<string, Record<string, Lesson>>();
	for (const lesson of lessons) {
		let pack = byLocale.get(lesson.locale);
		if (!pack) {
			pack = {};
			byLocale.set(lesson.locale, pack);
		}
		pack[lesson.meta.id] ??= lesson;
	}
	return [...byLocale].map(([locale, packed]) => ({ version: LESSON_PACK_VERSION, locale, lessons: packed }));
}

/**
 * The pack from the text the build wrote. A stale or foreign file fails here, with a message for the log and the
 * error page, rather than as a wrong lesson.
 */
export function readLessonPack(text: string, locale: string): LessonPack {
	const pack: unknown = JSON.parse(text);
	if (!isRecord(pack) || pack.version !== LESSON_PACK_VERSION || pack.locale !== locale || !isRecord(pack.lessons)) {
		throw new Error(`not a version ${LESSON_PACK_VERSION} lesson pack for "${locale}": reinstall or rebuild the extension`);
	}
	return { version: LESSON_PACK_VERSION, locale, lessons: pack.lessons as Record<string, Lesson> };
}

/** The file of a locale's pack, relative to the extension's dist/ folder. */
export function lessonPackFile(locale: string): string {
	return `lessons/${locale}.json.br`;
}
