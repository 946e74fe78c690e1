// Runs the test/host suite in desktop VS Code (Electron) through @vscode/test-electron, as CI on a machine with
// network access does. It downloads VS Code 1.100.0 into .vscode-test/ on first use, so it cannot run offline;
// `npm run test:host` runs the same suite offline in code-server. Needs `npm run build` first.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, TEST_DIR } from './codeServer.mjs';

const extensionTestsPath = path.join(ROOT, 'out/test/host/index.js');
const fixtures = path.join(ROOT, 'test/fixtures/workspace');

/** A fresh copy of the fixture workspace, so tests never write into the repository. */
function freshWorkspace() {
	const workspace = path.join(TEST_DIR, 'electron-workspace');
	rmSync(workspace, { recursive: true, force: true });
	if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });
	mkdirSync(workspace, { recursive: true });
	return workspace;
}

if (!existsSync(extensionTestsPath)) {
	console.error('out/test/host/index.js is missing: run `npm run build` first');
	process.exit(1);
}
try {
	await runTests({
		version: '1.100.0',
		extensionDevelopmentPath: ROOT,
		extensionTestsPath,
		// other installed extensions must not influence the results
		launchArgs: [freshWorkspace(), '--disable-extensions'],
	});
} catch (error) {
	console.error(`extension host tests failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
