/** Entry point of `incident-lessons` (bundled to dist/cli.js): binds the CLI to the process. */
import { runCli } from './run';

// A closed pipe (`incident-lessons lint . | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	process.exit(error.code === 'EPIPE' ? 0 : 2);
});

const output = {
	stdout: (text: string): void => void process.stdout.write(text),
	stderr: (text: string): void => void process.stderr.write(text),
};

void runCli(process.argv.slice(2), process.cwd(), output).then((code) => {
	process.exitCode = code;
});
