// The web extension as vscode.dev sees it: a VSIX whose manifest has the `browser` entry alone (no `main`), so
// code-server runs it in the workbench's web-worker extension host, as vscode.dev and github.dev do. Same dist/
// files as the real package; packaged from a staging folder so the repository's package.json is never touched.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, TEST_DIR, run } from './codeServer.mjs';

const STAGE = path.join(TEST_DIR, 'browser-only');
const COPIED = ['README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'package.nls.json', 'package.nls.ja.json', 'dist', 'media', 'l10n', 'schemas'];

/** Packages the built extension (run `npm run build` first) without `main`; resolves with the VSIX's path. */
export async function packageBrowserOnly(out = path.join(TEST_DIR, 'incident-lessons-browser.vsix')) {
	rmSync(STAGE, { recursive: true, force: true });
	mkdirSync(STAGE, { recursive: true });
	for (const name of COPIED) {
		cpSync(path.join(ROOT, name), path.join(STAGE, name), { recursive: true, force: true });
	}
	// No build script either: the staged dist/ is what is packaged.
	const { main: _main, bin: _bin, scripts: _scripts, ...manifest } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	if (!manifest.browser) throw new Error('package.json has no `browser` entry');
	writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	await run('npx', ['vsce', 'package', '--no-dependencies', '--readme-path', 'dist/README.md', '-o', out], { cwd: STAGE, quiet: true });
	console.log(`packaged ${path.relative(ROOT, out)} (browser entry only)`);
	return out;
}
