// The web extension, for real: a package whose manifest has the `browser` entry alone runs in code-server's
// web-worker extension host (as on vscode.dev and github.dev), on a server of its own. The learner's path: the
// Lessons view, a bundled lesson (or the page saying this browser cannot unpack it), the team's workspace lesson,
// its quizzes answered to a pass, a workspace lesson's exercise checked to a pass, a reload, and the passes still shown.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { packageBrowserOnly } from '../harness/browserOnly.mjs';
import { ROOT, openWorkbench, reloadWindow, startCodeServer, webviewFrame } from '../harness/codeServer.mjs';
import { passExercises } from '../harness/exercises.mjs';
import { answerRight } from '../harness/quizzes.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const WORKSPACE_LESSON = /Our deploy key in a public gist/;
const BUNDLED_LESSON = /AXA Non-Life Insurance/;
const EXERCISE_FIXTURE = path.join(ROOT, 'test/fixtures/exercise/team-export-audit.md');
const EXERCISE_LESSON = /The export nobody saw/;
let cs;
let browser;
let page;

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `web-${name}.png`) });
// an assigned lesson is listed twice (Assigned, and its track): the first row is enough
const row = (title) => page.locator('.monaco-list-row', { hasText: title }).first();

before(async () => {
	const vsix = await packageBrowserOnly();
	const manifest = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
	assert.equal(manifest.main, undefined, 'the package has no Node entry');
	assert.equal(manifest.browser, './dist/extension-browser.js');
	cs = await startCodeServer({ vsixPaths: [vsix], settings: { 'workbench.colorTheme': 'Default Dark Modern' }, workspaceFrom: path.join(ROOT, 'test/fixtures/workspace') });
	// a workspace lesson with an exercise (this server's own workspace copy): its check runs in the web worker too
	const lessons = path.join(cs.workspace, '.incident-lessons', 'lessons');
	mkdirSync(lessons, { recursive: true });
	copyFileSync(EXERCISE_FIXTURE, path.join(lessons, path.basename(EXERCISE_FIXTURE)));
	({ browser, page } = await openWorkbench(cs));
});

after(async () => {
	await browser?.close();
	await cs?.stop({ clean: true });
});

async function openLessonsView() {
	// the sidebar may come back open on the Lessons view; clicking its icon then would close it
	if (await row(WORKSPACE_LESSON).isVisible()) {
		return;
	}
	const icon = page.locator('.activitybar [aria-label^="Incident Lessons"]').first();
	await icon.waitFor({ timeout: 60_000 });
	await icon.click();
}

test('the Lessons view lists the bundled lessons and the workspace\'s, read through workspace.fs', async () => {
	await openLessonsView();
	await row(WORKSPACE_LESSON).waitFor({ timeout: 60_000 });
	await row(BUNDLED_LESSON).waitFor();
	assert.match(await page.locator('.statusbar').innerText(), /Lessons 0\/\d+/);
	await shot('1-tree');
});

test('a bundled lesson opens: its pack unpacked in the web worker by the decoder chunk, read through workspace.fs', async () => {
	await row(BUNDLED_LESSON).click();
	const wv = webviewFrame(page);
	await wv.locator('.il-quiz').first().waitFor({ timeout: 30_000 });
	assert.match(await wv.locator('h1#il-title').innerText(), BUNDLED_LESSON);
	await shot('2-bundled-lesson');
});

test('the workspace lesson opens; its quizzes answered right pass it', async () => {
	await row(WORKSPACE_LESSON).click();
	const wv = webviewFrame(page);
	await wv.locator('h1#il-title', { hasText: WORKSPACE_LESSON }).waitFor({ timeout: 30_000 });
	const quizzes = await wv.locator('.il-quiz').all();
	assert.ok(quizzes.length >= 1, `${quizzes.length} quizzes`);
	await shot('3-workspace-lesson');
	for (const quiz of quizzes) {
		await answerRight(page, quiz);
	}
	await wv.locator('#il-score', { hasText: 'Lesson passed.' }).waitFor();
	await wv.locator('#il-score').scrollIntoViewIfNeeded();
	await page.locator('.statusbar', { hasText: /Lessons 1\/\d+/ }).waitFor();
	await page.locator('.monaco-list-row[aria-label*="Passed"]', { hasText: WORKSPACE_LESSON }).first().waitFor();
	await shot('4-passed');
});

/** The fixture's reference solution of exportRows.ts: the indented block under `content: |`. */
function fixtureSolution() {
	const block = readFileSync(EXERCISE_FIXTURE, 'utf8').split('solution:\n')[1].split('\nexplain:')[0];
	const lines = block.split('\n').slice(2); // '- path: …' and 'content: |'
	return new Map([['exportRows.ts', `${lines.map((line) => line.slice(6)).join('\n').trimEnd()}\n`]]);
}

test('the workspace lesson\'s exercise: Start, the fix typed in, Check my fix passes it and the lesson', async () => {
	await row(EXERCISE_LESSON).click();
	const wv = webviewFrame(page);
	await wv.locator('h1#il-title', { hasText: EXERCISE_LESSON }).waitFor({ timeout: 30_000 });
	await passExercises(page, 'team-export-audit', 'en', fixtureSolution);
	await wv.locator('#il-score', { hasText: 'Lesson passed.' }).waitFor();
	await page.locator('.statusbar', { hasText: /Lessons 2\/\d+/ }).waitFor();
	await shot('5-exercise-passed');
});

test('after a reload the pass is still shown, in the view, the status bar and the restored page', async () => {
	await reloadWindow(page);
	const wv = webviewFrame(page);
	await wv.locator('#il-score', { hasText: 'Lesson passed.' }).waitFor({ timeout: 60_000 });
	await openLessonsView();
	for (const title of [WORKSPACE_LESSON, EXERCISE_LESSON]) {
		await page.locator('.monaco-list-row[aria-label*="Passed"]', { hasText: title }).first().waitFor({ timeout: 60_000 });
	}
	await page.locator('.statusbar', { hasText: /Lessons 2\/\d+/ }).waitFor();
	await shot('6-after-reload');
});
