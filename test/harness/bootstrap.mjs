// Runs before `npm start` and `npm test` (their `pre` scripts), so a fresh clone needs no `npm ci` first. Uses
// nothing outside Node: it installs the locked dependencies (`npm ci`) when node_modules is missing or older than
// package-lock.json, then checks the system packages named as arguments (systemPackages.sh: `browser`, ...).
// Every failure is one line and exits non-zero.
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK = path.join(ROOT, 'package-lock.json');
const MODULES = path.join(ROOT, 'node_modules');
/** npm's record of what it installed into node_modules, rewritten by every install. */
const INSTALLED = path.join(MODULES, '.package-lock.json');

function fail(message, code = 1) {
	console.error(`bootstrap: ${message}`);
	process.exit(code);
}

function mtime(file) {
	try {
		return statSync(file).mtimeMs;
	} catch {
		return undefined;
	}
}

function lockedPackages(file) {
	return JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
}

/**
 * Whether node_modules holds what package-lock.json locks. A checkout rewrites the lock file (and its mtime) without
 * changing it, so a newer lock is compared by content: every installed package at its locked version, and every
 * locked one installed except optional ones (other platforms' binaries).
 */
function matchesLock() {
	const locked = lockedPackages(LOCK);
	const installed = lockedPackages(INSTALLED);
	return Object.entries(installed).every(([at, pkg]) => locked[at]?.version === pkg.version)
		&& Object.entries(locked).every(([at, pkg]) => at === '' || pkg.optional || installed[at] !== undefined);
}

/** Why node_modules needs `npm ci`, or undefined when it is up to date. */
function staleReason() {
	const installedAt = mtime(INSTALLED);
	if (installedAt === undefined) return mtime(MODULES) === undefined ? 'node_modules is missing' : 'node_modules was not installed by npm';
	if (installedAt >= (mtime(LOCK) ?? 0)) return undefined;
	try {
		return matchesLock() ? undefined : 'node_modules does not match package-lock.json';
	} catch {
		return 'node_modules/.package-lock.json is unreadable';
	}
}

function installDependencies() {
	const reason = staleReason();
	if (!reason) return;
	if (lstatSync(MODULES, { throwIfNoEntry: false })?.isSymbolicLink()) {
		// a linked node_modules belongs to another checkout: `npm ci` here would rewrite that one
		console.error(`bootstrap: ${reason} (a link; run \`npm ci\` where it points to)`);
		return;
	}
	console.log(`bootstrap: ${reason}: npm ci`);
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
	if (result.error) fail(`could not run npm (${result.error.message})`);
	if (result.status !== 0) fail(`npm ci failed (exit ${result.status ?? result.signal}); the dependencies locked in package-lock.json are needed`, result.status ?? 1);
}

function checkSystem(needs) {
	if (needs.length === 0) return;
	const result = spawnSync('bash', [path.join(ROOT, 'test/harness/systemPackages.sh'), ...needs], { cwd: ROOT, stdio: 'inherit' });
	// systemPackages.sh has said what is missing
	if (result.status !== 0) process.exit(result.status ?? 1);
}

installDependencies();
checkSystem(process.argv.slice(2));
