// The bootstrap before `npm start` / `npm test`: when it runs `npm ci` and when it leaves node_modules alone. It runs
// as a copy in a temporary project, with an `npm` on PATH that records its arguments instead of installing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, test } from 'node:test';

const SCRIPT = path.resolve('test/harness/bootstrap.mjs');
const dirs: string[] = [];

afterEach(() => {
	for (const dir of dirs.splice(0)) {
		rmSync(dir, { recursive: true, force: true });
	}
});

type Packages = Record<string, { version: string; optional?: boolean }>;

interface Project {
	root: string;
	/** Writes package-lock.json, its mtime `at` seconds from now. */
	lock(packages: Packages, at?: number): void;
	/** Writes node_modules/.package-lock.json (what npm installed), its mtime `at` seconds from now. */
	installed(packages: Packages, at?: number): void;
	/** Runs the bootstrap; `npmExit` is what the fake npm exits with. */
	run(npmExit?: number): { status: number | null; stdout: string; stderr: string; npmArgs: string | undefined };
}

function writeLock(file: string, packages: Packages, at: number): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify({ lockfileVersion: 3, packages }));
	const time = Date.now() / 1000 + at;
	utimesSync(file, time, time);
}

function project(): Project {
	const root = mkdtempSync(path.join(os.tmpdir(), 'bootstrap-'));
	dirs.push(root);
	mkdirSync(path.join(root, 'test/harness'), { recursive: true });
	copyFileSync(SCRIPT, path.join(root, 'test/harness/bootstrap.mjs'));
	const bin = path.join(root, 'bin');
	mkdirSync(bin);
	const record = path.join(root, 'npm-args');
	writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$@" > '${record}'\nexit \${NPM_EXIT:-0}\n`);
	chmodSync(path.join(bin, 'npm'), 0o755);
	return {
		root,
		lock: (packages, at = 0) => writeLock(path.join(root, 'package-lock.json'), { '': { version: '1.0.0' }, ...packages }, at),
		installed: (packages, at = 0) => writeLock(path.join(root, 'node_modules/.package-lock.json'), packages, at),
		run: (npmExit = 0) => {
			const result = spawnSync(process.execPath, [path.join(root, 'test/harness/bootstrap.mjs')], {
				encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NPM_EXIT: String(npmExit) },
			});
			const npmArgs = existsSync(record) ? readFileSync(record, 'utf8').trim() : undefined;
			return { status: result.status, stdout: result.stdout, stderr: result.stderr, npmArgs };
		},
	};
}

const LOCKED: Packages = { 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.0.0' } };

test('a fresh clone (no node_modules) gets `npm ci`, said in one line', () => {
	const p = project();
	p.lock(LOCKED);
	const result = p.run();
	assert.equal(result.status, 0);
	assert.equal(result.npmArgs, 'ci --no-audit --no-fund');
	assert.equal(result.stdout.trim(), 'bootstrap: node_modules is missing: npm ci');
});

test('node_modules installed after the lock file was written is left alone', () => {
	const p = project();
	p.lock(LOCKED, -60);
	p.installed(LOCKED);
	const result = p.run();
	assert.equal(result.status, 0);
	assert.equal(result.npmArgs, undefined);
	assert.equal(result.stdout + result.stderr, '');
});

test('a lock file rewritten by a checkout with the same packages is not a reason to reinstall', () => {
	const p = project();
	// other platforms' optional binaries are locked but never installed
	p.lock({ ...LOCKED, 'node_modules/@esbuild/darwin-arm64': { version: '0.1.0', optional: true } });
	p.installed(LOCKED, -60);
	assert.equal(p.run().npmArgs, undefined);
});

test('a lock file that changed a version or added a package gets `npm ci`', () => {
	const changed = project();
	changed.lock({ ...LOCKED, 'node_modules/b': { version: '2.1.0' } });
	changed.installed(LOCKED, -60);
	const result = changed.run();
	assert.equal(result.npmArgs, 'ci --no-audit --no-fund');
	assert.match(result.stdout, /^bootstrap: node_modules does not match package-lock\.json: npm ci$/m);

	const added = project();
	added.lock({ ...LOCKED, 'node_modules/c': { version: '1.0.0' } });
	added.installed(LOCKED, -60);
	assert.equal(added.run().npmArgs, 'ci --no-audit --no-fund');
});

test('a failed `npm ci` ends the run with its exit code and one line, no stack trace', () => {
	const p = project();
	p.lock(LOCKED);
	const result = p.run(3);
	assert.equal(result.status, 3);
	assert.equal(result.stderr.trim(), 'bootstrap: npm ci failed (exit 3); the dependencies locked in package-lock.json are needed');
});

test('a stale node_modules that is a link to another checkout is reported, not reinstalled', () => {
	const p = project();
	const elsewhere = path.join(p.root, 'elsewhere');
	writeLock(path.join(elsewhere, '.package-lock.json'), LOCKED, -60);
	symlinkSync(elsewhere, path.join(p.root, 'node_modules'));
	p.lock({ ...LOCKED, 'node_modules/b': { version: '2.1.0' } });
	const result = p.run();
	assert.equal(result.status, 0);
	assert.equal(result.npmArgs, undefined);
	assert.match(result.stderr, /does not match package-lock\.json \(a link; run `npm ci` where it points to\)/);
});
