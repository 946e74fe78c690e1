// Extension-host measurements: each run opens a fresh workbench window (so a fresh extension host) whose
// `payload` names a development extension and bench/host/measure.cjs as its tests module, exactly as
// `npm run test:host` does. The module writes its figures to a JSON file, read back here.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { writeCatalog } from '../build/catalog.mjs';
import { ROOT, remoteUri, workbenchUrl } from '../test/harness/codeServer.mjs';

const MEASURE = path.join(ROOT, 'bench/host/measure.cjs');
/** Workbench noise on an offline machine: the extension gallery lookup fails. */
const HARMLESS = /ENOTFOUND open-vsx\.org|open-vsx/;

/**
 * The measurement module has to live inside the development extension's folder: the host hands
 * `require('vscode')` the API object of the extension whose folder holds the requiring file.
 */
function moduleDir(extensionPath, run) {
	return path.join(extensionPath, '.bench', String(run));
}

let runs = 0;

/**
 * A development copy of the extension: the files the `.vsix` ships (the `!` lines of .vscodeignore), the bundles
 * taken from `distDir`, with a manifest that activates only when asked (see coldManifest). With `setDir`, its bundled
 * lessons are a generated set: `lessons/` points at it (`en/*.md` and `answers.json`), with the catalog the build
 * would write for it; without, the real lessons as shipped.
 * Copied, not linked: the host finds an extension's API by the real path of the requiring file.
 */
