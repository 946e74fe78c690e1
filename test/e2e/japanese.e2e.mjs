// The Japanese UI in the real workbench: VS Code's display language `ja` (code-server `--locale ja`, see
// displayLanguage.mjs) and `incidentLessons.lessonLanguage: ja`. The view's groups, badges and title, the status
// bar, the lesson page's facts, quiz captions and buttons, and the feedback after an answer are all in Japanese.
// Its own code-server: the shared one runs in English. Screenshots (test-results/screenshots/japanese-*.png) are
// for looking at the glyphs: they need a CJK font (fonts-noto-cjk, installed by systemPackages.sh).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, TEST_DIR, VSIX_PATH, launchBrowser, startCodeServer, waitForWorkbench, webviewFrame, workbenchUrl } from '../harness/codeServer.mjs';
import { stubLanguagePack } from '../harness/displayLanguage.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const BUNDLE = JSON.parse(readFileSync(path.join(ROOT, 'l10n/bundle.l10n.ja.json'), 'utf8'));
const NLS = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.ja.json'), 'utf8'));
/** Kana or kanji: what a Japanese label has and an English fallback does not. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LESSON_TITLE = /アクサ損害保険/;

let cs;
let browser;
let page;
let passed = 0;
const TESTS = 3;

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `japanese-${name}.png`) });

/** The Japanese translation of an English runtime string, with `{n}` placeholders filled in. */
function ja(english, ...args) {
	const text = BUNDLE[english];
	assert.ok(text && JAPANESE.test(text), `l10n/bundle.l10n.ja.json translates "${english}"`);
	return text.replace(/\{(\d+)\}/g, (_, n) => String(args[Number(n)]));
}

before(async () => {
	const vsix = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : VSIX_PATH;
	mkdirSync(TEST_DIR, { recursive: true });
	const stateDir = mkdtempSync(path.join(TEST_DIR, 'state-ja-'));
	stubLanguagePack(path.join(stateDir, 'user-data'), 'ja');
	cs = await startCodeServer({
		vsixPaths: [vsix], stateDir, fresh: false, locale: 'ja',
		settings: { 'workbench.colorTheme': 'Default Dark Modern', 'incidentLessons.lessonLanguage': 'ja' },
	});
	browser = await launchBrowser({ stateDir: cs.stateDir });
	page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.goto(workbenchUrl(cs));
	await waitForWorkbench(page);
});

after(async () => {
	await browser?.close();
	await cs?.stop({ clean: passed === TESTS });
});

test('the Lessons view, its groups and badges, and the status bar are in Japanese', async () => {
	assert.equal(await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE), 'ja', 'the workbench runs in Japanese');
	const icon = page.locator('.activitybar [aria-label^="Incident Lessons"]').first();
	await icon.waitFor({ timeout: 60_000 });
	await icon.click();
	const lesson = page.locator('.pane-body .monaco-list-row', { hasText: LESSON_TITLE });
	await lesson.waitFor({ timeout: 30_000 });
	// move the pointer off the activity bar: its hover would cover the first rows in the screenshot
	await page.mouse.move(900, 500);
	// the view's name (package.nls.ja.json) in the side bar's title: a single view shows no pane header
	await page.locator('.part.sidebar .composite.title', { hasText: NLS['view.lessons'] }).waitFor();
	const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
	for (const group of ['Onboarding', 'Developer', 'Team lead']) {
		assert.ok(rows.some((r) => r.includes(ja(group))), `group ${ja(group)} in: ${rows.join(' | ')}`);
	}
	// the group's count badge and the lesson's minutes badge
	assert.ok(rows.some((r) => r.startsWith(ja('Developer')) && /0\/\d+/.test(r)), `a count badge in: ${rows.join(' | ')}`);
	assert.match(await lesson.innerText(), new RegExp(ja('{0} min', '\\d+')));
	assert.match(await lesson.getAttribute('aria-label'), new RegExp(ja('Not started')));
	await page.locator('.statusbar', { hasText: new RegExp(ja('Lessons {0}/{1}', 0, '\\d+')) }).waitFor();
	await shot('1-tree');
	passed++;
});

test('the lesson page: title, incident facts, quiz captions and buttons in Japanese', async () => {
	await page.locator('.pane-body .monaco-list-row', { hasText: LESSON_TITLE }).click();
	const wv = webviewFrame(page);
	const quiz = wv.locator('.il-quiz').first();
	await quiz.waitFor({ timeout: 30_000 });
	assert.match(await wv.locator('h1#il-title').innerText(), LESSON_TITLE);
	const facts = await wv.locator('.il-incident dt').allInnerTexts();
	for (const term of ['Organization', 'Made public', 'Records affected']) {
		assert.ok(facts.includes(ja(term)), `fact ${ja(term)} in: ${facts.join(' | ')}`);
	}
	const count = await wv.locator('.il-quiz').count();
	assert.equal(await quiz.locator('.il-quiz-number').innerText(), ja('Question {0} of {1}', 1, count));
	const captions = [ja('Choose one answer.'), ja('Choose every answer that applies.'), ja('Put the steps in order (use the buttons, or Alt+Up / Alt+Down on a step).')];
	assert.ok(captions.includes(await quiz.locator('.il-quiz-hint').innerText()), 'the first quiz has a Japanese caption');
	assert.match(await quiz.locator('.il-quiz-prompt').innerText(), JAPANESE);
	assert.equal(await quiz.locator('.il-check').innerText(), ja('Check answer'));
	const exercise = wv.locator('.il-exercise').first();
	assert.match(await exercise.locator('.il-ex-title').innerText(), new RegExp(`^${ja('Exercise: {0}', '')}`));
	assert.equal(await exercise.locator('.il-ex-start').innerText(), ja('Start exercise'));
	assert.equal(await exercise.locator('.il-ex-check').innerText(), ja('Check my fix'));
	await shot('2-lesson');
	await exercise.scrollIntoViewIfNeeded();
	await shot('3-exercise');
	passed++;
});

test('after an answer, the verdict, explanations and Try again are in Japanese', async () => {
	const wv = webviewFrame(page);
	const quiz = wv.locator('.il-quiz').first();
	await quiz.scrollIntoViewIfNeeded();
	if (await quiz.getAttribute('data-quiz-type') !== 'order') {
		await quiz.locator('.il-choice label').first().click();
	}
	await quiz.locator('.il-check').click();
	await quiz.locator('.il-verdict:not(:empty)').waitFor();
	const right = (await quiz.getAttribute('class')).includes('is-right');
	await wv.locator('#il-live', { hasText: right ? ja('Correct.') : ja('Not quite.') }).waitFor({ state: 'attached' });
	const feedback = await quiz.locator('.il-feedback:not([hidden])').allInnerTexts();
	assert.ok(feedback.length > 0 && feedback.every((f) => JAPANESE.test(f)), `explanations: ${feedback.join(' | ')}`);
	assert.equal(await quiz.locator('.il-retry').innerText(), ja('Try again'));
	await shot('4-answered');
	passed++;
});
