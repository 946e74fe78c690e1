/**
 * The lesson catalog: many lesson files (all locales) in, one fully parsed lesson per id out, in display order.
 * Also the whole-set lint used by the CLI. Pure. (The extension's list uses ./catalogIndex, which reads no YAML.)
 */
import { chooseLocale, lessonIdFromPath, readAll, sortLessons, type LessonFile, type ParsedSet } from './catalogIndex';
import type { Diagnostic, Lesson } from '../lessons/lesson';
import { parseLesson } from '../lessons/parseLesson';
import { quizCueDiagnostics, setCueDiagnostics } from '../lessons/quizCues';
import { readingTimeDiagnostics } from '../lessons/readingTime';
import { checkTranslations, UNDETERMINED_LOCALE } from '../lessons/translations';

export { buildCatalogIndex, lessonIdFromPath, sortLessons, type IndexedLesson, type LessonFile } from './catalogIndex';

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
