// WCAG 2.2 AA in the lesson panel's own document, in the real workbench: axe-core (the WCAG A/AA rules) on every
// state a learner meets (a fresh lesson, wrong and ordering answers, review cards, the end of a review session, a
// passed lesson) in the light, dark and both high-contrast themes, with what axe leaves for review checked by
// computed contrast and every focus indicator measured; the team HTML report in light and dark.
// The workbench's own chrome is not audited.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, openWorkbench, ROOT, run, runPaletteCommand, webviewFrame } from '../harness/codeServer.mjs';
import { passExercises } from '../harness/exercises.mjs';
import { axeAudit, checkFocusIndicators, describeViolations, lessonFrame, reviewColourItems, setTheme, THEMES } from '../harness/a11y.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const LESSON_TITLE = /AXA Non-Life Insurance/;
const cs = codeServerFromEnv();
let browser;
let page;

before(async () => {
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
});

/** The lesson's own row (named "<title>, <status>"), not a review row that shows the lesson's title as its description. */
function lessonRow() {
	return page.locator('.pane-body .monaco-list-row[aria-label^="AXA Non-Life Insurance"]').first();
}

async function openLessonsView() {
	if (!await lessonRow().waitFor({ timeout: 3000 }).then(() => true, () => false)) {
		await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().click();
	}
	await lessonRow().waitFor({ timeout: 60_000 });
}

/**
 * Audits the page as it is now in every theme: axe's violations, its colour items to review, and the focus
 * indicators. Takes a screenshot per theme (`show` is scrolled into view first) and asserts nothing failed.
 */
async function audit(state, show) {
	const failures = [];
	for (const theme of THEMES) {
		await setTheme(page, theme);
		const frame = await lessonFrame(page);
		const { violations, incomplete } = await axeAudit(frame);
		if (violations.length > 0) {
			failures.push(`${theme.name}: axe violations\n${describeViolations(violations)}`);
		}
		for (const failure of await reviewColourItems(frame, incomplete)) {
			failures.push(`${theme.name}: ${failure}`);
		}
		const focus = await checkFocusIndicators(frame);
		assert.ok(focus.checked > 0, `${state}: something to focus`);
		failures.push(...focus.failures.map((f) => `${theme.name}: focus ${f}`));
		if (show) {
			await webviewFrame(page).locator(show).first().scrollIntoViewIfNeeded();
		}
		await page.screenshot({ path: path.join(SHOTS, `a11y-${state}-${theme.bodyClass}.png`) });
	}
	assert.deepEqual(failures, [], `${state}:\n${failures.join('\n')}`);
}

async function submit(quiz) {
	await quiz.locator('.il-check').click();
	await quiz.locator('.il-verdict:not(:empty)').waitFor();
	return (await quiz.getAttribute('class')).includes('is-right');
}

test('a lesson freshly opened', { timeout: 180_000 }, async () => {
	await openLessonsView();
	await lessonRow().click();
	await webviewFrame(page).locator('.il-quiz').first().waitFor({ timeout: 30_000 });
	await audit('1-fresh', 'pre.il-code');
	// a narrow panel: wide tables and code samples scroll sideways, and are still reached by keyboard
	await page.setViewportSize({ width: 800, height: 900 });
	try {
		const { violations } = await axeAudit(await lessonFrame(page));
		assert.deepEqual(violations, [], describeViolations(violations));
	} finally {
		await page.setViewportSize({ width: 1400, height: 900 });
	}
	// the same page under the operating system's forced colours (Windows High Contrast)
	await page.emulateMedia({ forcedColors: 'active' });
	try {
		const { violations } = await axeAudit(await lessonFrame(page));
		assert.deepEqual(violations, [], describeViolations(violations));
		await page.screenshot({ path: path.join(SHOTS, 'a11y-1-fresh-forced-colors.png') });
	} finally {
		await page.emulateMedia({ forcedColors: 'none' });
	}
});

test('a single-choice quiz answered wrong', { timeout: 180_000 }, async () => {
	const quiz = webviewFrame(page).locator('.il-quiz[data-quiz-type="single"]').first();
	await quiz.scrollIntoViewIfNeeded();
	// a single-choice quiz has one right choice: if the first is it, the second is wrong
	for (const index of [0, 1]) {
		await quiz.locator(`.il-choice[data-index="${index}"] label`).click();
		if (!await submit(quiz)) {
			break;
		}
		await quiz.locator('.il-retry').click();
	}
	assert.match(await quiz.getAttribute('class'), /is-wrong-answer/);
	await audit('2-single-wrong', '.il-quiz.is-wrong-answer');
});

test('an ordering quiz answered', { timeout: 180_000 }, async () => {
	const quiz = webviewFrame(page).locator('.il-quiz[data-quiz-type="order"]').first();
	await quiz.scrollIntoViewIfNeeded();
	await submit(quiz); // the shown order is never the right one
	await audit('3-order-answered', '.il-quiz[data-quiz-type="order"]');
});

