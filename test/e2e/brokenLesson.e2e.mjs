// A damaged install: the lessons' packs (dist/lessons.json.zst, written by the build) no longer read. The
// list (the build's catalog) still shows every lesson; opening one shows an error page and a message naming it, the
// log names the pack; once the file is whole again the same lesson opens, without a reload. The installed pack is
// damaged for this file's window only and restored afterwards.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, webviewFrame } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const cs = codeServerFromEnv();
const LESSON = 'leaver-usb-customer-db';

let browser;
let page;
let file;
let original;
/** The lesson's title as the catalog lists it. */
let title;

before(async () => {
	const extensions = path.join(cs.stateDir, 'extensions');
	const installed = readdirSync(extensions).find((name) => name.startsWith('incident-lessons.incident-lessons-'));
	assert.ok(installed, `the extension is installed in ${extensions}`);
	const catalog = JSON.parse(readFileSync(path.join(extensions, installed, 'dist', 'catalog.json'), 'utf8'));
	title = catalog.lessons.find((l) => l.file === `en/${LESSON}.md`)?.meta.title;
	assert.ok(title, 'the catalog lists the lesson');
	file = path.join(extensions, installed, 'dist', 'lessons.json.zst');
	original = readFileSync(file);
	writeFileSync(file, original.subarray(0, 100));
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
	if (file && original) writeFileSync(file, original);
});

test('a lesson whose pack cannot be read opens an error page and a message naming it; it opens once the pack is whole', async () => {
	const icon = page.locator('.activitybar [aria-label^="Incident Lessons"]').first();
	await icon.waitFor({ timeout: 60_000 });
	await icon.click();
	const row = page.locator('.monaco-list-row', { hasText: title });
	await row.waitFor({ timeout: 30_000 });
	await row.click();

	const toast = page.locator('.notification-toast', { hasText: 'cannot be opened' });
	await toast.waitFor({ timeout: 30_000 });
	assert.match(await toast.innerText(), new RegExp(`en/${LESSON}\\.md cannot be opened`));
	const wv = webviewFrame(page);
	await wv.locator('main.il-error h1').waitFor({ timeout: 30_000 });
	assert.equal(await wv.locator('main.il-error h1').innerText(), 'Lesson not available');
	assert.match(await wv.locator('main.il-error p').innerText(), /log names the file and line/);
	assert.equal(await wv.locator('script:not(#_vscodeApiScript)').count(), 0, 'the error page runs nothing of ours');
	await page.screenshot({ path: path.join(SHOTS, 'broken-lesson.png') });

	// Repaired on disk, the same lesson opens in the same panel: a pack that failed is read again.
	writeFileSync(file, original);
	await page.locator('.monaco-list-row', { hasText: /AXA Non-Life Insurance/ }).click();
	await page.locator('.monaco-list-row', { hasText: title }).click();
	await wv.locator('.il-quiz').first().waitFor({ timeout: 30_000 });
});
