/** `incident-lessons render <file>`: prints the lesson HTML exactly as the lesson panel gets it. */
import * as path from 'node:path';
import { lessonIdFromPath } from '../core/catalog/catalog';
import { parseLesson } from '../core/lessons/parseLesson';
import { renderLesson } from '../core/page/render';
import { localeFolder, readLessonText } from './files';
import { formatDiagnostic, type CliOutput } from './output';

/**
 * Parses and renders one lesson file. Prints the HTML to stdout and returns 0; when the file has errors,
 * prints its diagnostics to stderr instead and returns 1 (warnings are printed to stderr and do not stop it).
 */
export async function runRender(file: string, cwd: string, output: CliOutput): Promise<number> {
	const absolute = path.resolve(cwd, file);
	const read = await readLessonText({ display: file, absolute });
	const parsed = read.text === undefined
		? { diagnostics: read.diagnostics }
		: parseLesson(read.text, file, { expectedId: lessonIdFromPath(file), locale: localeFolder(absolute) ?? 'en' });
	for (const diagnostic of parsed.diagnostics) {
		output.stderr(`${formatDiagnostic(diagnostic)}\n`);
	}
	if (!parsed.lesson) {
		return 1;
	}
	output.stdout(`${renderLesson(parsed.lesson)}\n`);
	return 0;
}
