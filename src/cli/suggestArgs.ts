/** Arguments of `incident-lessons suggest` → what to do. Pure. */
import { LESSON_LOCALES, type LessonLocale } from '../core/lessons/lesson';
import { choiceOption, lessonsFolderOption, scanOptions } from './optionScan';
import { SUGGEST_FORMATS, type SuggestFormat } from './sarif/ciFormats';

/** `incident-lessons suggest`, read from the command line. */
export interface SuggestCommand {
	readonly kind: 'suggest';
	/** Source files and folders to scan. */
	readonly paths: readonly string[];
	/** Lesson folders to take triggers from instead of the bundled lessons. */
	readonly lessons: readonly string[];
	/** The language of lesson titles and reasons. */
	readonly lang: LessonLocale;
	/** SARIF logs whose findings are mapped to lessons (instead of scanning `paths`). */
	readonly sarif: readonly string[];
	readonly format: SuggestFormat;
}

/** The usage lines of `suggest`, for the CLI's help. */
export const SUGGEST_USAGE = `  incident-lessons suggest <file|dir>... [--lessons <dir>]... [--lang en|ja]
  incident-lessons suggest --sarif <file.sarif>... [--lessons <dir>]... [--lang en|ja]
                                        list lessons related to code, or to a scanner's findings:
                                        "path:line: lesson-id — why"; --format github|gitlab prints
                                        workflow annotations or a GitLab code quality report`;

/**
 * Reads the arguments after `suggest`: paths, `--lessons <dir>` (repeatable; `--lessons=<dir>` too),
 * `--lang <en|ja>`, `--sarif <file>...` and `--format text|github|gitlab`. `--` ends the options. Returns a usage error message for anything else.
 */
export function parseSuggestArgs(args: readonly string[]): SuggestCommand | { readonly kind: 'usageError'; readonly message: string } {
	const lessons: string[] = [];
	const sarif: string[] = [];
	let lang: LessonLocale = 'en';
	let format: SuggestFormat = 'text';
	const scanned = scanOptions(args, 'suggest', (option) => {
		const { name, value, more } = option;
		if (name === '--lessons') {
			return lessonsFolderOption(option, 'suggest', lessons);
		} else if (name === '--lang') {
			return choiceOption(option, 'suggest', LESSON_LOCALES, (given) => { lang = given; });
		} else if (name === '--format') {
			return choiceOption(option, 'suggest', SUGGEST_FORMATS, (given) => { format = given; });
		} else if (name === '--sarif') {
			// --sarif takes every file up to the next option
			const first = value();
			if (!first) {
				return 'suggest --sarif needs at least one SARIF file';
			}
			sarif.push(first);
			for (let file = more(); file !== undefined; file = more()) {
				sarif.push(file);
			}
		} else {
			return false;
		}
		return true;
	}, '-');
	if ('usage' in scanned) {
		return { kind: 'usageError', message: scanned.usage };
	}
	const { paths } = scanned;
	if (sarif.length > 0 && paths.length > 0) {
		return { kind: 'usageError', message: 'suggest takes files to scan or --sarif logs, not both' };
	}
	if (paths.length === 0 && sarif.length === 0) {
		return { kind: 'usageError', message: 'suggest needs at least one file or folder to scan, or --sarif <file>' };
	}
	return { kind: 'suggest', paths, lessons, lang, sarif, format };
}
