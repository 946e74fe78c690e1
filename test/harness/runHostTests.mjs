// Runs the mocha suite in test/host inside the real VS Code extension host (code-server + headless chromium).
// The workbench's `payload` URL parameter carries extensionDevelopmentPath / extensionTestsPath, as VS Code's own
// "open extension development window" does; VS Code reports the result through window.codeAutomationExit(code).
// Needs `npm run build` first. Env: TEST_TIMEOUT_MS, EXT_DEV_PATH, EXT_TESTS_PATH, DEBUG_BROWSER.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { ROOT, launchBrowser, logTail, remoteUri, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureBrowser, ensureCodeServer, failureExitCode } from './setup.mjs';

const extensionPath = path.resolve(process.env.EXT_DEV_PATH ?? ROOT);
const testsPath = path.resolve(process.env.EXT_TESTS_PATH ?? path.join(ROOT, 'out/test/host/index.js'));
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 180_000);
/** Workbench noise on an offline machine: the extension gallery lookup fails. */
const HARMLESS = /ENOTFOUND open-vsx\.org/;

/** Opens the workbench with the test payload and resolves with the exit code VS Code reports, or 'timeout'. */
async function runInWorkbench(browser, cs) {
	const page = await browser.newPage();
	let report;
	const exited = new Promise((resolve) => { report = resolve; });
	// test output (mocha's reporter) arrives as console calls forwarded from the extension host
	await page.exposeFunction('codeAutomationLog', (_type, args) => {
		const text = format(...args);
		if (!HARMLESS.test(text)) process.stdout.write(`${text}\n`);
	});
	await page.exposeFunction('codeAutomationExit', (code) => report(code));
	page.on('crash', () => report('page crashed'));
	if (process.env.DEBUG_BROWSER) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
	const payload = { extensionDevelopmentPath: remoteUri(cs, extensionPath), extensionTestsPath: remoteUri(cs, testsPath) };
	await page.goto(workbenchUrl(cs, { payload }));
	let timer;
	const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
	try {
		return await Promise.race([exited, timedOut]);
	} finally {
		clearTimeout(timer);
	}
}

async function main() {
	if (!existsSync(testsPath)) {
		console.error(`${path.relative(ROOT, testsPath)} is missing: run \`npm run build\` first`);
		return 1;
	}
	await ensureBrowser();
	await ensureCodeServer();
	const started = Date.now();
	// The web workbench saves a dirty editor after a second by default; the suites edit documents without saving
	// them (problems as typed), and a save they did not ask for races the one they do.
	const cs = await startCodeServer({ workspaceFrom: path.join(ROOT, 'test/fixtures/workspace'), settings: { 'files.autoSave': 'off' } });
	let browser;
	let result = 'error';
	const stopAll = async (clean = false) => {
		await browser?.close().catch(() => {});
		await cs.stop({ clean });
	};
	process.once('SIGINT', () => stopAll().then(() => process.exit(130)));
	try {
		browser = await launchBrowser({ stateDir: cs.stateDir });
		result = await runInWorkbench(browser, cs);
	} catch (error) {
		console.error(error);
	} finally {
		await stopAll(result === 0);
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result === 0) {
		console.log(`extension host tests passed (${seconds}s)`);
		return 0;
	}
	console.error(`extension host tests failed: ${result === 'timeout' ? `timed out after ${timeoutMs} ms` : `exit ${result}`} (${seconds}s)`);
	console.error(`--- code-server log (${path.relative(ROOT, cs.log)}) ---\n${logTail(cs.log)}`);
	return 1;
}

process.exitCode = await main().catch(failureExitCode);
