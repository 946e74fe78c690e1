// An exercise through the real UI: a workspace lesson with one exercise (test/fixtures/exercise/) is opened, started
// (its starter opens in a real editor tab beside the lesson), fixed wrongly (the failing check's hint in the panel, a
// warning at its line in the editor), fixed rightly and checked with the keybinding; the tree and the status bar
// show the pass, Reset brings the starter back, and a reload keeps the pass.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, reloadWindow, ROOT, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const cs = codeServerFromEnv();
const LESSON_FILE = path.join(cs.workspace, '.incident-lessons', 'lessons', 'team-export-audit.md');
const LESSON_TITLE = 'The export nobody saw';
const HINT = 'Write the audit row before you throw, so a refused attempt is still on record.';
let browser;
let page;

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `exercise-${name}.png`) });
const section = () => webviewFrame(page).locator('#il-ex-audit-before-refusal');
const editorTab = () => page.locator('.tabs-container .tab', { hasText: 'exportRows.ts' });
const editorLines = () => page.locator('.editor-instance .monaco-editor .view-lines').first();

before(async () => {
	mkdirSync(path.dirname(LESSON_FILE), { recursive: true });
	copyFileSync(path.join(ROOT, 'test/fixtures/exercise/team-export-audit.md'), LESSON_FILE);
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
	// the other e2e files share this workspace and count its lessons
	rmSync(LESSON_FILE, { force: true });
});

/** Puts the cursor at the start of `line` (1-based) of the exercise editor, by keyboard. */
async function goToLine(line) {
	await editorLines().click();
	await page.keyboard.press('Control+Home');
	for (let i = 1; i < line; i++) {
		await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Home');
}

test('the lesson opens with its exercise section, and Start opens the starter in an editor tab beside it', async () => {
	await runPaletteCommand(page, 'Incident Lessons: Focus on Lessons View');
	const row = page.locator('.pane-body .monaco-list-row', { hasText: LESSON_TITLE });
	await row.waitFor({ timeout: 60_000 });
	await row.click();
	await section().waitFor({ timeout: 30_000 });
	assert.match(await section().locator('.il-ex-title').innerText(), /Exercise: Write the audit row/);
	assert.equal(await section().locator('.il-ex-hint').isEnabled(), true);
	assert.equal(await section().locator('.il-ex-solution').isDisabled(), true, 'no solution before a try');
	await section().locator('.il-ex-start').click();
	await editorTab().waitFor({ timeout: 30_000 });
	await editorLines().locator('text=export limit exceeded').waitFor();
	// beside the lesson: two editor groups, the lesson and the exercise file
	assert.ok(await page.locator('.editor-group-container').count() >= 2);
	await shot('1-started');
});

test('a wrong fix fails with the check\'s hint in the panel and a warning at its line', async () => {
	// the audit call written above the refusal, but only in a comment (a new line 4)
	await goToLine(3);
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('// audit(user, rows.length);');
	// the CodeLens at the top of the file offers the same actions
	const lens = page.locator('.editor-instance .codelens-decoration', { hasText: 'Check my fix' }).first();
	await lens.waitFor({ timeout: 15_000 });
	assert.match(await lens.innerText(), /Check my fix\s*\|\s*Show hint\s*\|\s*Reset/);
	await section().locator('.il-ex-check').click();
	const failing = section().locator('.il-ex-results li.is-fail');
	await failing.waitFor({ timeout: 30_000 });
	assert.match(await failing.innerText(), new RegExp(HINT.replace(/[.,]/g, '.')));
	assert.equal(await section().locator('.il-ex-results li.is-pass').count(), 1);
	// a failed check unlocks the first hint (stored with the check's record, then shown: it may come a moment after the result)
	await section().locator('.il-ex-hints li').first().waitFor({ timeout: 10_000 });
	assert.deepEqual(await section().locator('.il-ex-hints li').allInnerTexts(), ['Look at what happens on the refusal path.']);
	await section().locator('.il-ex-status', { hasText: '1 of 2 checks pass.' }).waitFor({ state: 'attached' });
	// the warning squiggle sits on the `throw new` line (line 6 after the insertion)
	await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 10_000 });
	await runPaletteCommand(page, 'View: Focus Problems');
	await page.locator('.markers-panel .monaco-list-row', { hasText: HINT }).waitFor({ timeout: 10_000 });
	assert.match(await page.locator('.markers-panel .monaco-list-row', { hasText: HINT }).innerText(), /Ln 6/);
	await page.keyboard.press('Control+J'); // the Problems panel goes away for the screenshot
	// the list itself: its items are drawn again as each record of the check arrives
	await section().locator('.il-ex-results').scrollIntoViewIfNeeded();
	await shot('2-wrong-fix');
});

