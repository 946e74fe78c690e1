// A scanner's problem that carries a CWE offers the lesson that teaches it: a stand-in scanner extension
// (test/fixtures/sarif/scanner-extension, loaded as a development extension next to the installed one) reports card
// data written to a log (CWE-532); the quick fix menu shows "Learn from a real incident: …", which opens the lesson.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, launchBrowser, remoteUri, waitForWorkbench, webviewFrame, workbenchUrl } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const SCANNER = path.resolve('test/fixtures/sarif/scanner-extension');
const ACTION = /Learn from a real incident: Retailer A.*card data leaking from the POS/;
const cs = codeServerFromEnv();
let browser;
let page;

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `finding-${name}.png`) });

before(async () => {
	mkdirSync(path.join(cs.workspace, 'billing'), { recursive: true });
	writeFileSync(path.join(cs.workspace, 'billing', 'charge.py'), [
		'import logging',
		'',
		'',
		'def charge(order, card_number):',
		'    logging.info("charging order %s with card %s", order.id, card_number)',
		'    return gateway.charge(order.total, card_number)',
		'',
	].join('\n'));
	browser = await launchBrowser();
	page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.goto(workbenchUrl(cs, { payload: { extensionDevelopmentPath: remoteUri(cs, SCANNER) } }));
	await waitForWorkbench(page);
});

after(async () => {
	await browser?.close();
});

test('the quick fix menu on a CWE-532 problem offers the lesson, and choosing it opens the lesson', async () => {
	// The extension starts with its view; the problem may already be there then.
	const icon = page.locator('.activitybar [aria-label^="Incident Lessons"]').first();
	await icon.waitFor({ timeout: 60_000 });
	await icon.click();
	await page.locator('.monaco-list-row', { hasText: /Retailer A/ }).first().waitFor({ timeout: 30_000 });

	await page.keyboard.press('Control+P');
	await page.keyboard.type('charge.py');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'charge.py' }).first().click();
	const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
	await squiggle.waitFor({ timeout: 30_000 });

	await page.keyboard.press('Control+G');
	await page.keyboard.type('5:10');
	await page.keyboard.press('Enter');
	const item = page.locator('.action-widget .monaco-list-row', { hasText: ACTION }).first();
	for (let attempt = 0; attempt < 10 && !await item.isVisible(); attempt++) {
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+.');
		await item.waitFor({ timeout: 3000 }).catch(() => undefined);
	}
	assert.ok(await item.isVisible(), 'the Code Action is in the quick fix menu');
	await shot('1-quick-fix');

	// The menu focuses its first item; Enter runs it (a click can land on the menu's hover layer).
	assert.match(await page.locator('.action-widget .monaco-list-row.focused').first().innerText(), ACTION);
	await page.keyboard.press('Enter');
	const tab = page.locator('.tab', { hasText: /Incident Lessons: Retailer A/ }).first();
	await tab.waitFor({ timeout: 30_000 });
	// opened at the section the lesson gives for CWE-532: its heading is scrolled to the top of the page
	const heading = webviewFrame(page).locator('h2', { hasText: 'What a developer could have built' });
	await heading.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1500);
	const box = await heading.boundingBox();
	assert.ok(box && box.y < 150, `the section heading is at the top (y = ${box?.y})`);
	await shot('2-lesson');
});