export async function prepareExtensionCopy(dest, setDir, distDir = path.join(ROOT, 'dist')) {
	rmSync(dest, { recursive: true, force: true });
	mkdirSync(dest, { recursive: true });
	const shipped = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n')
		.filter((line) => line.startsWith('!')).map((line) => line.slice(1).trim());
	for (const pattern of shipped) {
		// The set's catalog and packs are written below.
		if (setDir && (pattern.startsWith('lessons/') || pattern.startsWith('dist/lessons'))) {
			continue;
		}
		// The bundles come from distDir (the readable build, for profiles) in dist/'s own layout.
		const [from, to, rest] = pattern.startsWith('dist/') ? [distDir, path.join(dest, 'dist'), pattern.slice('dist/'.length)] : [ROOT, dest, pattern];
		copyShipped(from, rest, to);
	}
	writeFileSync(path.join(dest, 'package.json'), coldManifest(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
	if (setDir) {
		symlinkSync(path.resolve(setDir), path.join(dest, 'lessons'), 'dir');
		await writeSetCatalog(setDir, path.join(dest, 'dist'));
	}
	return dest;
}

/** SHA-256 over the paths and contents of every file under `roots` (files or folders, from the repository root). */
function contentKey(roots) {
	const hash = createHash('sha256');
	const add = (file, isDirectory) => {
		if (isDirectory) {
			for (const entry of readdirSync(file, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
				add(path.join(file, entry.name), entry.isDirectory());
			}
			return;
		}
		hash.update(`${path.relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
	};
	for (const root of roots) {
		const file = path.resolve(ROOT, root);
		add(file, statSync(file).isDirectory());
	}
	return hash.digest('hex').slice(0, 16);
}

/** builtSet's answer per set folder in this run: its key reads every file of the set (100 MB at 10,000 lessons). */
const built = new Map();

/**
 * The folder holding the catalog and packs the build would write for the generated set `setDir` (written first if
 * missing; see writeSetCatalog).
 */
export function builtSet(setDir) {
	if (!built.has(setDir)) {
		built.set(setDir, buildSet(setDir));
	}
	return built.get(setDir);
}

async function buildSet(setDir) {
	const cacheRoot = `${setDir}.built`;
	const cached = path.join(cacheRoot, contentKey([setDir, 'src/core', 'schemas', 'build/catalog.mjs', 'package-lock.json']));
	if (!existsSync(path.join(cached, 'catalog.json'))) {
		rmSync(cacheRoot, { recursive: true, force: true });
		const building = `${cached}.partial`;
		await writeCatalog({ lessonsDir: setDir, out: path.join(building, 'catalog.json') });
		cpSync(building, cached, { recursive: true });
		rmSync(building, { recursive: true, force: true });
	}
	return cached;
}

/**
 * Writes into `distDir` the catalog and packs the build would write for the generated set `setDir`. They are kept
 * beside the set under a key of everything they are made from (the set's files, the parser's sources, the build
 * script, the schemas, the locked libraries): for 10,000 lessons the parser and the level-19 encoder take two
 * minutes, and the result changes only when one of those does.
 */
async function writeSetCatalog(setDir, distDir) {
	const cached = await builtSet(setDir);
	mkdirSync(distDir, { recursive: true });
	for (const name of readdirSync(cached)) {
		copyFileSync(path.join(cached, name), path.join(distDir, name));
	}
}

/**
 * The manifest without `onStartupFinished`. The extension activates once every window has started; the host runs
 * time activation, or the view that triggers it, themselves, so nothing may wake the copy before they do (events
 * such as a restored lesson tab stay).
 */
function coldManifest(text) {
	const manifest = JSON.parse(text);
	manifest.activationEvents = manifest.activationEvents.filter((event) => event !== 'onStartupFinished');
	return `${JSON.stringify(manifest, null, '\t')}\n`;
}

/** Copies what one `!` line of .vscodeignore names (`dir/**`, `dir/*.ext` or a file), from `from` to `to`. */
function copyShipped(from, pattern, to) {
	if (pattern.endsWith('/**')) {
		const dir = pattern.slice(0, -3);
		if (existsSync(path.join(from, dir))) {
			cpSync(path.join(from, dir), path.join(to, dir), { recursive: true });
		}
	} else if (pattern.includes('*')) {
		const dir = path.dirname(pattern);
		const re = new RegExp(`^${path.basename(pattern).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
		for (const name of readdirSync(path.join(from, dir)).filter((n) => re.test(n))) {
			mkdirSync(path.join(to, dir), { recursive: true });
			copyFileSync(path.join(from, dir, name), path.join(to, dir, name));
		}
	} else if (existsSync(path.join(from, pattern))) {
		mkdirSync(path.dirname(path.join(to, pattern)), { recursive: true });
		copyFileSync(path.join(from, pattern), path.join(to, pattern));
	}
}

/**
 * Runs bench/host/measure.cjs once in a new window and returns what it wrote.
 * @param {{ url: string }} cs a started code-server
 * @param {import('playwright-core').Browser} browser
 * @param {{ extensionPath: string, mode: 'activation' | 'view' | 'scale', answers?: number, view?: { viewId: string, container: string }, timeoutMs?: number }} options
 */
export async function measureInHost(cs, browser, { extensionPath, extensionId, mode, answers = 0, openView = false, profile = false, view, timeoutMs = 240_000 }) {
	const dir = moduleDir(extensionPath, ++runs);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const modulePath = path.join(dir, 'measure.cjs');
	const out = path.join(dir, 'result.json');
	copyFileSync(MEASURE, modulePath);
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ mode, out, answers, openView, profile, extensionId, view }));

	const context = await browser.newContext();
	const page = await context.newPage();
	let report;
	const exited = new Promise((resolve) => { report = resolve; });
	const log = [];
	await page.exposeFunction('codeAutomationLog', (_type, args) => {
		const text = format(...args);
		if (!HARMLESS.test(text)) log.push(text);
	});
	await page.exposeFunction('codeAutomationExit', (code) => report(code));
	page.on('crash', () => report('page crashed'));
	const payload = { extensionDevelopmentPath: remoteUri(cs, extensionPath), extensionTestsPath: remoteUri(cs, modulePath) };
	let timer;
	try {
		await page.goto(workbenchUrl(cs, { payload }));
		const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
		const code = await Promise.race([exited, timedOut]);
		if (code !== 0 || !existsSync(out)) {
			throw new Error(`host measurement (${mode}) ended with ${code}\n${log.slice(-20).join('\n')}`);
		}
		const result = JSON.parse(readFileSync(out, 'utf8'));
		if (result.error) {
			throw new Error(`host measurement (${mode}) failed: ${result.error}`);
		}
		// Profiles the module wrote next to its result, by name (view, answers).
		result.profiles = Object.fromEntries(['activation', 'view', 'answers'].map((name) => [name, path.join(dir, `${name}.cpuprofile`)]).filter(([, file]) => existsSync(file)));
		return result;
	} finally {
		clearTimeout(timer);
		await context.close().catch(() => {});
	}
}