test('a right fix, checked with Ctrl+Alt+Enter, passes; the tree and the status bar show it', async () => {
	// turn the comment into the call (line 4), and drop the call after the refusal (line 8)
	await goToLine(4);
	await page.keyboard.press('Shift+End');
	await page.keyboard.type('audit(user, rows.length);');
	await goToLine(8);
	await page.keyboard.press('Shift+End');
	await page.keyboard.press('Backspace');
	await page.keyboard.press('Control+Alt+Enter');
	await webviewFrame(page).locator('#il-ex-audit-before-refusal.is-passed').waitFor({ timeout: 30_000 });
	assert.equal(await section().locator('.il-ex-results li.is-fail').count(), 0);
	assert.equal(await section().locator('.il-ex-explain').isVisible(), true, 'the explanation after a pass');
	assert.equal(await section().locator('.il-ex-solution').isEnabled(), true, 'the solution after a pass');
	assert.equal(await page.locator('.editor-instance .squiggly-warning').count(), 0);
	await page.locator('.statusbar', { hasText: /Lessons 1\/\d+/ }).waitFor({ timeout: 30_000 });
	await page.locator('.monaco-list-row[aria-label*="Passed"]', { hasText: LESSON_TITLE }).waitFor({ timeout: 30_000 });
	await section().scrollIntoViewIfNeeded();
	await shot('3-passed');
});

test('Reset asks first and brings the starter back', async () => {
	await section().locator('.il-ex-reset').click();
	const dialog = page.locator('.monaco-dialog-box');
	await dialog.waitFor({ timeout: 10_000 });
	await shot('4-reset-dialog');
	await dialog.locator('.monaco-button', { hasText: 'Reset' }).click();
	await section().locator('.il-ex-status', { hasText: 'back to the starter code' }).waitFor({ state: 'attached', timeout: 10_000 });
	const text = (await editorLines().innerText()).replace(/\u00a0/g, ' ');
	assert.ok(text.indexOf('export limit exceeded') < text.indexOf('audit(user, rows.length)'), `the starter again:\n${text}`);
	await webviewFrame(page).locator('#il-ex-audit-before-refusal.is-passed').waitFor();
});

test('Show solution opens the reference beside the learner\'s file as a diff', async () => {
	await section().locator('.il-ex-solution').click();
	await page.locator('.tabs-container .tab', { hasText: 'reference solution' }).waitFor({ timeout: 30_000 });
	const diff = page.locator('.monaco-diff-editor').first();
	await diff.waitFor();
	await diff.locator('.editor.modified .view-lines', { hasText: 'export limit exceeded' }).waitFor({ timeout: 10_000 });
	await shot('5-solution');
});

test('after a reload the pass is still there', async () => {
	await reloadWindow(page);
	await webviewFrame(page).locator('#il-ex-audit-before-refusal.is-passed').waitFor({ timeout: 60_000 });
	await page.locator('.statusbar', { hasText: /Lessons 1\/\d+/ }).waitFor({ timeout: 30_000 });
	await shot('6-after-reload');
});
