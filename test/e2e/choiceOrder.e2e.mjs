// Two learners (two workspaces of one code-server, so two progress stores and two seeds) open the same lesson: the
// choices of its quizzes are shown in a different order to each, a reload keeps each one's order, and Try again
// shows a new order that a reload also keeps. Uses its own folders, so other tests' progress is not touched.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, launchBrowser, runPaletteCommand, waitForWorkbench, webviewFrame, workbenchUrl } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const LESSON_TITLE = 'AXA Non-Life';
const cs = codeServerFromEnv();
const folders = { a: path.join(cs.stateDir, 'learner-a'), b: path.join(cs.stateDir, 'learner-b') };
const windows = {};
const orders = {};
let browser;
let context;

before(async () => {
	for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
});

after(async () => {
	await browser?.close();
});

async function openLesson(page) {
	await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().waitFor({ timeout: 60_000 });
	await runPaletteCommand(page, 'Incident Lessons: Open Lesson');
	await page.locator('.quick-input-widget input[placeholder="Open a lesson"]').waitFor({ timeout: 30_000 });
	await page.keyboard.type(LESSON_TITLE);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: LESSON_TITLE }).first().click();
	await webviewFrame(page).locator('#il-score').waitFor({ timeout: 30_000 });
}

async function openWindow(folder) {
	const page = await context.newPage();
	await page.goto(workbenchUrl(cs, { folder }));
	await waitForWorkbench(page);
	await openLesson(page);
	return page;
}

async function reload(page) {
	await page.keyboard.press('F1');
	await page.keyboard.type('Developer: Reload Window');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
	await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
	await waitForWorkbench(page);
	// The lesson panel comes back by itself after a reload.
	await webviewFrame(page).locator('.il-quiz').first().waitFor({ timeout: 60_000 });
}

/** The choice ids of every single/multiple quiz, in the order shown: `[[2,0,3,1], …]`. */
async function shownOrders(page) {
	const quizzes = webviewFrame(page).locator('.il-quiz:not([data-quiz-type="order"])');
	const result = [];
	for (const quiz of await quizzes.all()) {
		result.push(await quiz.locator('.il-choice').evaluateAll((items) => items.map((li) => Number(li.dataset.index))));
	}
	return result;
}

/** Waits for the verdict of the answer just sent (the `graded` message clears aria-busy; a `restore` before it does not). */
async function graded(quiz) {
	await quiz.locator('.il-verdict:not(:empty)').waitFor();
	await quiz.locator('xpath=self::*[not(@aria-busy)]').waitFor();
}

const isPermutation = (order) => [...order].sort((x, y) => x - y).every((v, i) => v === i);

test('two learners see the same lesson\'s choices in different orders', async () => {
	windows.a = await openWindow(folders.a);
	orders.a = await shownOrders(windows.a);
	windows.b = await openWindow(folders.b);
	orders.b = await shownOrders(windows.b);
	assert.ok(orders.a.length >= 3, `${orders.a.length} choice quizzes`);
	assert.equal(orders.a.length, orders.b.length);
	assert.ok([...orders.a, ...orders.b].every(isPermutation), 'each quiz shows each of its choices once');
	// Over every choice quiz of the lesson (4-6 choices each), equal orders by chance are far below one in a million.
	assert.notDeepEqual(orders.a, orders.b);
	const first = webviewFrame(windows.a).locator('.il-quiz:not([data-quiz-type="order"])').first();
	await first.scrollIntoViewIfNeeded();
	await windows.a.screenshot({ path: path.join(SHOTS, 'choice-order-a.png') });
	await webviewFrame(windows.b).locator('.il-quiz:not([data-quiz-type="order"])').first().scrollIntoViewIfNeeded();
	await windows.b.screenshot({ path: path.join(SHOTS, 'choice-order-b.png') });
});

test('a reload keeps each learner\'s order', async () => {
	for (const name of ['a', 'b']) {
		await windows[name].bringToFront();
		await reload(windows[name]);
		assert.deepEqual(await shownOrders(windows[name]), orders[name], `learner ${name}`);
	}
});

test('Try again shows a new order, and a reload after answering it keeps that one', async () => {
	const page = windows.a;
	await page.bringToFront();
	const quizzes = await webviewFrame(page).locator('.il-quiz:not([data-quiz-type="order"])').all();
	const retried = [];
	// One quiz at a time: each answer makes the panel show every stored answer again.
	for (const quiz of quizzes) {
		await quiz.scrollIntoViewIfNeeded();
		await quiz.locator('.il-choice label').first().click();
		await quiz.locator('.il-check').click();
		await graded(quiz);
		await quiz.locator('.il-retry').click();
		retried.push(await quiz.locator('.il-choice').evaluateAll((items) => items.map((li) => Number(li.dataset.index))));
		// The second attempt keeps the selection; its answer is stored with it.
		await quiz.locator('.il-check').click();
		await graded(quiz);
	}
	assert.ok(retried.every(isPermutation));
	assert.notDeepEqual(retried, orders.a, 'a second attempt is shuffled anew');
	await webviewFrame(page).locator('.il-quiz:not([data-quiz-type="order"])').last().scrollIntoViewIfNeeded();
	await page.screenshot({ path: path.join(SHOTS, 'choice-order-retried.png') });
	// After a reload each answer is shown in the order it was given in.
	await reload(page);
	await webviewFrame(page).locator('.il-quiz .il-verdict:not(:empty)').first().waitFor({ timeout: 30_000 });
	assert.deepEqual(await shownOrders(page), retried);
});
