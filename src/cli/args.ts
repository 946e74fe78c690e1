/** Command-line arguments → what to do. Pure. */
import { EVIDENCE_USAGE, parseEvidenceArgs, type EvidenceCommand } from './evidence/evidenceArgs';
import { EXERCISE_USAGE, parseExerciseArgs, type ExerciseCommand } from './exercise/exerciseArgs';
import { parseReportArgs, REPORT_USAGE, type ReportCommand } from './report/reportArgs';
import { COVERAGE_USAGE, parseCoverageArgs, type CoverageCommand } from './sarif/coverage';
import { parseSuggestArgs, SUGGEST_USAGE, type SuggestCommand } from './suggestArgs';
import { parseXapiArgs, XAPI_USAGE, type XapiCommand } from './xapi/xapiArgs';

export type CliCommand =
	| { readonly kind: 'help' }
	| { readonly kind: 'version' }
	| { readonly kind: 'lint'; readonly paths: readonly string[] }
	| { readonly kind: 'render'; readonly file: string }
	| { readonly kind: 'curriculum'; readonly paths: readonly string[] }
	| ReportCommand
	| EvidenceCommand
	| SuggestCommand
	| XapiCommand
	| ExerciseCommand
	| CoverageCommand
	| { readonly kind: 'usageError'; readonly message: string };

export const USAGE = `Usage:
  incident-lessons lint <file|dir>...   check lesson files (folders are searched for *.md)
  incident-lessons render <file>        print the HTML the lesson panel shows
  incident-lessons curriculum <dir>...  print the curriculum overview (Markdown table)
${COVERAGE_USAGE}
${REPORT_USAGE}
${EVIDENCE_USAGE}
${SUGGEST_USAGE}
${XAPI_USAGE}
${EXERCISE_USAGE}
  incident-lessons --help               show this help
  incident-lessons --version            show the version

lint prints one line per problem, "path:line:column: error|warning: message (rule)",
and exits with 1 when there is an error, 0 otherwise (2 for a usage error).`;

/**
 * Reads the arguments after `node cli.js`. `--help`/`-h` and `--version`/`-V` win over anything else;
 * `--` ends the options, so a file may be called `--odd.md`.
 */
export function parseArgs(argv: readonly string[]): CliCommand {
	const dashDash = argv.indexOf('--');
	const options = dashDash < 0 ? argv : argv.slice(0, dashDash);
	if (options.includes('--help') || options.includes('-h')) {
		return { kind: 'help' };
	}
	if (options.includes('--version') || options.includes('-V')) {
		return { kind: 'version' };
	}
	// report has options of its own (--csv, --html, --today)
	if (argv[0] === 'report') {
		return parseReportArgs(argv.slice(1));
	}
	// evidence has options of its own (--out, --force, --cycle, --requirement, --today, --lessons)
	if (argv[0] === 'evidence') {
		return parseEvidenceArgs(argv.slice(1));
	}
	if (argv[0] === 'curriculum' && options.includes('--coverage')) {
		return parseCoverageArgs(argv.slice(1));
	}
	// suggest has options of its own (--lessons, --lang, --sarif, --format)
	if (argv[0] === 'suggest') {
		return parseSuggestArgs(argv.slice(1));
	}
	// xapi has options of its own (--home-page, --base, --lang, --lrs)
	if (argv[0] === 'xapi') {
		return parseXapiArgs(argv.slice(1));
	}
	// exercise has subcommands and options of its own (--solution, --force)
	if (argv[0] === 'exercise') {
		return parseExerciseArgs(argv.slice(1));
	}
	const unknown = options.find((arg) => arg.startsWith('-') && arg !== '-');
	if (unknown !== undefined) {
		return { kind: 'usageError', message: `unknown option "${unknown}"` };
	}
	const [command, ...rest] = argv.filter((_, index) => index !== dashDash);
	switch (command) {
		case undefined:
			return { kind: 'usageError', message: 'no command given' };
		case 'lint':
			return rest.length > 0 ? { kind: 'lint', paths: rest } : { kind: 'usageError', message: 'lint needs at least one file or folder' };
		case 'curriculum':
			return rest.length > 0 ? { kind: 'curriculum', paths: rest } : { kind: 'usageError', message: 'curriculum needs at least one file or folder' };
		case 'render':
			return rest.length === 1 && rest[0] !== undefined ? { kind: 'render', file: rest[0] } : { kind: 'usageError', message: 'render needs exactly one file' };
		default:
			return { kind: 'usageError', message: `unknown command "${command}"` };
	}
}