test('review cards before and after answering, and the end of the session', { timeout: 420_000 }, async () => {
	// the wrong answers above fall due a minute after they were given
	await openLessonsView();
	await page.locator('.pane-body .monaco-list-row', { hasText: /\d+ due today/ }).waitFor({ timeout: 150_000 });
	await runPaletteCommand(page, 'Incident Lessons: Start Review');
	const wv = webviewFrame(page);
	await wv.locator('.il-review .il-quiz').waitFor({ timeout: 30_000 });
	await audit('4-review-card');
	for (let card = 1; card <= 10 && await wv.locator('.il-review .il-quiz').count() > 0; card++) {
		const quiz = wv.locator('.il-quiz');
		if (await quiz.getAttribute('data-quiz-type') !== 'order') {
			await quiz.locator('.il-choice label').first().click();
		}
		await submit(quiz);
		await wv.locator('#il-review-next:focus').waitFor({ timeout: 5000 });
		if (card === 1) {
			await audit('5-review-answered', '.il-quiz');
		}
		await wv.locator('#il-review-next').press('Enter');
		await wv.locator('.il-review-done, .il-review .il-quiz:not(.is-right):not(.is-wrong-answer)').first().waitFor({ timeout: 30_000 });
		if (await wv.locator('.il-review .il-quiz').count() > 0) {
			await wv.locator('.il-quiz input:focus, .il-quiz .il-step:focus').waitFor({ timeout: 5000 }); // the next card's first control
		}
	}
	// the done page: focus on its heading (the Next button is gone), its text in the live region
	await wv.locator('.il-review-done').waitFor({ timeout: 30_000 });
	const done = await lessonFrame(page);
	await done.waitForFunction(() => document.activeElement?.id === 'il-title', undefined, { timeout: 10_000 })
		.catch(async () => assert.fail(`focus on the done page: ${await done.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`));
	await wv.locator('#il-live', { hasText: 'Reviews answered in this session' }).waitFor({ state: 'attached', timeout: 5000 });
	assert.deepEqual(await done.evaluate(() => [document.documentElement.lang !== '', document.title !== '']), [true, true], 'lang and title');
	await audit('6-review-done');
});

test('a passed lesson', { timeout: 300_000 }, async () => {
	await openLessonsView();
	await lessonRow().click();
	const wv = webviewFrame(page);
	await wv.locator('h1#il-title', { hasText: LESSON_TITLE }).waitFor({ timeout: 30_000 });
	for (const quiz of await wv.locator('.il-quiz').all()) {
		await quiz.scrollIntoViewIfNeeded();
		if (await quiz.getAttribute('class').then((c) => c.includes('is-right'))) {
			continue;
		}
		if (await quiz.locator('.il-retry:not([hidden])').count() > 0) {
			await quiz.locator('.il-retry').click();
		}
		if (await quiz.getAttribute('data-quiz-type') !== 'order' && await quiz.locator('input:checked').count() === 0) {
			await quiz.locator('.il-choice label').first().click();
		}
		if (!await submit(quiz)) {
			// learned from the feedback, as a learner does: the right choices, or the steps in their order
			const type = await quiz.getAttribute('data-quiz-type');
			const right = type === 'order'
				? await quiz.locator('.il-step').evaluateAll((steps) => steps.map((_, i) => i))
				: await quiz.locator('.il-choice.is-correct').evaluateAll((items) => items.map((item) => Number(item.dataset.index)));
			await quiz.locator('.il-retry').click();
			if (type === 'order') {
				for (let target = 0; target < right.length; target++) {
					const step = quiz.locator(`.il-step[data-index="${right[target]}"]`);
					const position = await step.evaluate((el) => [...el.parentElement.children].indexOf(el));
					for (let i = position; i > target; i--) {
						await step.press('Alt+ArrowUp');
					}
				}
			} else {
				for (const choice of await quiz.locator('.il-choice').all()) {
					const wanted = right.includes(Number(await choice.getAttribute('data-index')));
					if (await choice.locator('input').isChecked() !== wanted) {
						await choice.locator('label').click();
					}
				}
			}
			assert.equal(await submit(quiz), true, 'right after learning the answer');
		}
	}
	// The exercise in progress: started, and checked once with the starter (failing checks and their hints shown).
	const exercise = wv.locator('.il-exercise').first();
	await exercise.locator('[data-action="start"]').click();
	await page.locator('.tabs-container .tab', { hasText: 'Incident Lessons:' }).first().click();
	await exercise.locator('[data-action="check"]').click();
	await wv.locator('.il-exercise.is-failing').first().waitFor({ timeout: 30_000 });
	await audit('6-exercise-failing', '.il-exercise');
	await passExercises(page, 'axa-non-life-unauthorized-access');
	await wv.locator('#il-score', { hasText: 'Lesson passed.' }).waitFor();
	await wv.locator('#il-live', { hasText: 'Lesson passed.' }).waitFor({ state: 'attached' });
	await audit('7-passed', '#il-score');
});

test('the team HTML report passes axe in light and dark', { timeout: 120_000 }, async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'il-report-'));
	try {
		const file = path.join(dir, 'team.html');
		await run(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'report', path.join(ROOT, 'test/fixtures/reports'), '--html', file], { quiet: true });
		for (const colorScheme of ['light', 'dark']) {
			const context = await browser.newContext({ colorScheme });
			const report = await context.newPage();
			await report.goto(pathToFileURL(file).href);
			const { violations, incomplete } = await axeAudit(report.mainFrame());
			assert.deepEqual(violations, [], `${colorScheme}:\n${describeViolations(violations)}`);
			assert.deepEqual(await reviewColourItems(report.mainFrame(), incomplete), [], colorScheme);
			await report.screenshot({ path: path.join(SHOTS, `a11y-team-report-${colorScheme}.png`), fullPage: true });
			await context.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
