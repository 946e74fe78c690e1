/**
 * The bundled lessons of one locale, parsed at build time by the one parser (build/catalog.mjs writes every
 * locale's into `dist/lessons.json.zst`): opening a bundled lesson reads it from here, with no YAML, schema validation or
 * lesson files at run time. It ships inside the extension, so only its envelope is checked. Pure.
 */
import { scanFences } from '../lessons/fences';
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
		pack[lesson.meta.id] ??= withPlacedBlocksBlank(lesson);
	}
	return [...byLocale].map(([locale, packed]) => ({ version: LESSON_PACK_VERSION, locale, lessons: packed }));
}

/**
 * `lesson` with the inner lines of every quiz and exercise fence it parsed left blank: the renderer places those
 * blocks from the parsed objects by the fence's line, so their YAML would ship twice. Lines keep their count, so
 * every line number stays true.
 */
function withPlacedBlocksBlank(lesson: Lesson): Lesson {
	const placed = new Set([...lesson.quizzes, ...lesson.exercises].map((block) => block.line));
	const lines = lesson.body.split('\n');
	for (const block of scanFences(lines, '', lesson.bodyLine).blocks) {
		const lang = block.info.split(/\s+/)[0];
		if ((lang === 'quiz' || lang === 'exercise') && placed.has(block.startLine) && block.terminated) {
			lines.fill('', block.startLine - lesson.bodyLine + 1, block.endLine - lesson.bodyLine);
		}
	}
	return { ...lesson, body: lines.join('\n') };
}

/**
 * The file the build writes: a header line naming the locales, then each locale's pack on a line of its own. One
 * compressed stream, because the locales share much (code of exercises, sources, triggers, names): ~20 KB less
 * than a file per locale, for ~1 ms more to decompress.
 */
export function writeLessonPacks(packs: readonly LessonPack[]): string {
	return [JSON.stringify({ version: LESSON_PACK_VERSION, locales: packs.map((p) => p.locale) }), ...packs.map((p) => JSON.stringify(p)), ''].join('\n');
}

/**
 * The pack of `locale` from the text the build wrote; only that locale's line is parsed. A stale or foreign file
 * fails here, with a message for the log and the error page, rather than as a wrong lesson.
 */
export function readLessonPack(text: string, locale: string): LessonPack {
	const stale = () => new Error(`not a version ${LESSON_PACK_VERSION} lesson pack for "${locale}": reinstall or rebuild the extension`);
	let end = text.indexOf('\n');
	const header: unknown = JSON.parse(end < 0 ? text : text.slice(0, end));
	if (!isRecord(header) || header.version !== LESSON_PACK_VERSION || !Array.isArray(header.locales)) {
		throw stale();
	}
	const index = header.locales.indexOf(locale);
	let start = end + 1;
	for (let line = 0; line < index && end >= 0; line++) {
		end = text.indexOf('\n', start);
		start = end + 1;
	}
	end = text.indexOf('\n', start);
	if (index < 0 || start === 0 || end < 0) {
		throw stale();
	}
	const pack: unknown = JSON.parse(text.slice(start, end));
	if (!isRecord(pack) || pack.version !== LESSON_PACK_VERSION || pack.locale !== locale || !isRecord(pack.lessons)) {
		throw stale();
	}
	return { version: LESSON_PACK_VERSION, locale, lessons: pack.lessons as Record<string, Lesson> };
}

/** The packs' file, relative to the extension's dist/ folder. */
export const LESSON_PACKS_FILE = 'lessons.json.zst';
