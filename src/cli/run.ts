/** The CLI as a function: arguments in, exit code out, so tests can run it without a process. */
import { version } from '../../package.json';
import { parseArgs, USAGE } from './args';
import { runCurriculum } from './curriculum';
import { runEvidence } from './evidence/evidence';
import { runExercise } from './exercise/exerciseCommand';
import { runLint } from './lint';
import { oneLine, terminalSafe, type CliOutput } from './output';
import { runRender } from './render';
import { runReport } from './report/report';
import { runCoverage } from './sarif/coverage';
import { runSuggest } from './suggest';
import { runXapi } from './xapi/xapi';

/**
 * Runs `incident-lessons` with `argv` (the arguments after the script). Returns the exit code: 0 success,
 * 1 a lesson has errors, 2 a usage error or an unexpected failure. Never throws and never prints a stack trace;
 * everything printed goes through {@link terminalSafe}.
 */
export async function runCli(argv: readonly string[], cwd: string, raw: CliOutput): Promise<number> {
	const output = terminalSafe(raw);
	try {
		const command = parseArgs(argv);
		switch (command.kind) {
			case 'help':
				output.stdout(`${USAGE}\n`);
				return 0;
			case 'version':
				output.stdout(`${version}\n`);
				return 0;
			case 'usageError':
				output.stderr(`incident-lessons: ${command.message}\n${USAGE}\n`);
				return 2;
			case 'lint':
				return await runLint(command.paths, cwd, output);
			case 'render':
				return await runRender(command.file, cwd, output);
			case 'curriculum':
				return await runCurriculum(command.paths, cwd, output);
			case 'report':
				return await runReport(command, cwd, output);
			case 'evidence':
				return await runEvidence(command, cwd, output);
			case 'suggest':
				return await runSuggest(command, cwd, output);
			case 'xapi':
				return await runXapi(command, cwd, output);
			case 'exercise':
				return await runExercise(command, cwd, output);
			case 'coverage':
				return await runCoverage(command, cwd, output);
		}
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		output.stderr(`incident-lessons: ${oneLine(message)}\n`);
		return 2;
	}
}
