// The dependency floor, checked offline: the Markdown stack bundled into the extension must be at or above the
// versions that fixed the known ReDoS and quadratic-time advisories. (`npm audit --omit=dev` needs the registry's
// audit endpoint; see docs/security.md.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');

/** Package → the lowest version the extension may ship with. */
const FLOORS: Readonly<Record<string, string>> = {
	'markdown-it': '14.2.0',
	'linkify-it': '5.0.2',
};

function parseVersion(version: string): [number, number, number] {
	const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
	assert.ok(match, `a semantic version: ${version}`);
	return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function isAtLeast(version: string, floor: string): boolean {
	const [a, b] = [parseVersion(version), parseVersion(floor)];
	for (let i = 0; i < 3; i++) {
		if ((a[i] ?? 0) !== (b[i] ?? 0)) {
			return (a[i] ?? 0) > (b[i] ?? 0);
		}
	}
	return true;
}

function readJson(file: string): unknown {
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** The installed copy a module resolves to from `from` (what esbuild bundles), as its package.json says. */
function installedVersion(name: string, from: string): { version: string; file: string } {
	const file = require.resolve(`${name}/package.json`, { paths: [from] });
	const { version } = readJson(file) as { version: string };
	return { version, file: path.relative(ROOT, file) };
}

describe('dependency floor', () => {
	it('compares versions correctly', () => {
		assert.ok(isAtLeast('14.2.0', '14.2.0') && isAtLeast('15.0.3', '14.2.0') && isAtLeast('5.0.10', '5.0.2'));
		assert.ok(!isAtLeast('14.1.9', '14.2.0') && !isAtLeast('5.0.1', '5.0.2') && !isAtLeast('4.9.9', '5.0.2'));
	});

	it('bundles markdown-it and the linkify-it it uses at or above the floor', () => {
		const markdownIt = installedVersion('markdown-it', path.join(ROOT, 'src', 'core'));
		const markdownItDir = path.dirname(path.join(ROOT, markdownIt.file));
		const linkifyIt = installedVersion('linkify-it', markdownItDir);
		for (const [name, found] of [['markdown-it', markdownIt], ['linkify-it', linkifyIt]] as const) {
			const floor = FLOORS[name] ?? '0.0.0';
			assert.ok(isAtLeast(found.version, floor), `${name} ${found.version} (${found.file}) is below ${floor}`);
		}
	});

	it('lets no install resolve below the floor: the declared range and every locked copy', () => {
		const manifest = readJson(path.join(ROOT, 'package.json')) as { dependencies: Record<string, string> };
		const declared = manifest.dependencies['markdown-it'] ?? '';
		assert.ok(isAtLeast(declared.replace(/^[\^~>=\s]+/, ''), FLOORS['markdown-it'] ?? ''), `package.json asks for markdown-it ${declared}`);
		const lock = readJson(path.join(ROOT, 'package-lock.json')) as { packages: Record<string, { version?: string; dev?: boolean }> };
		for (const [location, entry] of Object.entries(lock.packages)) {
			const name = Object.keys(FLOORS).find((n) => location === `node_modules/${n}` || location.endsWith(`/node_modules/${n}`));
			if (name && entry.version) {
				assert.ok(isAtLeast(entry.version, FLOORS[name] ?? ''), `${location} is locked at ${entry.version}, below ${FLOORS[name]}`);
			}
		}
	});
});
