/**
 * The lesson catalog: many lesson files (all locales) in, one fully parsed lesson per id out, in display order.
 * Also the whole-set lint used by the CLI, and the bundled lessons' catalog the build writes. Pure. (The extension
 * lists bundled lessons from that catalog, ./lessonEntry, and parses one only when it is opened.)
 */
import { chooseLocale, lessonIdFromPath, readAll, sortLessons, type LessonFile, type ParsedSet } from './catalogIndex';
import type { Diagnostic, Lesson } from '../lessons/lesson';
import { parseLesson } from '../lessons/parseLesson';
import { BUNDLED_CATALOG_VERSION, entryOf, type BundledCatalog } from './lessonEntry';
import { buildLessonPacks, type LessonPack } from './lessonPack';
import { quizCueDiagnostics, setCueDiagnostics } from '../lessons/quizCues';
import { readingTimeDiagnostics } from '../lessons/readingTime';
import { checkTranslations, UNDETERMINED_LOCALE } from '../lessons/translations';

export { lessonIdFromPath, sortLessons, type LessonFile } from './catalogIndex';

function parseAll(files: readonly LessonFile[]): ParsedSet<Lesson> {
	return readAll(files, ({ file, locale, text }) => {
		const { lesson, diagnostics } = parseLesson(text, file, { expectedId: lessonIdFromPath(file), locale });
		return lesson ? { item: lesson, diagnostics } : { diagnostics };
	});
}

/**
 * Parses every file (the id a file must have is its name without `.md`), reports `duplicate-lesson-id` within a
 * locale, and keeps one lesson per id: the `preferredLocale` version (`ja-JP` matches `ja`), else English, else
 * the first remaining locale in alphabetical order. Lessons with errors are left out; their diagnostics are
 * returned with every other. The result is in {@link sortLessons} order.
 */
export function buildCatalog(files: readonly LessonFile[], preferredLocale: string): { lessons: Lesson[]; diagnostics: Diagnostic[] } {
	const { lessons, diagnostics } = parseAll(files);
	return { lessons: sortLessons(chooseLocale(lessons, preferredLocale)), diagnostics };
}

/**
 * The catalog of the bundled lessons and their packs (build/catalog.mjs writes them): every file of every locale
 * that parses, in file order, with the parser's entry; and the parsed lessons, one pack per locale. The build fails
 * on any error among `diagnostics`.
 */
export function buildBundledCatalog(files: readonly LessonFile[]): { catalog: BundledCatalog; packs: LessonPack[]; diagnostics: Diagnostic[] } {
	const { lessons, files: lessonFiles, diagnostics } = parseAll(files);
	const entries = lessons.map((lesson, i) => ({ ...entryOf(lesson), file: lessonFiles[i] ?? '' }));
	return { catalog: { version: BUNDLED_CATALOG_VERSION, lessons: entries }, packs: buildLessonPacks(lessons), diagnostics };
}

/**
 * Every diagnostic for a set of lesson files in any locales (what the CLI prints): each file's own, duplicate ids
 * per locale, answer cues per quiz and per locale (../lessons/quizCues), reading times (../lessons/readingTime), and — when the set
 * holds more than one locale — translation parity (see ../lessons/translations).
 */
export function lintFiles(files: readonly LessonFile[]): Diagnostic[] {
	const { lessons, files: lessonFiles, diagnostics } = parseAll(files);
	const all = lessons.map((lesson, i) => ({ lesson, file: lessonFiles[i] ?? '' }));
	const texts = new Map(files.map((f) => [f.file, f.text]));
	const advice = all.flatMap(({ lesson, file }) => lessonAdvice(lesson, file, texts.get(file) ?? ''));
	const located = all.filter((l) => l.lesson.locale !== UNDETERMINED_LOCALE);
	return [...diagnostics, ...advice, ...checkTranslations(located), ...setCueDiagnostics(all)];
}

/** Advice on one usable lesson beyond its format: answer cues in its quizzes and an honest reading time. */
export function lessonAdvice(lesson: Lesson, file: string, text: string): Diagnostic[] {
	return [...quizCueDiagnostics(lesson, file), ...readingTimeDiagnostics(lesson, file, text)];
}
