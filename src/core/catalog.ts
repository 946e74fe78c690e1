/**
 * The lesson catalog: many lesson files (all locales) in, one lesson per id out, in display order.
 * Also the whole-set lint used by the CLI. Pure.
 */
import type { Diagnostic, Lesson } from './lesson';
import { parseLesson } from './parseLesson';
import { checkTranslations, UNDETERMINED_LOCALE } from './translations';
import { createDiagnostic } from './rules';
import { splitLines } from './text';

/** A lesson file already read and decoded. `file` is what diagnostics call it; `locale` e.g. `en`. */
export interface LessonFile {
	readonly file: string;
	readonly locale: string;
	readonly text: string;
}

/** The file name without folders and without a `.md` ending: `lessons/en/log4shell.md` → `log4shell`. */
export function lessonIdFromPath(file: string): string {
	const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
	return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}

/** Sorts lessons by track, then `order`, then title, then id (a stable display order). Returns a new array. */
export function sortLessons(lessons: readonly Lesson[]): Lesson[] {
	return [...lessons].sort((a, b) =>
		compareText(a.meta.track, b.meta.track)
		|| a.meta.order - b.meta.order
		|| a.meta.title.localeCompare(b.meta.title)
		|| compareText(a.meta.id, b.meta.id));
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The 1-based line of the front matter `id:` key, for pointing at duplicate ids (1 when not found). */
function idLine(text: string): number {
	const lines = splitLines(text.replace(/^\uFEFF/, ''));
	for (let index = 1; index < lines.length; index++) {
		const line = lines[index] ?? '';
		if (/^---[ \t]*$/.test(line)) {
			break;
		}
		if (/^id[ \t]*:/.test(line)) {
			return index + 1;
		}
	}
	return 1;
}

interface ParsedSet {
	/** Usable lessons, at most one per locale and id (the first file wins). */
	readonly lessons: Lesson[];
	/** The file each of `lessons` came from, by index. */
	readonly files: string[];
	readonly diagnostics: Diagnostic[];
}

function parseAll(files: readonly LessonFile[]): ParsedSet {
	const lessons: Lesson[] = [];
	const lessonFiles: string[] = [];
	const diagnostics: Diagnostic[] = [];
	const firstFile = new Map<string, string>();
	for (const { file, locale, text } of files) {
		const result = parseLesson(text, file, { expectedId: lessonIdFromPath(file), locale });
		diagnostics.push(...result.diagnostics);
		const lesson = result.lesson;
		if (!lesson) {
			continue;
		}
		const key = `${locale}\u0000${lesson.meta.id}`;
		const other = firstFile.get(key);
		if (other !== undefined) {
			const message = `lesson id "${lesson.meta.id}" is already used by ${other}${locale ? ` (locale ${locale})` : ''}`;
			diagnostics.push(createDiagnostic(file, 'duplicate-lesson-id', message, { line: idLine(text), column: 1 }));
			continue;
		}
		firstFile.set(key, file);
		lessons.push(lesson);
		lessonFiles.push(file);
	}
	return { lessons, files: lessonFiles, diagnostics };
}

function primaryLanguage(locale: string): string {
	return locale.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** How well a lesson's locale suits the learner: lower is better. */
function localeRank(locale: string, preferred: string): number {
	if (locale === preferred) {
		return 0;
	}
	if (primaryLanguage(locale) === primaryLanguage(preferred)) {
		return 1;
	}
	return locale === 'en' ? 2 : 3;
}

/**
 * Parses every file (the id a file must have is its name without `.md`), reports `duplicate-lesson-id` within a
 * locale, and keeps one lesson per id: the `preferredLocale` version (`ja-JP` matches `ja`), else English, else
 * the first remaining locale in alphabetical order. Lessons with errors are left out; their diagnostics are
 * returned with every other. The result is in {@link sortLessons} order.
 */
export function buildCatalog(files: readonly LessonFile[], preferredLocale: string): { lessons: Lesson[]; diagnostics: Diagnostic[] } {
	const { lessons, diagnostics } = parseAll(files);
	const chosen = new Map<string, Lesson>();
	for (const lesson of lessons) {
		const current = chosen.get(lesson.meta.id);
		if (!current) {
			chosen.set(lesson.meta.id, lesson);
			continue;
		}
		const rank = localeRank(lesson.locale, preferredLocale) - localeRank(current.locale, preferredLocale);
		if (rank < 0 || (rank === 0 && lesson.locale < current.locale)) {
			chosen.set(lesson.meta.id, lesson);
		}
	}
	return { lessons: sortLessons([...chosen.values()]), diagnostics };
}

/**
 * Every diagnostic for a set of lesson files in any locales (what the CLI prints): each file's own, duplicate ids
 * per locale, and — when the set holds more than one locale — translation parity (see ./translations).
 */
export function lintFiles(files: readonly LessonFile[]): Diagnostic[] {
	const { lessons, files: lessonFiles, diagnostics } = parseAll(files);
	const located = lessons.map((lesson, i) => ({ lesson, file: lessonFiles[i] ?? '' })).filter((l) => l.lesson.locale !== UNDETERMINED_LOCALE);
	return [...diagnostics, ...checkTranslations(located)];
}
