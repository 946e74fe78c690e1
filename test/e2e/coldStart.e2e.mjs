// Windows where nothing has woken the extension yet (an empty folder: no team lessons, no code open), so the
// learner's first action activates it (src/extension/extension.ts registers every command and the Lessons view at
// once); the command or view that woke it must do its real work, not be lost while the extension starts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, launchBrowser, runPaletteCommand, waitForWorkbench, webviewFrame, workbenchUrl } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const cs = codeServerFromEnv();
const folders = [];
let browser;

before(async () => {
	browser = await launchBrowser();
});

after(async () => {
	await browser?.close();
	for (const folder of folders) {
		rmSync(folder, { recursive: true, force: true });
	}
});

/**
 * A workbench on a new empty folder, once rendered, with no sign of the extension in the status bar. A window where
 * something woke it anyway is not what these tests are about: it is kept as a screenshot and another one is tried.
 */
async function coldWindow() {
	for (let attempt = 1; ; attempt++) {
		const folder = mkdtempSync(path.join(os.tmpdir(), 'lessons-cold-'));
		folders.push(folder);
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(workbenchUrl(cs, { folder }));
		await waitForWorkbench(page);
		// The status bar count is the services' first work: absent while the extension is not active.
		await page.waitForTimeout(2000);
		const statusBar = await page.locator('.statusbar').innerText();
		if (!/Lessons \d+\/\d+/.test(statusBar) || attempt === 3) {
			assert.doesNotMatch(statusBar, /Lessons \d+\/\d+/, 'the extension is not active yet, in three windows in a row');
			return page;
		}
		await page.screenshot({ path: path.join(SHOTS, `cold-already-active-${attempt}.png`) });
		await page.close();
	}
}

test('the first command run from the palette activates the extension and does its work', async () => {
	const page = await coldWindow();
	await runPaletteCommand(page, 'Incident Lessons: Next Lesson');
	const wv = webviewFrame(page);
	await wv.locator('.il-quiz').first().waitFor({ timeout: 30_000 });
	assert.ok((await wv.locator('h1#il-title').innerText()).length > 0, 'a lesson is open');
	await page.locator('.statusbar', { hasText: /Lessons 0\/\d+/ }).waitFor({ timeout: 10_000 });
	await page.screenshot({ path: path.join(SHOTS, 'cold-1-command.png') });
	await page.close();
});

test('opening the Lessons view activates the extension and lists the lessons', async () => {
	const page = await coldWindow();
	await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().click();
	await page.locator('.pane-body .monaco-list-row', { hasText: /AXA Non-Life Insurance/ }).waitFor({ timeout: 30_000 });
	const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
	assert.ok(rows.some((r) => /Developer/.test(r)), `groups shown: ${rows.join(' | ')}`);
	await page.screenshot({ path: path.join(SHOTS, 'cold-2-view.png') });
	await page.close();
});
