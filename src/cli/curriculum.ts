/** `incident-lessons curriculum <dir|file>...`: the curriculum overview table (docs/curriculum.md is made with it). */
import { buildCatalog, type LessonFile } from '../core/catalog/catalog';
import { curriculumTable } from '../core/catalog/curriculum';
import { findLessonFiles, localeFolder, readLessonText } from './files';
import { formatDiagnostic, type CliOutput } from './output';

/**
 * Prints the overview of the lessons under `paths`, in English where there is an English version.
 * Exits 1 (after printing the problems) when a lesson does not parse, since the table would be incomplete.
 */
export async function runCurriculum(paths: readonly string[], cwd: string, output: CliOutput): Promise<number> {
	const { files, problems } = await findLessonFiles(paths, cwd);
	const texts: LessonFile[] = [];
	for (const file of files) {
		const { text, diagnostics } = await readLessonText(file);
		problems.push(...diagnostics);
		if (text !== undefined) {
			texts.push({ file: file.display, locale: localeFolder(file.absolute) ?? 'en', text });
		}
	}
	const { lessons, diagnostics } = buildCatalog(texts, 'en');
	const errors = [...problems, ...diagnostics].filter((d) => d.severity === 'error');
	for (const d of errors) {
		output.stderr(`${formatDiagnostic(d)}\n`);
	}
	output.stdout(curriculumTable(lessons));
	return errors.length > 0 ? 1 : 0;
}
