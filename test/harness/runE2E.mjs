// UI tests: packages the extension, installs the VSIX into a fresh code-server and runs test/e2e/*.e2e.mjs with
// `node --test`, one file at a time (they share the server and the workspace folder).
// Each test file drives its own browser via codeServer.mjs (codeServerFromEnv, launchBrowser, workbenchUrl).
// Needs `npm run build` first. Env: E2E_VSIX (use this VSIX instead of packaging), E2E_SETTINGS (JSON merged
// into the user settings). Arguments: e2e files to run instead of all, and/or extra `node --test` flags.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, logTail, packageExtension, startCodeServer } from './codeServer.mjs';
import { ensureBrowser, ensureCodeServer, failureExitCode } from './setup.mjs';

const E2E_DIR = path.join(ROOT, 'test/e2e');
const SHOTS_DIR = path.join(ROOT, 'test-results/screenshots');
const DEFAULT_SETTINGS = { 'workbench.colorTheme': 'Default Dark Modern' };

function selectFiles(args) {
	const named = args.filter((arg) => arg.endsWith('.e2e.mjs')).map((arg) => path.resolve(arg));
	if (named.length > 0) return named;
	if (!existsSync(E2E_DIR)) return [];
	return readdirSync(E2E_DIR).filter((name) => name.endsWith('.e2e.mjs')).sort().map((name) => path.join(E2E_DIR, name));
}

function nodeTest(files, flags, env) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...flags, ...files], { cwd: ROOT, env, stdio: 'inherit' });
		child.on('exit', (code) => resolve(code ?? 1));
	});
}

async function main() {
	const args = process.argv.slice(2);
	const files = selectFiles(args);
	if (files.length === 0) {
		console.log('no e2e tests (test/e2e/*.e2e.mjs): nothing to run');
		return 0;
	}
	await ensureBrowser();
	await ensureCodeServer();
	const vsix = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : await packageExtension();
	const settings = { ...DEFAULT_SETTINGS, ...JSON.parse(process.env.E2E_SETTINGS ?? '{}') };
	const cs = await startCodeServer({ vsixPaths: [vsix], settings, workspaceFrom: path.join(ROOT, 'test/fixtures/workspace') });
	process.once('SIGINT', () => cs.stop().then(() => process.exit(130)));
	mkdirSync(SHOTS_DIR, { recursive: true });
	const env = {
		...process.env,
		CS_URL: cs.url,
		CS_PORT: String(cs.port),
		CS_STATE_DIR: cs.stateDir,
		WS_FOLDER: cs.workspace,
		SHOTS_DIR,
	};
	let code = 1;
	try {
		code = await nodeTest(files, args.filter((arg) => !arg.endsWith('.e2e.mjs')), env);
	} finally {
		await cs.stop({ clean: code === 0 });
	}
	if (code !== 0) console.error(`--- code-server log (${path.relative(ROOT, cs.log)}) ---\n${logTail(cs.log)}`);
	return code;
}

process.exitCode = await main().catch(failureExitCode);
