import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** Every literal passed to vscode.l10n.t in the extension (the English text doubles as the bundle key). */
function l10nKeys(): Set<string> {
	const keys = new Set<string>();
	for (const file of sourceFiles('src/extension')) {
		for (const m of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
			keys.add((m[1] ?? '').replace(/\\'/g, '\'').replace(/\\\\/g, '\\'));
		}
	}
	return keys;
}

test('every interface string has a Japanese translation with the same placeholders', () => {
	const ja = JSON.parse(readFileSync('l10n/bundle.l10n.ja.json', 'utf8')) as Record<string, string>;
	const keys = l10nKeys();
	assert.ok(keys.size > 40);
	for (const key of keys) {
		const translated = ja[key];
		assert.ok(translated, `missing ja translation: ${key}`);
		const placeholders = (s: string): string[] => (s.match(/\{\d\}/g) ?? []).sort();
		assert.deepEqual(placeholders(translated), placeholders(key), key);
	}
});

test('package.nls.ja.json translates every manifest string, and the manifest uses only known keys', () => {
	const en = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
	const ja = JSON.parse(readFileSync('package.nls.ja.json', 'utf8')) as Record<string, string>;
	assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
	const manifest = readFileSync('package.json', 'utf8');
	for (const [, key] of manifest.matchAll(/"%([^%"]+)%"/g)) {
		assert.ok(key && key in en, `package.json uses %${key}% which package.nls.json lacks`);
	}
});
