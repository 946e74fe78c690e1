/** `incident-lessons curriculum --coverage [<dir>...] [--sarif <file>...]`: what the lessons cover, and what they do not. */
import { coverageReport } from '../../core/findings/coverage';
import type { Finding } from '../../core/findings/sarif';
import { oneLine, type CliOutput } from '../output';
import { bundledLessonsDir, loadLessons } from '../suggest';
import { readSarifFiles } from './sarifFiles';

export interface CoverageCommand {
	readonly kind: 'coverage';
	/** The team's own lesson folders, read with the bundled lessons. */
	readonly lessons: readonly string[];
	readonly sarif: readonly string[];
}

export const COVERAGE_USAGE = `  incident-lessons curriculum --coverage [<dir>...] [--sarif <file.sarif>...]
                                        the CWE ids and OWASP Top 10 categories the bundled lessons
                                        (and those in <dir>) teach, and the findings no lesson teaches`;

/** The arguments after `curriculum` when they hold `--coverage`: lesson folders, and SARIF files after `--sarif`. */
export function parseCoverageArgs(args: readonly string[]): CoverageCommand | { readonly kind: 'usageError'; readonly message: string } {
	const lessons: string[] = [];
	const sarif: string[] = [];
	let target = lessons;
	for (const arg of args) {
		if (arg === '--coverage') {
			target = lessons;
		} else if (arg === '--sarif') {
			target = sarif;
		} else if (arg.startsWith('-') && arg !== '-') {
			return { kind: 'usageError', message: `unknown option "${arg}" for curriculum --coverage` };
		} else {
			target.push(arg);
		}
	}
	if (args.includes('--sarif') && sarif.length === 0) {
		return { kind: 'usageError', message: 'curriculum --sarif needs at least one SARIF file' };
	}
	return { kind: 'coverage', lessons, sarif };
}

/** Prints the coverage report (Markdown). Returns 2 when a SARIF log cannot be read, else 0. */
export async function runCoverage(command: CoverageCommand, cwd: string, output: CliOutput): Promise<number> {
	const bundled = bundledLessonsDir();
	const lessons = await loadLessons([...(bundled ? [bundled] : []), ...command.lessons], cwd, 'en', output);
	let failed = false;
	let findings: Finding[] | undefined;
	if (command.sarif.length > 0) {
		findings = [];
		for (const { display, read } of await readSarifFiles(command.sarif, cwd)) {
			if (read.error !== undefined) {
				output.stderr(`incident-lessons: ${oneLine(`${display}: ${read.error}`)}\n`);
				failed = true;
			}
			findings.push(...read.findings);
		}
	}
	output.stdout(coverageReport(lessons, findings));
	return failed ? 2 : 0;
}
