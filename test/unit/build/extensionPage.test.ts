// The extension's own page in the .vsix (build/extensionPage.mjs): the README's part for people using the extension.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');

interface ExtensionPageModule {
	readonly extensionPage: (readme: string) => string;
}

const load = (): Promise<ExtensionPageModule> => import(path.join(ROOT, 'build', 'extensionPage.mjs')) as Promise<ExtensionPageModule>;

describe('build/extensionPage.mjs', () => {
	it('keeps what a user needs (features, install, writing lessons, settings) and leaves the development sections to the repository', async () => {
		const { extensionPage } = await load();
		const page = extensionPage(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
		const headings = page.split('\n').filter((line) => line.startsWith('## '));
		assert.deepEqual(headings, ['## Install', '## Writing lessons', '## Settings']);
		assert.match(page, /^# Incident Lessons\n/);
		assert.match(page, /incidentLessons\.passMark/);
		assert.doesNotMatch(page, /npm test|src\/core\/|<!--/);
		assert.match(page, /\[repository's README\]\(https:\/\/github\.com\/incident-lessons\/incident-lessons#the-two-commands\)\.\n$/);
	});

	it('refuses a README without its marker line, so the whole README never ships by accident', async () => {
		const { extensionPage } = await load();
		assert.throws(() => extensionPage('# Title\n\n## Architecture\n'), /README\.md: the line .* is missing/);
	});

	it('is what every packaging command passes to vsce', () => {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		assert.match(manifest.scripts.package ?? '', /--readme-path dist\/README\.md/);
		for (const harness of ['test/harness/codeServer.mjs', 'test/harness/browserOnly.mjs']) {
			assert.match(readFileSync(path.join(ROOT, harness), 'utf8'), /'--readme-path', 'dist\/README\.md'/, harness);
		}
	});
});
