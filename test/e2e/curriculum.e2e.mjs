// The curriculum's pictures in the real webview: the AXA lesson's timeline and breakdown chart, in a dark and a
// light theme, and the Japanese version of the lesson.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const cs = codeServerFromEnv();
let browser;
let page;

/** Runs a command from the palette, then picks `choice` in the quick pick it opens (if any). */
async function runCommand(command, choice) {
	await runPaletteCommand(page, command);
	if (choice) {
		// Typed only once the command's own pick has replaced the palette (an empty input), not into the closing palette.
		await page.waitForFunction(() => {
			const input = document.querySelector('.quick-input-widget:not([style*="display: none"]) .quick-input-box input');
			return input instanceof HTMLInputElement && input.value === '';
		}, undefined, { timeout: 30_000 });
		await page.keyboard.type(choice);
		await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: choice }).first().click();
	}
}

before(async () => {
	({ browser, page } = await openWorkbench(cs, { viewport: { width: 1400, height: 1000 } }));
});

after(async () => {
	// user settings live on the server, shared with the next test file: put them back
	await runCommand('Incident Lessons: Change Lesson Language', 'Follow the VS Code display language');
	await runCommand('Preferences: Color Theme', 'Dark Modern');
	await browser?.close();
});

test('the AXA lesson shows its timeline and breakdown chart, with text alternatives', async () => {
	await runCommand('Incident Lessons: Open Lesson', 'AXA Non-Life');
	const wv = webviewFrame(page);
	const timeline = wv.locator('.il-figure-timeline svg[role="img"]');
	const chart = wv.locator('.il-figure-breakdown svg[role="img"]');
	await timeline.waitFor({ timeout: 30_000 });
	await chart.waitFor();
	assert.ok((await timeline.boundingBox()).height > 100, 'the timeline has room for its events');
	assert.match(await wv.locator('#il-fig-timeline-desc').textContent(), /19 Mar 2025: .*21 Apr 2025: /);
	assert.match(await wv.locator('#il-fig-breakdown-desc').textContent(), /143,000 .*52,000/);
	assert.equal(await chart.locator('rect.il-fig-bar').count(), 5);
	await timeline.scrollIntoViewIfNeeded();
	await page.screenshot({ path: path.join(SHOTS, 'curriculum-axa-dark.png') });
});

test('the figures follow a light theme', async () => {
	await runCommand('Preferences: Color Theme', 'Light Modern');
	const wv = webviewFrame(page);
	await wv.locator('body.vscode-light').waitFor({ timeout: 30_000 });
	const fill = await wv.locator('rect.il-fig-bar').first().evaluate((el) => getComputedStyle(el).fill);
	assert.notEqual(fill, 'rgb(0, 0, 0)', 'bars take a theme colour');
	await wv.locator('.il-figure-breakdown').scrollIntoViewIfNeeded();
	await page.screenshot({ path: path.join(SHOTS, 'curriculum-axa-light.png') });
});

test('the lesson language setting shows the Japanese lesson', async () => {
	await runCommand('Incident Lessons: Change Lesson Language', '日本語');
	const wv = webviewFrame(page);
	await wv.locator('article[lang="ja"]').waitFor({ timeout: 30_000 });
	assert.match(await wv.locator('#il-fig-timeline-desc').textContent(), /2025年3月19日/);
	await page.screenshot({ path: path.join(SHOTS, 'curriculum-axa-ja-light.png') });
});
