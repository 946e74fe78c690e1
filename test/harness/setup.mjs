// What the runners need before a server or a browser starts, installed on demand by the harness's scripts. A missing
// piece ends the run with the one line its script printed (what to install), not a stack trace.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = path.dirname(fileURLToPath(import.meta.url));

/** A setup script failed after printing why: runners exit without adding a stack trace. */
export class SetupError extends Error {}

function runScript(name, args = []) {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', [path.join(HARNESS, name), ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
		child.on('error', (error) => reject(new SetupError(`could not run ${name}: ${error.message}`)));
		child.on('exit', (code, signal) => code === 0 ? resolve() : reject(new SetupError(`${name} failed (${signal ?? code})`)));
	});
}

let codeServer;
/** Installs code-server on first use (installCodeServer.sh); later calls share the same promise. */
export function ensureCodeServer() {
	codeServer ??= runScript('installCodeServer.sh');
	return codeServer;
}

let browser;
/** Chromium (and the CJK font for screenshots), installed with apt-get where possible (systemPackages.sh). */
export function ensureBrowser() {
	browser ??= runScript('systemPackages.sh', ['browser']);
	return browser;
}

/** A runner's exit code for an error: a SetupError's script has said what is missing; anything else is shown. */
export function failureExitCode(error) {
	if (!(error instanceof SetupError)) console.error(error);
	return 1;
}
