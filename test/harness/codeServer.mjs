// Runs the real VS Code server + web workbench (code-server from npm) and drives it with Debian's chromium
// through playwright-core. The extension under test runs in the genuine Node extension host.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_DIR = path.join(ROOT, '.vscode-test');
export const VSIX_PATH = path.join(TEST_DIR, 'incident-lessons.vsix');
const CODE_SERVER = path.join(TEST_DIR, 'code-server/node_modules/.bin/code-server');

/** Quiet, deterministic workbench: no welcome page or walkthroughs, no chat, no telemetry, no update checks. */
const BASE_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'telemetry.telemetryLevel': 'off',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'update.mode': 'none',
	'security.workspace.trust.enabled': false,
	'chat.disableAIFeatures': true,
	// test workspaces live inside this repository: no "open the parent git repository?" notification
	'git.openRepositoryInParentFolders': 'never',
};

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs a command to completion; rejects with its captured output when it fails. */
export function run(command, args, { cwd = ROOT, env = process.env, quiet = false } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
		let output = '';
		child.stdout?.on('data', (chunk) => { output += chunk; });
		child.stderr?.on('data', (chunk) => { output += chunk; });
		child.on('error', reject);
		child.on('exit', (code, signal) => code === 0 ? resolve(output)
			: reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})\n${output}`)));
	});
}

export { ensureCodeServer } from './setup.mjs';

/**
 * Packages the extension without node_modules (esbuild already bundled the dependencies).
 * vsce runs `vscode:prepublish` (the build) itself; its file listing is shown only when packaging fails.
 */
export async function packageExtension(out = VSIX_PATH) {
	mkdirSync(path.dirname(out), { recursive: true });
	await run('npx', ['vsce', 'package', '--no-dependencies', '--readme-path', 'dist/README.md', '-o', out], { quiet: true });
	console.log(`packaged ${path.relative(ROOT, out)}`);
	return out;
}

/** Binds `port` (0: any free one) on loopback and releases it again, resolving with the port number. */
export function freePort(port = 0) {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', (error) => reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use`) : error));
		server.listen(port, '127.0.0.1', () => {
			const bound = server.address().port;
			server.close(() => resolve(bound));
		});
	});
}

/** code-server writes config, device ids and caches under HOME/XDG dirs: keep all of that inside the state dir. */
function isolatedEnv(home) {
	return {
		...process.env,
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_DATA_HOME: path.join(home, '.local/share'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
	};
}

function writeSettings(userDataDir, settings, overwrite) {
	const file = path.join(userDataDir, 'User/settings.json');
	if (!overwrite && existsSync(file)) return;
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, '\t')}\n`);
}

function prepareWorkspace(stateDir, workspace, workspaceFrom) {
	if (workspace) return path.resolve(workspace);
	const folder = path.join(stateDir, 'workspace');
	if (workspaceFrom && existsSync(workspaceFrom) && !existsSync(folder)) cpSync(workspaceFrom, folder, { recursive: true });
	mkdirSync(folder, { recursive: true });
	return folder;
}

async function waitForHealthz(url, child, log, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}\n${logTail(log)}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms\n${logTail(log)}`);
}

/** Signals code-server's whole process group; ESRCH just means everything is gone already. */
function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already exited
	}
}

function stopper(child) {
	let stopping;
	return () => {
		stopping ??= new Promise((resolve) => {
			// an extension host killed mid-test outlives the server (it waits hours for a reconnect): sweep the group
			const finish = () => { clearTimeout(kill); signalGroup(child, 'SIGKILL'); resolve(); };
			const kill = setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000);
			if (child.exitCode !== null || child.signalCode !== null) return finish();
			child.once('exit', finish);
			signalGroup(child, 'SIGTERM');
		});
		return stopping;
	};
}

/**
 * Starts code-server on 127.0.0.1 and waits until it answers /healthz.
 * Tests get a fresh state dir (`.vscode-test/state-<port>/`); `start` passes `stateDir` and `fresh: false` to keep state.
 * @param {object} [options]
 * @param {number} [options.port] free port when omitted
 * @param {string[]} [options.vsixPaths] extensions installed before start
 * @param {Record<string, unknown>} [options.settings] merged over the quiet defaults
 * @param {string} [options.workspace] folder to open; defaults to `<stateDir>/workspace`
 * @param {string} [options.workspaceFrom] template copied into the default workspace folder
 * @param {string} [options.stateDir]
 * @param {boolean} [options.fresh] wipe the state dir first (default true)
 * @param {string} [options.locale] VS Code's display language (`--locale`)
 */
