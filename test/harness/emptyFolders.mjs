// Workbench windows on new empty folders: no team lessons and no code open, so nothing but the window's start and
// the learner's first action reaches the extension.
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { waitForWorkbench, workbenchUrl } from './codeServer.mjs';

/** Windows on `cs`, each on a new folder named after `prefix`; `removeFolders()` deletes the folders. */
export function emptyFolderWindows(cs, prefix) {
	const folders = [];
	return {
		/** A window on a new empty folder, once the workbench has rendered (the extension may not have started yet). */
		async open(browser) {
			const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
			folders.push(folder);
			const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
			await page.goto(workbenchUrl(cs, { folder }));
			await waitForWorkbench(page);
			return page;
		},
		removeFolders() {
			for (const folder of folders.splice(0)) {
				rmSync(folder, { recursive: true, force: true });
			}
		},
	};
}
