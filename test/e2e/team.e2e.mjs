// A team's repository in the real workbench: the test workspace holds a lead's .incident-lessons/assignments.json
// (one assignment for everyone, one for new hires) and the team's own lessons (one valid, one broken).
// A new hire is offered the onboarding track, sees the assigned lessons with due dates, the team's lesson,
// the broken lesson's problems, and opens the Security onboarding walkthrough from the welcome page.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, ROOT, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const cs = codeServerFromEnv();
const SETTINGS = path.join(cs.stateDir, 'user-data', 'User', 'settings.json');
let browser;
let page;
let settingsBefore;

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `team-${name}.png`) });

function viewRow(text) {
	return page.locator('.pane-body .monaco-list-row', { hasText: text });
}

before(async () => {
	settingsBefore = readFileSync(SETTINGS, 'utf8');
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	// "Start" adds new-hires to the user settings, which live on the server and outlast this browser: put them back
	writeFileSync(SETTINGS, settingsBefore);
	await browser?.close();
});

test('a new hire is offered the onboarding track once, and Start opens the first onboarding lesson', async () => {
	const toast = page.locator('.notification-toast', { hasText: 'Welcome to the team!' });
	await toast.waitFor({ timeout: 60_000 });
	assert.deepEqual(await toast.locator('.monaco-button').allInnerTexts(), ['Start', 'Later', 'Don\'t show again']);
	await shot('1-onboarding-suggestion');
	await toast.locator('.monaco-button', { hasText: 'Start' }).click();
	const wv = webviewFrame(page);
	await wv.locator('h1#il-title', { hasText: 'The customer list in a private Gmail account' }).waitFor({ timeout: 30_000 });
});

test('the lead\'s assignments show first in the Lessons view, with due dates, overdue ones marked, and in the status bar', async () => {
	await runPaletteCommand(page, 'Incident Lessons: Focus on Lessons View');
	const assigned = viewRow(/^Assigned/);
	await assigned.waitFor({ timeout: 30_000 });
	// joining new-hires (Start) added the onboarding track to the everyone-assignment
	await page.locator('.statusbar-item', { hasText: 'Assigned 0/5 · 2 overdue' }).waitFor({ timeout: 30_000 });
	assert.match(await assigned.innerText(), /^Assigned\s*0\/5 · 2 overdue$/);
	// screen-reader labels say what the row shows: title, due date, status
	const labels = await page.locator('.pane-body .monaco-list-row').evaluateAll((rows) => rows.slice(1, 6).map((r) => r.getAttribute('aria-label')));
	assert.deepEqual(labels, [
		'The customer list in a private Gmail account, overdue since Jan 31, 2025, Not started',
		'Our deploy key in a public gist, overdue since Jan 31, 2025, Not started',
		'The leaver, the USB stick and the customer database, due Jun 30, 2099, Not started',
		'Service company B: one e-mail, the whole customer database encrypted, due Jun 30, 2099, Not started',
		'When a leak is suspected: the first days, and Japan\'s APPI reporting duty, due Dec 31, 2099, Not started',
	]);
	// overdue rows are highlighted: the label takes the error colour from the extension's decoration
	const labelColor = (text) => viewRow(text).first().locator('.label-name').evaluate((el) => getComputedStyle(el).color);
	const normal = await labelColor('The leaver, the USB stick');
	for (let tries = 0; await labelColor('Our deploy key in a public gist') === normal; tries++) {
		assert.ok(tries < 100, 'the overdue row takes the decoration colour');
		await page.waitForTimeout(100);
	}
	await shot('2-assigned');
});

test('the team\'s own lesson has a group of its own; the broken one is listed in the Problems panel instead', async () => {
	const group = viewRow(/^Workspace lessons/);
	await group.waitFor();
	assert.match(await group.innerText(), /^Workspace lessons\s*0\/1$/);
	assert.equal(await viewRow('Our deploy key in a public gist').count(), 2, 'in Assigned and in Workspace lessons');
	await runPaletteCommand(page, 'View: Focus Problems');
	const problems = page.locator('.markers-panel');
	await problems.locator('.monaco-list-row[aria-label^="2 problems in file broken-lesson.md"]').waitFor({ timeout: 30_000 });
	await problems.locator('.monaco-list-row', { hasText: 'id "broken-lessn" does not match the file name' }).waitFor();
	await problems.locator('.monaco-list-row', { hasText: 'there is no lesson "no-such-lesson"' }).waitFor();
	await shot('3-problems');
});

test('the Security onboarding walkthrough opens from the welcome page', async () => {
	await runPaletteCommand(page, 'Help: Welcome');
	// the welcome page may open inside a built-in walkthrough: go back to its start, where walkthroughs are listed
	const back = page.locator('.gettingStartedContainer .prev-button');
	if (await back.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
		await back.click();
	}
	const entry = page.locator('.getting-started-category', { hasText: 'Security onboarding' }).first();
	const more = page.locator('.gettingStartedContainer .index-list.getting-started .see-all-walkthroughs');
	if (!await entry.waitFor({ timeout: 5000 }).then(() => true, () => false) && await more.isVisible()) {
		await more.click();
	}
	await entry.waitFor({ timeout: 30_000 });
	await shot('4-welcome');
	// completion events follow real actions: open the Lessons view, run Show My Progress
	await runPaletteCommand(page, 'View: Close Primary Side Bar');
	await runPaletteCommand(page, 'Incident Lessons: Focus on Lessons View');
	await viewRow(/^Assigned/).waitFor();
	await runPaletteCommand(page, 'Incident Lessons: Show My Progress');
	// every bundled lesson and the team's one valid lesson (the broken one is not listed)
	const lessons = readdirSync(path.join(ROOT, 'lessons', 'en')).filter((name) => name.endsWith('.md')).length + 1;
	await page.locator('.quick-input-widget', { hasText: `Your progress: 0 of ${lessons} lessons passed` }).waitFor();
	await page.keyboard.press('Escape');
	await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).click();
	await entry.click();
	const steps = page.locator('.getting-started-step');
	await steps.filter({ hasText: 'Open the Lessons view' }).first().waitFor({ timeout: 30_000 });
	const titles = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
	assert.deepEqual(titles, ['Open the Lessons view', 'Take your first onboarding lesson', 'See your progress', 'Find your assigned lessons']);
	const checked = (stepId) => page.locator(`.getting-started-step [data-done-step-id$="#securityOnboarding#${stepId}"]`).getAttribute('aria-checked');
	assert.deepEqual([await checked('openView'), await checked('firstLesson'), await checked('progress'), await checked('assigned')], ['true', 'false', 'true', 'false']);
	await page.waitForTimeout(1000); // the walkthrough slides in
	await shot('5-walkthrough');
	await runPaletteCommand(page, 'View: Close All Editors');
});