export async function startCodeServer({ port, vsixPaths = [], settings = {}, workspace, workspaceFrom, stateDir, fresh = true, locale } = {}) {
	// a busy port would let another server answer our /healthz probe
	port = await freePort(port ?? 0);
	stateDir = path.resolve(stateDir ?? path.join(TEST_DIR, `state-${port}`));
	if (fresh) rmSync(stateDir, { recursive: true, force: true });
	const userDataDir = path.join(stateDir, 'user-data');
	const extensionsDir = path.join(stateDir, 'extensions');
	const home = path.join(stateDir, 'home');
	const log = path.join(stateDir, 'code-server.log');
	mkdirSync(home, { recursive: true });
	mkdirSync(extensionsDir, { recursive: true });
	writeSettings(userDataDir, settings, fresh);
	workspace = prepareWorkspace(stateDir, workspace, workspaceFrom);
	const env = isolatedEnv(home);
	const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
	for (const vsix of vsixPaths) {
		// --force replaces an installed copy of the same version (the persistent `start` state)
		await run(CODE_SERVER, [...dirs, '--install-extension', path.resolve(vsix), '--force'], { env, quiet: true });
	}
	const fd = openSync(log, 'a');
	const child = spawn(CODE_SERVER, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...dirs,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
		'--ignore-last-opened', ...(locale ? ['--locale', locale] : []), workspace], { env, stdio: ['ignore', fd, fd], detached: true });
	closeSync(fd);
	// Its own process group lets stop() reach the extension host too; a runner that exits without
	// stopping (uncaught error, process.exit) must still not leave a server holding the port.
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);
	const stopGroup = stopper(child);
	/** `clean` also deletes the state dir (runners keep it after a failure for inspection). */
	const stop = async ({ clean = false } = {}) => {
		await stopGroup();
		process.off('exit', killOnExit);
		if (clean) rmSync(stateDir, { recursive: true, force: true });
	};
	const url = `http://127.0.0.1:${port}`;
	try {
		await waitForHealthz(url, child, log);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, port, stateDir, workspace, log, process: child, stop };
}

/** The last lines of a code-server log, for failure reports. */
export function logTail(log, lines = 60) {
	try {
		return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return `(no log at ${log})`;
	}
}

/** The code-server a runner started, as seen from an e2e test process (see runE2E.mjs). */
export function codeServerFromEnv(env = process.env) {
	if (!env.CS_URL) throw new Error('CS_URL is not set: run e2e tests through `npm run test:e2e`');
	return { url: env.CS_URL, port: Number(env.CS_PORT), workspace: env.WS_FOLDER, stateDir: env.CS_STATE_DIR };
}

/**
 * Headless Debian chromium. Even with playwright's temporary profile chromium writes ~/.config/chromium and
 * ~/.cache, so HOME points into the state dir (or .vscode-test/browser-home without one).
 */
export async function launchBrowser({ stateDir = process.env.CS_STATE_DIR, headless = true } = {}) {
	const home = stateDir ? path.join(stateDir, 'browser-home') : path.join(TEST_DIR, 'browser-home');
	mkdirSync(home, { recursive: true });
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless,
		args: BROWSER_ARGS,
		env: isolatedEnv(home),
	});
}

/** A path on the server as the workbench addresses it: the remote authority is the host:port serving the page. */
export function remoteUri(cs, absolutePath) {
	const encoded = absolutePath.split(path.sep).map(encodeURIComponent).join('/');
	return `vscode-remote://${new URL(urlOf(cs)).host}${encoded}`;
}

const urlOf = (cs) => (typeof cs === 'string' ? cs : cs.url);

/**
 * Workbench URL opening `folder` (default: the server's workspace). `payload` entries (object or [key, value] pairs)
 * become the workbench's `payload` parameter, e.g. extensionDevelopmentPath / extensionTestsPath as remote URIs.
 * @param {{ url: string, workspace?: string } | string} cs a started server, codeServerFromEnv(), or a base URL
 * @param {{ folder?: string, payload?: Record<string, string> | [string, string][] }} [options]
 */
export function workbenchUrl(cs, { folder = typeof cs === 'string' ? undefined : cs.workspace, payload } = {}) {
	// encodeURIComponent, not URLSearchParams: the workbench decodes with decodeURIComponent, which keeps '+' as is
	const query = [];
	if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
	if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(Array.isArray(payload) ? payload : Object.entries(payload)))}`);
	return `${new URL('/', urlOf(cs)).href}${query.length ? `?${query.join('&')}` : ''}`;
}

/** Resolves once the workbench has rendered its activity bar and status bar (extensions are then starting). */
export async function waitForWorkbench(page, { timeout = 60_000 } = {}) {
	await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout });
	await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout });
}

/** A browser with one workbench window on `cs`'s workspace, once the workbench has rendered. */
export async function openWorkbench(cs, { viewport = { width: 1400, height: 900 } } = {}) {
	const browser = await launchBrowser();
	const page = await browser.newPage({ viewport });
	await page.goto(workbenchUrl(cs));
	await waitForWorkbench(page);
	return { browser, page };
}

/**
 * Reloads the window the way a user does (Developer: Reload Window): the workbench's shutdown path flushes its
 * storage, which a raw page reload can cut short. Resolves once the reloaded workbench has rendered.
 */
export async function reloadWindow(page) {
	// The first F1 can land in the webview or under a notification: retry until the palette is open.
	for (let attempt = 0; attempt < 5 && !await page.locator('.quick-input-widget').isVisible(); attempt++) {
		await page.keyboard.press('Escape');
		await page.keyboard.press('F1');
		await page.locator('.quick-input-widget').waitFor({ timeout: 2000 }).catch(() => undefined);
	}
	await page.keyboard.type('Developer: Reload Window');
	const reload = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).filter({ hasNotText: 'Disabled' }).first();
	await reload.waitFor();
	await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), reload.click()]);
	await waitForWorkbench(page);
}

/** The extension's webview document: an outer iframe hosts the `#active-frame` that holds the extension's HTML. */
export function webviewFrame(page) {
	return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/**
 * Runs a command from the command palette. Contributed commands reach the palette once the extension host has
 * scanned extensions, so it retries (about 30 s) until the command is listed.
 */
export async function runPaletteCommand(page, command) {
	for (let attempt = 1; ; attempt++) {
		await page.keyboard.press('F1');
		await page.keyboard.type(command);
		const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first();
		if (await row.waitFor({ timeout: 5000 }).then(() => true, () => attempt >= 6)) {
			await row.click();
			return;
		}
		await page.keyboard.press('Escape');
	}
}
