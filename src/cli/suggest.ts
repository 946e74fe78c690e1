/** `incident-lessons suggest <file|dir>...`: which lessons relate to which lines of a codebase. */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { buildCatalog, type LessonFile } from '../core/catalog/catalog';
import { languageOfPath } from '../core/suggestions/languages';
import type { Lesson } from '../core/lessons/lesson';
import { compileTriggers, scanDocument, type TriggerIndex } from '../core/suggestions/triggerMatch';
import { findLessonFiles, localeFolder, readLessonText } from './files';
import { oneLine, type CliOutput } from './output';
import { formatHits, type LessonHit } from './sarif/ciFormats';
import { runSarifSuggest } from './sarif/sarifSuggest';
import { findSourceFiles, readSourceText } from './sourceFiles';
import type { SuggestCommand } from './suggestArgs';

/** Scan limits per file: the CLI is not interactive, so it allows more time than the editor. */
const CLI_SCAN = { budgetMs: 1000, maxChars: 1_000_000, maxMatchesPerTrigger: 20 } as const;

/** The bundled `lessons/` folder: next to `dist/` in the package, or at the repository root when run from source. */
export function bundledLessonsDir(): string | undefined {
	return [path.resolve(__dirname, '..', 'lessons'), path.resolve(__dirname, '..', '..', 'lessons')]
		.find((dir) => existsSync(path.join(dir, 'en')));
}

/** The lesson folders given, or the bundled one when none is (none at all when it is missing). */
export function lessonDirs(given: readonly string[]): readonly string[] {
	const bundled = given.length > 0 ? undefined : bundledLessonsDir();
	return bundled ? [bundled] : given;
}

/** The lessons under `dirs` in `lang` (else English); files with errors are left out, with a note on stderr. */
export async function loadLessons(dirs: readonly string[], cwd: string, lang: string, output: CliOutput): Promise<Lesson[]> {
	const { files, problems } = await findLessonFiles(dirs, cwd);
	const texts: LessonFile[] = [];
	for (const file of files) {
		const { text } = await readLessonText(file);
		if (text !== undefined) {
			texts.push({ file: file.display, locale: localeFolder(file.absolute) ?? 'und', text });
		}
	}
	const { lessons, diagnostics } = buildCatalog(texts, lang);
	const broken = new Set([...problems, ...diagnostics].filter((d) => d.severity === 'error').map((d) => d.file));
	if (broken.size > 0) {
		output.stderr(`incident-lessons: ${broken.size} lesson file${broken.size === 1 ? '' : 's'} with errors left out (run "incident-lessons lint")\n`);
	}
	return lessons;
}

function reportProblems(index: TriggerIndex, output: CliOutput): void {
	for (const p of index.problems) {
		output.stderr(`incident-lessons: ${oneLine(`lesson ${p.lessonId}, line ${p.line}: trigger left out: ${p.message}`)}\n`);
	}
}

/**
 * Scans the files under `paths` against the triggers of the bundled lessons (or of `--lessons` folders) and prints
 * `path:line: lesson-id — why` per match, in file order, then a summary on stderr. Returns 0 when the scan ran
 * (with or without matches) and 2 when a path cannot be read or no lessons were found.
 */
export async function runSuggest(command: SuggestCommand, cwd: string, output: CliOutput): Promise<number> {
	const lessons = await loadLessons(lessonDirs(command.lessons), cwd, command.lang, output);
	if (lessons.length === 0) {
		output.stderr('incident-lessons: no lessons found to take triggers from\n');
		return 2;
	}
	if (command.sarif.length > 0) {
		return runSarifSuggest(command, lessons, cwd, output);
	}
	const index = compileTriggers(lessons.map((l) => ({ lessonId: l.meta.id, title: l.meta.title, triggers: l.meta.triggers })));
	reportProblems(index, output);
	const { files, missing, problems } = await findSourceFiles(command.paths, cwd);
	if (missing.length > 0) {
		output.stderr(missing.map((m) => `incident-lessons: ${oneLine(m)}\n`).join(''));
		return 2;
	}
	const hits: LessonHit[] = [];
	const skipped: string[] = [...problems];
	for (const file of files) {
		const read = await readSourceText(file);
		if ('skipped' in read) {
			skipped.push(`${file.display}: ${read.skipped}`);
			continue;
		}
		const subject = file.display.split(path.sep).join('/');
		const result = scanDocument(index, { path: subject, languageId: languageOfPath(file.display), text: read.text }, { ...CLI_SCAN, clock: () => performance.now() });
		if (result.status !== 'complete') {
			skipped.push(`${file.display}: ${result.status === 'tooLarge' ? 'too large' : 'scan stopped after the time limit'}`);
		}
		for (const m of result.matches) {
			hits.push({ path: file.display, line: m.line, lessonId: m.lessonId, title: m.title, why: m.why, origin: 'trigger' });
		}
	}
	output.stdout(formatHits(hits, command.format, (hit) => hit.path ?? ''));
	for (const line of skipped) {
		output.stderr(`incident-lessons: skipped ${oneLine(line)}\n`);
	}
	const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
	const related = new Set(hits.map((h) => h.lessonId)).size;
	output.stderr(`${count(files.length, 'file', 'files')} scanned, ${count(hits.length, 'match', 'matches')}, ${count(related, 'related lesson', 'related lessons')}\n`);
	return 0;
}
