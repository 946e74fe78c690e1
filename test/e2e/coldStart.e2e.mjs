// New windows on an empty folder (no team lessons, no code open), used as soon as the workbench shows: the extension
// activates once the window has started (onStartupFinished), so the learner's first command or click on the view
// may come before or while it starts; either way it must do its real work, not be lost.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, launchBrowser, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';
import { emptyFolderWindows } from '../harness/emptyFolders.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const windows = emptyFolderWindows(codeServerFromEnv(), 'lessons-cold-');
let browser;

before(async () => {
	browser = await launchBrowser();
});

after(async () => {
	await browser?.close();
	windows.removeFolders();
});

test('a command run from the palette as the window shows does its work', async () => {
	const page = await windows.open(browser);
	await runPaletteCommand(page, 'Incident Lessons: Next Lesson');
	const wv = webviewFrame(page);
	await wv.locator('.il-quiz').first().waitFor({ timeout: 30_000 });
	assert.ok((await wv.locator('h1#il-title').innerText()).length > 0, 'a lesson is open');
	await page.locator('.statusbar', { hasText: /Lessons 0\/\d+/ }).waitFor({ timeout: 10_000 });
	await page.screenshot({ path: path.join(SHOTS, 'cold-1-command.png') });
	await page.close();
});

test('the Lessons view opened as the window shows lists the lessons', async () => {
	const page = await windows.open(browser);
	await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().click();
	await page.locator('.pane-body .monaco-list-row', { hasText: /AXA Non-Life Insurance/ }).waitFor({ timeout: 30_000 });
	const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
	assert.ok(rows.some((r) => /Developer/.test(r)), `groups shown: ${rows.join(' | ')}`);
	await page.screenshot({ path: path.join(SHOTS, 'cold-2-view.png') });
	await page.close();
});
