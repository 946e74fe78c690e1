// A bundled lesson that the build's catalog lists but whose file no longer parses (an install damaged on disk): the
// list shows it, opening it shows an error page and a message naming file, line and column, and the other lessons
// still open. The installed file is damaged for this file's window only and restored afterwards.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, webviewFrame } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const cs = codeServerFromEnv();
const LESSON = 'leaver-usb-customer-db';
// Line 15 gives a quiz a `choices` that is not a list: the schema check fails there.
const BROKEN = `---
id: ${LESSON}
title: "Damaged on disk"
summary: Listed by the catalog, fails when opened.
track: onboarding
order: 20
---

## What happened

\`\`\`quiz
id: first
type: single
prompt: Which one?
choices: not a list
\`\`\`
`;

let browser;
let page;
let file;
let original;
/** The lesson's title as the catalog lists it (the damaged file says otherwise). */
let title;

before(async () => {
	const extensions = path.join(cs.stateDir, 'extensions');
	const installed = readdirSync(extensions).find((name) => name.startsWith('incident-lessons.incident-lessons-'));
	assert.ok(installed, `the extension is installed in ${extensions}`);
	file = path.join(extensions, installed, 'lessons', 'en', `${LESSON}.md`);
	original = readFileSync(file);
	title = /^title: "(.*)"$/m.exec(original.toString('utf8'))?.[1];
	assert.ok(title, 'the lesson has a title');
	writeFileSync(file, BROKEN);
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
	if (file && original) writeFileSync(file, original);
});

test('a bundled lesson that does not parse opens an error page and a message naming file and line', async () => {
	const icon = page.locator('.activitybar [aria-label^="Incident Lessons"]').first();
	await icon.waitFor({ timeout: 60_000 });
	await icon.click();
	const row = page.locator('.monaco-list-row', { hasText: title });
	await row.waitFor({ timeout: 30_000 });
	await row.click();

	const toast = page.locator('.notification-toast', { hasText: 'cannot be opened' });
	await toast.waitFor({ timeout: 30_000 });
	assert.match(await toast.innerText(), new RegExp(`en/${LESSON}\\.md:15:\\d+ cannot be opened`));
	const wv = webviewFrame(page);
	await wv.locator('main.il-error h1').waitFor({ timeout: 30_000 });
	assert.equal(await wv.locator('main.il-error h1').innerText(), 'Lesson not available');
	assert.match(await wv.locator('main.il-error p').innerText(), /log names the file and line/);
	assert.equal(await wv.locator('script:not(#_vscodeApiScript)').count(), 0, 'the error page runs nothing of ours');
	await page.screenshot({ path: path.join(SHOTS, 'broken-lesson.png') });

	// The other lessons are unaffected: the next one opens in the same panel.
	await page.locator('.monaco-list-row', { hasText: /AXA Non-Life Insurance/ }).click();
	await wv.locator('.il-quiz').first().waitFor({ timeout: 30_000 });
});
