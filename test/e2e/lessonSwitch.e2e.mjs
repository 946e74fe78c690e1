// Opening one lesson after another: a lesson page on screen takes the next lesson by message (no new document),
// answers there as on a fresh page, and after the panel was hidden (its document dropped and made again from the
// panel's HTML) it still shows the lesson opened last.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const FIRST = /AXA Non-Life Insurance/;
const SECOND = /card data leaking from the POS/;
const cs = codeServerFromEnv();
let browser;
let page;

before(async () => {
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
});

/** The lesson document's time origin: a new document has a new one. */
function documentOrigin(wv) {
	return wv.locator('body').evaluate(() => performance.timeOrigin);
}

async function openFromView(title) {
	const row = page.locator('.monaco-list-row', { hasText: title }).first();
	if (!await row.isVisible()) {
		await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().click();
	}
	await row.click();
}

test('the next lesson is shown in the same document, with working quizzes and its own title', async () => {
	await openFromView(FIRST);
	const wv = webviewFrame(page);
	await wv.locator('h1', { hasText: FIRST }).waitFor({ timeout: 60_000 });
	await wv.locator('.il-quiz').first().waitFor();
	const origin = await documentOrigin(wv);

	await openFromView(SECOND);
	await wv.locator('h1', { hasText: SECOND }).waitFor({ timeout: 30_000 });
	assert.equal(await documentOrigin(wv), origin, 'shown by message in the document already on screen');
	assert.equal(await wv.locator('h1', { hasText: FIRST }).count(), 0, 'nothing of the first lesson is left');
	assert.match(await wv.locator('html').evaluate((el) => `${el.lang} ${document.title}`), /^en .*POS/);

	// A quiz of the lesson shown by message answers as on a fresh page.
	const quiz = wv.locator('.il-quiz[data-quiz-type="single"]').first();
	await quiz.locator('input').first().check();
	await quiz.locator('.il-check').click();
	await wv.locator('.il-quiz.is-right, .il-quiz.is-wrong-answer').first().waitFor({ timeout: 30_000 });
	await page.screenshot({ path: path.join(SHOTS, 'lesson-switch-1-second-lesson.png') });
});

test('after the panel was hidden, its remade document shows the lesson opened last', async () => {
	const wv = webviewFrame(page);
	const origin = await documentOrigin(wv);
	await runPaletteCommand(page, 'File: New Untitled Text File');
	await page.locator('.editor-instance .monaco-editor').first().waitFor();
	await page.locator('.tabs-container .tab', { hasText: SECOND }).first().click();
	await wv.locator('h1', { hasText: SECOND }).waitFor({ timeout: 30_000 });
	assert.notEqual(await documentOrigin(wv), origin, 'a new document, made from the panel\'s HTML');
	assert.equal(await wv.locator('h1', { hasText: FIRST }).count(), 0);
	await page.screenshot({ path: path.join(SHOTS, 'lesson-switch-2-after-hidden.png') });
});
