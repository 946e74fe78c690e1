/**
 * What every list of lessons shares (the full catalog in ./catalog, the bundled catalog's entries in ./lessonEntry):
 * ids from file names, the duplicate-id rule, the choice of locale and the sort. Pure, and without the parser.
 */
import { appendAll } from '../shared/arrays';
import type { Diagnostic } from '../lessons/lesson';
import { createDiagnostic } from '../lessons/rules';
import { compareText, splitLines, stripBom } from '../shared/text';

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

/** What {@link sortLessons} and the locale choice read: a lesson or a catalog entry. */
export interface Listed {
	readonly meta: { readonly id: string; readonly title: string; readonly track: string; readonly order: number };
	readonly locale: string;
}

/** Sorts lessons by track, then `order`, then title, then id (a stable display order). Returns a new array. */
export function sortLessons<T extends Listed>(lessons: readonly T[]): T[] {
	return [...lessons].sort((a, b) =>
		compareText(a.meta.track, b.meta.track)
		|| a.meta.order - b.meta.order
		|| a.meta.title.localeCompare(b.meta.title)
		|| compareText(a.meta.id, b.meta.id));
}

/** The 1-based line of the front matter `id:` key, for pointing at duplicate ids (1 when not found). */
export function idLine(text: string): number {
	return frontMatterKeyLine(text, 'id');
}

/** The 1-based line of the top-level front matter key `key` (a plain word), or 1 when it is not there. */
export function frontMatterKeyLine(text: string, key: string): number {
	const lines = splitLines(stripBom(text));
	const pattern = new RegExp(`^${key}[ \t]*:`);
	for (let index = 1; index < lines.length; index++) {
		const line = lines[index] ?? '';
		if (/^---[ \t]*$/.test(line)) {
			break;
		}
		if (pattern.test(line)) {
			return index + 1;
		}
	}
	return 1;
}

export interface ParsedSet<T> {
	/** Usable lessons, at most one per locale and id (the first file wins). */
	readonly lessons: T[];
	/** The file each of `lessons` came from, by index. */
	readonly files: string[];
	readonly diagnostics: Diagnostic[];
}

/** Reads every file with `read` and drops a second file with the same id in the same locale (`duplicate-lesson-id`). */
export function readAll<T extends Listed>(files: readonly LessonFile[], read: (file: LessonFile) => { item?: T; diagnostics: readonly Diagnostic[] }): ParsedSet<T> {
	const lessons: T[] = [];
	const lessonFiles: string[] = [];
	const diagnostics: Diagnostic[] = [];
	const firstFile = new Map<string, string>();
	for (const lessonFile of files) {
		const { file, locale, text } = lessonFile;
		const result = read(lessonFile);
		appendAll(diagnostics, result.diagnostics);
		const lesson = result.item;
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

/** One item per id: the `preferredLocale` version, else English, else the first remaining locale alphabetically. */
export function chooseLocale<T extends Listed>(items: readonly T[], preferredLocale: string): T[] {
	const chosen = new Map<string, T>();
	for (const item of items) {
		const current = chosen.get(item.meta.id);
		if (!current) {
			chosen.set(item.meta.id, item);
			continue;
		}
		const rank = localeRank(item.locale, preferredLocale) - localeRank(current.locale, preferredLocale);
		if (rank < 0 || (rank === 0 && item.locale < current.locale)) {
			chosen.set(item.meta.id, item);
		}
	}
	return [...chosen.values()];
}
