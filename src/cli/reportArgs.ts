/** Arguments of `incident-lessons report` → what to do. Pure. */
import { appendAll } from '../core/shared/arrays';
import { isDueDate } from '../core/team/dueDates';

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
}

export const REPORT_USAGE = `  incident-lessons report <file|dir>... [--csv] [--html <out.html>] [--today <YYYY-MM-DD>]
                                        fold learners' progress reports (*.json) into a team table`;

/**
 * Reads the arguments after `report`: paths, `--csv`, `--html <file>` (or `--html=<file>`) and `--today <date>`.
 * `--` ends the options. Returns a usage error message for anything else.
 */
export function parseReportArgs(args: readonly string[]): ReportCommand | { readonly kind: 'usageError'; readonly message: string } {
	const paths: string[] = [];
	let format: ReportCommand['format'] = 'markdown';
	let html: string | undefined;
	let today: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--') {
			appendAll(paths, args.slice(i + 1));
			break;
		}
		const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = (): string | undefined => inline ?? (args[i + 1] !== undefined && !args[i + 1]?.startsWith('--') ? args[++i] : undefined);
		if (name === '--csv') {
			format = 'csv';
		} else if (name === '--html') {
			html = value();
			if (!html) {
				return { kind: 'usageError', message: 'report --html needs a file name, e.g. --html team.html' };
			}
		} else if (name === '--today') {
			today = value();
			if (!today || !isDueDate(today)) {
				return { kind: 'usageError', message: 'report --today needs a date written YYYY-MM-DD' };
			}
		} else if (arg.startsWith('-') && arg !== '-') {
			return { kind: 'usageError', message: `unknown option "${arg}" for report` };
		} else {
			paths.push(arg);
		}
	}
	if (paths.length === 0) {
		return { kind: 'usageError', message: 'report needs at least one report file or folder' };
	}
	return { kind: 'report', paths, format, ...(html !== undefined ? { html } : {}), ...(today !== undefined ? { today } : {}) };
}
