// A lesson by keyboard alone, in the real workbench: opened from the command palette, every quiz type answered
// (single choice, multiple choice, ordering with the Move buttons and with Alt+Up), wrong first and then right after
// Try again. After every key the focused element is checked: never <body>, visible, with a 2px focus indicator.
// At the end the live region has said the score and the pass.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';
import { lessonFrame } from '../harness/a11y.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const LESSON_TITLE = 'Retailer A: card data leaking from the POS for three months';
const cs = codeServerFromEnv();
let browser;
let page;
let frame;
/** Every key pressed, with what had focus after it (for failure messages). */
const trail = [];

before(async () => {
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
});

/** What has focus in the lesson's document, and whether a sighted keyboard user can see it. */
function focused() {
	return frame.evaluate(() => {
		const el = document.activeElement;
		const box = el.getBoundingClientRect();
		const style = getComputedStyle(el);
		return {
			tag: el.tagName.toLowerCase(),
			className: typeof el.className === 'string' ? el.className : '',
			move: el.dataset?.move,
			index: el.closest('[data-index]')?.dataset.index,
			quizId: el.closest('.il-quiz')?.dataset.quizId,
			visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && el.closest('[hidden]') === null,
			ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
		};
	});
}

/** Presses `key` and checks what has focus afterwards: never <body>, visible, with its focus ring. */
async function press(key) {
	await page.keyboard.press(key);
	const now = await focused();
	trail.push(`${key} → ${now.tag}.${now.className}`);
	assert.notEqual(now.tag, 'body', `focus fell to <body> after ${key}\n${trail.slice(-8).join('\n')}`);
	assert.ok(now.visible, `focus on something hidden after ${key}: ${JSON.stringify(now)}`);
	assert.ok(now.ring, `no 2px focus ring after ${key}: ${JSON.stringify(now)}`);
	return now;
}

/** Tabs (Shift+Tab with `back`) until `wanted(focused)`; at most 60 keys. */
async function tabTo(wanted, back = false) {
	for (let i = 0; i < 60; i++) {
		const now = await press(back ? 'Shift+Tab' : 'Tab');
		if (wanted(now)) {
			return now;
		}
	}
	assert.fail(`never reached by Tab\n${trail.slice(-10).join('\n')}`);
}

/** Enter on Check answer; resolves with the verdict once it is shown, focus then on Try again. */
async function check(quiz) {
	assert.match((await focused()).className, /il-check/);
	await press('Enter');
	await quiz.locator('.il-verdict:not(:empty)').waitFor({ timeout: 10_000 });
	const now = await focused();
	assert.match(now.className, /il-retry/, 'focus moves to Try again');
	return (await quiz.getAttribute('class')).includes('is-right');
}

/** Tries again, focus then on the quiz's first control. */
async function retry() {
	const now = await press('Enter');
	assert.ok(now.tag === 'input' || now.className.includes('il-step'), `Try again focuses the first control: ${JSON.stringify(now)}`);
	return now;
}

/** Choice indices in the order they are on screen. */
async function shownOrder(quiz, item) {
	return quiz.locator(item).evaluateAll((els) => els.map((el) => Number(el.dataset.index)));
}

async function answerSingle(quiz) {
	await press('Space'); // the first choice, wherever it is
	await press('Tab');
	if (await check(quiz)) {
		return;
	}
	const right = Number(await quiz.locator('.il-choice.is-correct').getAttribute('data-index'));
	await retry();
	await press('Space');
	const place = (await shownOrder(quiz, '.il-choice')).indexOf(right);
	for (let i = 0; i < place; i++) {
		await press('ArrowDown');
	}
	await press('Tab');
	assert.equal(await check(quiz), true, 'right after Try again');
}

/** Sets every checkbox to `wanted` (choice indices) going down with Tab; ends on Check answer. */
async function tickBoxes(quiz, wanted) {
	for (const index of await shownOrder(quiz, '.il-choice')) {
		const box = quiz.locator(`.il-choice[data-index="${index}"] input`);
		if (await box.isChecked() !== wanted.includes(index)) {
			await press('Space');
		}
		await press('Tab');
	}
}

