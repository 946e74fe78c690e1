// Two windows on one workspace (two browser tabs on the same folder of one code-server, as a learner can open
// them): answers given in either window are merged, never overwritten, and a reload right after answering keeps
// the answer. Uses its own folder, so the progress of the other e2e tests' workspace is not touched.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, launchBrowser, waitForWorkbench, webviewFrame, workbenchUrl, runPaletteCommand } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const LESSON_TITLE = 'AXA Non-Life';
const cs = codeServerFromEnv();
const folder = path.join(cs.stateDir, 'two-windows');
let browser;
let context;
const windows = {};

before(async () => {
	mkdirSync(folder, { recursive: true });
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
});

after(async () => {
	await windows.a?.screenshot({ path: path.join(SHOTS, 'two-windows-a.png') }).catch(() => {});
	await windows.b?.screenshot({ path: path.join(SHOTS, 'two-windows-b.png') }).catch(() => {});
	await browser?.close();
});

async function openWindow() {
	const page = await context.newPage();
	await page.goto(workbenchUrl(cs, { folder }));
	await waitForWorkbench(page);
	await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().waitFor({ timeout: 60_000 });
	return page;
}

/** Opens the lesson through the command palette (retrying until the extension's commands are listed). */
async function openLesson(page) {
	// A window on the same folder restores the lesson panel the other window left open; the restored page can take
	// focus and close a quick pick opened at that moment, so the pick is opened again until it stays.
	const input = page.locator('.quick-input-widget input[placeholder="Open a lesson"]');
	for (let attempt = 1; ; attempt++) {
		await runPaletteCommand(page, 'Incident Lessons: Open Lesson');
		if (await input.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
			break;
		}
		assert.ok(attempt < 3, 'the Open Lesson pick stays open');
		await page.keyboard.press('Escape');
	}
	await page.keyboard.type(LESSON_TITLE);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: LESSON_TITLE }).first().click();
	await webviewFrame(page).locator('#il-score').waitFor({ timeout: 30_000 });
}

/** Answers quiz `n` (its first choice, or its steps as shown) and waits for the verdict. */
async function answer(page, n) {
	const quiz = webviewFrame(page).locator('.il-quiz').nth(n);
	await quiz.scrollIntoViewIfNeeded();
	if (await quiz.getAttribute('data-quiz-type') !== 'order') {
		await quiz.locator('.il-choice label').first().click();
	}
	await quiz.locator('.il-check').click();
	await quiz.locator('.il-verdict:not(:empty)').waitFor();
}

/** Waits until the panel's score line says `count` questions are answered. */
async function answered(page, count) {
	await webviewFrame(page).locator('#il-score', { hasText: new RegExp(`^${count} of \\d+ questions answered`) }).waitFor({ timeout: 30_000 });
}

test('a second window sees the first window\'s answer', async () => {
	windows.a = await openWindow();
	await openLesson(windows.a);
	await answer(windows.a, 0);
	await answered(windows.a, 1);
	windows.b = await openWindow();
	await openLesson(windows.b);
	await answered(windows.b, 1);
});

test('answers given in both windows are merged, not overwritten', async () => {
	await answer(windows.b, 1);
	await answered(windows.b, 2);
	// window A never reloaded: its answer to quiz 3 is written on top of B's answer to quiz 2, not over it
	await windows.a.bringToFront();
	await answer(windows.a, 2);
	await answered(windows.a, 3);
});

test('a reload right after answering keeps every answer', async () => {
	await answer(windows.a, 3);
	await windows.a.keyboard.press('F1');
	await windows.a.keyboard.type('Developer: Reload Window');
	await windows.a.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
	await Promise.all([windows.a.waitForEvent('load', { timeout: 60_000 }), windows.a.keyboard.press('Enter')]);
	await waitForWorkbench(windows.a);
	await answered(windows.a, 4);
});

test('a new window after both are closed has all four answers', async () => {
	await windows.a.close({ runBeforeUnload: true });
	await windows.b.close({ runBeforeUnload: true });
	windows.a = undefined;
	windows.b = await openWindow();
	await openLesson(windows.b);
	await answered(windows.b, 4);
	assert.equal(await webviewFrame(windows.b).locator('.il-quiz .il-verdict:not(:empty)').count(), 4);
});
