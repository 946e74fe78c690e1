/**
 * Lessons a team keeps in its repository (`.incident-lessons/lessons/**.md`): the same format and parser as
 * bundled lessons, as a second catalog beside them. Progress is keyed by lesson id, so a workspace lesson can
 * never take a bundled lesson's id: such a file gets a `duplicate-lesson-id` error and is left out. Pure.
 */
import { buildCatalog, lessonAdvice, lessonIdFromPath, type LessonFile } from './catalog';
import { idLine } from './catalogIndex';
import type { Diagnostic, Lesson } from '../lessons/lesson';
import { parseLesson } from '../lessons/parseLesson';
import { createDiagnostic } from '../lessons/rules';
import { splitLines, stripBom } from '../shared/text';

/** Where workspace lessons live, relative to a workspace folder. */
export { WORKSPACE_LESSONS_PATH } from '../shared/paths';

function collision(file: LessonFile, id: string): Diagnostic {
	const line = idLine(file.text);
	const length = splitLines(stripBom(file.text))[line - 1]?.length ?? 1;
	const message = `lesson id "${id}" is already used by a lesson bundled with Incident Lessons; workspace lessons never replace bundled ones, so this one is not shown (rename the file and its id)`;
	return createDiagnostic(file.file, 'duplicate-lesson-id', message, { line, column: 1, endLine: line, endColumn: Math.max(length, 1) });
}

/**
 * Builds the workspace catalog: {@link buildCatalog} over the files (a file's locale is its `en`/`ja` folder, or
 * `und`), minus lessons whose id a bundled lesson has. `fileOf` maps each kept lesson id to the file shown.
 */
export function buildWorkspaceCatalog(files: readonly LessonFile[], preferredLocale: string, bundledIds: ReadonlySet<string>): { lessons: Lesson[]; diagnostics: Diagnostic[]; fileOf: ReadonlyMap<string, string> } {
	const { lessons, diagnostics } = buildCatalog(files, preferredLocale);
	for (const file of files) {
		const id = lessonIdFromPath(file.file);
		if (bundledIds.has(id)) {
			diagnostics.push(collision(file, id));
		}
	}
	const kept = lessons.filter((l) => !bundledIds.has(l.meta.id));
	const fileOf = new Map<string, string>();
	for (const lesson of kept) {
		const file = files.find((f) => lessonIdFromPath(f.file) === lesson.meta.id && f.locale === lesson.locale);
		if (file) {
			fileOf.set(lesson.meta.id, file.file);
		}
	}
	return { lessons: kept, diagnostics, fileOf };
}

/**
 * Every diagnostic for one workspace lesson as it is being edited: the parser's, the lesson advice of the CLI's lint
 * (answer cues, reading time), plus a clash with a bundled id.
 */
export function lintWorkspaceLesson(file: LessonFile, bundledIds: ReadonlySet<string>): Diagnostic[] {
	const id = lessonIdFromPath(file.file);
	const { lesson, diagnostics } = parseLesson(file.text, file.file, { expectedId: id, locale: file.locale });
	const all = lesson ? [...diagnostics, ...lessonAdvice(lesson, file.file, file.text)] : [...diagnostics];
	return bundledIds.has(id) ? [...all, collision(file, id)] : all;
}
