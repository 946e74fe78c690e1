/** Arguments of `incident-lessons report` → what to do. Pure. */
import { LESSON_LOCALES, type LessonLocale } from '../../core/lessons/lesson';
import { isDueDate } from '../../core/team/dueDates';
import { choiceOption, lessonsFolderOption, scanOptions } from '../optionScan';

export interface ReportCommand {
	readonly kind: 'report';
	/** Report files and folders (searched for `*.json`). */
	readonly paths: readonly string[];
	/** What goes to standard output. */
	readonly format: 'markdown' | 'csv';
	/** Also write the HTML page here. */
	readonly html?: string;
	/** The day overdue is measured against (`YYYY-MM-DD`); today when absent. */
	readonly today?: string;
	/** Print the question-level analysis instead of the team table (and add it to the HTML page). */
	readonly items: boolean;
	/** Lesson folders for the questions' wording instead of the bundled lessons. */
	readonly lessons: readonly string[];
	readonly lang: LessonLocale;
}

export const REPORT_USAGE = `  incident-lessons report <file|dir>... [--csv] [--html <out.html>] [--today <YYYY-MM-DD>]
                       [--items [--lessons <dir>]... [--lang en|ja]]
                                        fold learners' progress reports (*.json) into a team table;
                                        --items: per question, right first try and the most held wrong answer`;

/**
 * Reads the arguments after `report`: paths, `--csv`, `--html <file>` (or `--html=<file>`), `--today <date>`,
 * `--items`, `--lessons <dir>` (repeatable) and `--lang <en|ja>`.
 * `--` ends the options. Returns a usage error message for anything else.
 */
export function parseReportArgs(args: readonly string[]): ReportCommand | { readonly kind: 'usageError'; readonly message: string } {
	let format: ReportCommand['format'] = 'markdown';
	let html: string | undefined;
	let today: string | undefined;
	let items = false;
	const lessons: string[] = [];
	let lang: LessonLocale = 'en';
	const scanned = scanOptions(args, 'report', (option) => {
		const { name, value } = option;
		if (name === '--csv') {
			format = 'csv';
		} else if (name === '--html') {
			html = value();
			if (!html) {
				return 'report --html needs a file name, e.g. --html team.html';
			}
		} else if (name === '--today') {
			today = value();
			if (!today || !isDueDate(today)) {
				return 'report --today needs a date written YYYY-MM-DD';
			}
		} else if (name === '--items') {
			items = true;
		} else if (name === '--lessons') {
			return lessonsFolderOption(option, 'report', lessons);
		} else if (name === '--lang') {
			return choiceOption(option, 'report', LESSON_LOCALES, (given) => { lang = given; });
		} else {
			return false;
		}
		return true;
	});
	if ('usage' in scanned) {
		return { kind: 'usageError', message: scanned.usage };
	}
	const { paths } = scanned;
	if (paths.length === 0) {
		return { kind: 'usageError', message: 'report needs at least one report file or folder' };
	}
	if (!items && (lessons.length > 0 || lang !== 'en')) {
		return { kind: 'usageError', message: 'report --lessons and --lang go with --items' };
	}
	return { kind: 'report', paths, format, items, lessons, lang, ...(html !== undefined ? { html } : {}), ...(today !== undefined ? { today } : {}) };
}
