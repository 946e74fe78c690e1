/** `incident-lessons lint <file|dir>...`: checks lesson files with the same parser the extension uses. */
import { lintFiles } from '../core/catalog/catalog';
import type { Diagnostic } from '../core/lessons/lesson';
import { lintTriggerFiles } from '../core/suggestions/triggerLint';
import { lintExerciseFiles, type LocatedLessonFile } from './exercise/lintExercises';
import { findLessonFiles, localeFolder, readLessonText } from './files';
import { formatDiagnostic, formatSummary, type CliOutput } from './output';

/**
 * Lints every lesson file under `paths` (relative to `cwd`), duplicate ids checked per locale folder.
 * Prints one line per problem to stdout and a summary to stderr. Returns the exit code: 1 when there is an
 * error (unreadable paths included), else 0.
 */
export async function runLint(paths: readonly string[], cwd: string, output: CliOutput): Promise<number> {
	const { files, problems } = await findLessonFiles(paths, cwd);
	const byFile = new Map<string, Diagnostic[]>();
	const texts: LocatedLessonFile[] = [];
	for (const file of files) {
		const { text, diagnostics } = await readLessonText(file);
		byFile.set(file.display, [...diagnostics]);
		if (text !== undefined) {
			// Files outside a locale folder form their own group (`und`, undetermined) for the duplicate-id check.
			texts.push({ file: file.display, locale: localeFolder(file.absolute) ?? 'und', text, absolute: file.absolute });
		}
	}
	// Trigger and exercise patterns are checked here, not by the parser, so that loading lessons never loads the RE2
	// engine; exercises' referenced files are read here too.
	for (const diagnostic of [...lintFiles(texts), ...lintTriggerFiles(texts), ...await lintExerciseFiles(texts)]) {
		byFile.get(diagnostic.file)?.push(diagnostic);
	}
	const byPosition = (a: Diagnostic, b: Diagnostic): number => a.line - b.line || a.column - b.column;
	const all = [...problems, ...[...byFile.values()].flatMap((list) => list.sort(byPosition))];
	for (const diagnostic of all) {
		output.stdout(`${formatDiagnostic(diagnostic)}\n`);
	}
	const errors = all.filter((d) => d.severity === 'error').length;
	const fileCount = files.length + new Set(problems.map((d) => d.file)).size;
	output.stderr(`${formatSummary(fileCount, errors, all.length - errors)}\n`);
	return errors > 0 ? 1 : 0;
}