async function answerMultiple(quiz) {
	await tickBoxes(quiz, [(await shownOrder(quiz, '.il-choice'))[0]]);
	if (await check(quiz)) {
		return;
	}
	const right = await quiz.locator('.il-choice.is-correct').evaluateAll((els) => els.map((el) => Number(el.dataset.index)));
	await retry();
	await tickBoxes(quiz, right);
	assert.equal(await check(quiz), true, 'right after Try again');
}

async function answerOrder(quiz, quizId) {
	// Move up on the second step takes it to the top, where that button hides itself: focus must stay on the step
	const up = await tabTo((f) => f.quizId === quizId && f.move === '-1');
	const after = await press('Enter');
	assert.equal(after.move, '1', `focus went to the step's Move down: ${JSON.stringify(after)}`);
	assert.equal(after.index, up.index, 'on the step that moved');
	await shotOnce('order-moved');
	await tabTo((f) => f.className.includes('il-check'));
	if (await check(quiz)) {
		return;
	}
	await retry();
	// the steps' right order is their order in the lesson (data-index 0, 1, …): move each up into place with Alt+Up
	const count = await quiz.locator('.il-step').count();
	for (let target = 0; target < count; target++) {
		const position = (await shownOrder(quiz, '.il-step')).indexOf(target);
		if ((await focused()).index !== String(target) || !(await focused()).className.includes('il-step')) {
			await tabTo((f) => f.className.includes('il-step') && f.index === String(target));
		}
		for (let i = position; i > target; i--) {
			const now = await press('Alt+ArrowUp');
			assert.equal(now.index, String(target), 'the moved step keeps focus');
		}
	}
	await tabTo((f) => f.className.includes('il-check'));
	assert.equal(await check(quiz), true, 'right after Try again');
}

const shots = new Set();
async function shotOnce(name) {
	if (!shots.has(name)) {
		shots.add(name);
		await page.screenshot({ path: path.join(SHOTS, `keyboard-${name}.png`) });
	}
}

test('every quiz type answered by keyboard alone; focus is never lost, and the score is announced', { timeout: 300_000 }, async () => {
	await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().waitFor({ timeout: 60_000 });
	await runPaletteCommand(page, 'Incident Lessons: Open Lesson');
	// the lesson pick replaces the palette once the lessons are listed: type into it, not into the palette
	await page.locator('.quick-input-list .monaco-list-row', { hasText: /\d+ min/ }).first().waitFor({ timeout: 30_000 });
	await page.keyboard.type('Retailer A');
	const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Retailer A' }).first();
	await row.waitFor({ timeout: 30_000 }).catch(async (error) => {
		await page.screenshot({ path: path.join(SHOTS, 'keyboard-0-pick-failed.png') });
		throw error;
	});
	await page.keyboard.press('Enter');
	const wv = webviewFrame(page);
	await wv.locator('h1#il-title', { hasText: LESSON_TITLE }).waitFor({ timeout: 30_000 });
	frame = await lessonFrame(page);
	// the opened panel takes the keyboard: its document has focus (on <body> until the first Tab)
	await frame.waitForFunction(() => document.hasFocus(), undefined, { timeout: 10_000 });
	const quizzes = await wv.locator('.il-quiz').all();
	const types = new Set();
	for (const quiz of quizzes) {
		const quizId = await quiz.getAttribute('data-quiz-id');
		const type = await quiz.getAttribute('data-quiz-type');
		types.add(type);
		if (type === 'order') {
			await answerOrder(quiz, quizId);
		} else {
			await tabTo((f) => f.quizId === quizId && f.tag === 'input');
			await (type === 'single' ? answerSingle(quiz) : answerMultiple(quiz));
		}
		await shotOnce(`${type}-answered`);
	}
	assert.deepEqual([...types].sort(), ['multiple', 'order', 'single']);
	// Every quiz right: the score counts them all (the lesson's exercise, a question too, is still to do).
	const quizCount = quizzes.length;
	await wv.locator('#il-live', { hasText: new RegExp(`Score: ${quizCount} of ${quizCount + 1} questions right`) }).waitFor({ state: 'attached', timeout: 10_000 });
	const live = await wv.locator('#il-live').textContent();
	assert.match(live, /Score: \d+ of \d+ questions right \(\d+%\)/, `the live region says the score: ${live}`);
});
