// The XSS corpus in the real webview. This file starts its own code-server with the same VSIX as the other e2e
// tests and adds test/fixtures/lessons/hostile/*.md to the installed extension's bundled lessons (its catalog and pack) before the
// workbench opens, so the shipped code renders hostile lessons while the shared server keeps the real lesson set.
// Payloads set window.__IL_XSS or post a message that would make the extension open https://il-xss.invalid/;
// the test asserts neither ever happens, that the DOM holds nothing executable, that no link has a scheme outside
// https/http/mailto, and that the CSP reports exactly the violations of the probes this test injects itself.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { writeCatalog } from '../../build/catalog.mjs';
import { ROOT, VSIX_PATH, launchBrowser, startCodeServer, waitForWorkbench, webviewFrame, workbenchUrl, runPaletteCommand } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const HOSTILE = path.join(ROOT, 'test/fixtures/lessons/hostile');
const EXTENSION_PREFIX = 'incident-lessons.incident-lessons-';
/** Lesson id → text that finds it in the Open Lesson quick pick. */
const LESSONS = { xss: 'alert(\'title\')', links: 'Hostile links', markup: 'Hostile markup', fences: 'Hostile fences', fields: 'Hostile fields' };
/** What a CSP violation in the lesson webview looks like in the console (our policy's own sources). */
const OUR_CSP = /Content Security Policy.*('nonce-|vscode-cdn\.net|'none')/s;

let cs;
let browser;
let page;
/** Tests that ran to the end; the server's state is kept for inspection unless all did. */
let finished = 0;
const TESTS = Object.keys(LESSONS).length + 3;
const opened = [];
const cspConsole = [];

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `xss-${name}.png`) });

/** Runs in every frame before its scripts: records CSP reports, which survive the webview's document.write. */
function instrument() {
	window.__ilCsp = [];
	try {
		new ReportingObserver((reports) => {
			for (const report of reports) window.__ilCsp.push(report.body.effectiveDirective);
		}, { types: ['csp-violation'], buffered: true }).observe();
	} catch {
		// no ReportingObserver: __ilCsp stays empty and the probes test fails loudly
	}
}

before(async () => {
	const vsix = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : VSIX_PATH;
	cs = await startCodeServer({ vsixPaths: [vsix], settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
	const extensions = path.join(cs.stateDir, 'extensions');
	const installed = readdirSync(extensions).find((name) => name.startsWith(EXTENSION_PREFIX));
	assert.ok(installed, `the VSIX is installed in ${extensions}`);
	// The bundled lessons are the catalog and packs written at build time: write the installed copy's again, by the
	// same parser, from the real lessons and the hostile ones.
	const lessons = mkdtempSync(path.join(os.tmpdir(), 'xss-lessons-'));
	cpSync(path.join(ROOT, 'lessons'), lessons, { recursive: true });
	for (const name of readdirSync(HOSTILE).filter((n) => n.endsWith('.md'))) {
		copyFileSync(path.join(HOSTILE, name), path.join(lessons, 'en', name));
	}
	await writeCatalog({ lessonsDir: lessons, out: path.join(extensions, installed, 'dist/catalog.json') });
	rmSync(lessons, { recursive: true, force: true });
	browser = await launchBrowser({ stateDir: cs.stateDir });
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.addInitScript(instrument);
	page = await context.newPage();
	context.on('page', (p) => opened.push(p.url()));
	page.on('console', (m) => { if (OUR_CSP.test(m.text())) cspConsole.push(m.text()); });
	page.on('dialog', (d) => { opened.push(`dialog: ${d.message()}`); void d.dismiss(); });
	await page.goto(workbenchUrl(cs));
	await waitForWorkbench(page);
	await page.locator('.activitybar [aria-label^="Incident Lessons"]').first().waitFor({ timeout: 60_000 });
});

after(async () => {
	await page?.screenshot({ path: path.join(SHOTS, 'xss-last.png') }).catch(() => {});
	await browser?.close();
	await cs?.stop({ clean: finished === TESTS });
});

/** Opens a lesson through the command palette (retrying until the extension's commands are listed). */
async function openLesson(id) {
	await runPaletteCommand(page, 'Incident Lessons: Open Lesson');
	// the lesson pick opens once the lessons are read: type only into it
	await page.locator('.quick-input-widget input[placeholder="Open a lesson"]').waitFor({ timeout: 30_000 });
	await page.keyboard.type(LESSONS[id]);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: LESSONS[id] }).first().click();
	return lessonFrame(id);
}

/** The frame that holds the rendered lesson (the webview's inner document). */
async function lessonFrame(id) {
	const selector = `article[data-lesson-id="${id}"] .il-quiz`;
	await webviewFrame(page).locator(selector).first().waitFor({ timeout: 30_000 });
	for (const frame of page.frames()) {
		if (await frame.locator(selector).count().catch(() => 0) > 0) return frame;
	}
	throw new Error(`no frame shows lesson ${id}`);
}

/** Everything in the live DOM that could run, load or navigate, as the browser itself parsed it. */
function sweep() {
	const found = [];
	const SAFE = new Set(['https:', 'http:', 'mailto:']);
	for (const el of document.querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		if (['iframe', 'frame', 'object', 'embed', 'form', 'base', 'img', 'image', 'video', 'audio', 'math', 'foreignobject', 'template', 'noscript'].includes(tag)) {
			found.push(`<${tag}>`);
		}
		// Our own script and stylesheet are written into the page under its nonce; anything else is foreign.
		if (tag === 'script' && el.id !== '_vscodeApiScript' && !(el.nonce && el.id === 'il-script' && !el.hasAttribute('src'))) found.push(`script ${el.outerHTML.slice(0, 80)}`);
		if (tag === 'style' && el.id !== '_defaultStyles' && !(el.nonce && el.id === 'il-style')) found.push(`style ${el.outerHTML.slice(0, 80)}`);
		if (tag === 'link' && el.getAttribute('rel') !== 'stylesheet') found.push(`link ${el.outerHTML.slice(0, 80)}`);
		if (tag === 'meta' && el.httpEquiv && el.httpEquiv.toLowerCase() !== 'content-security-policy') found.push(`meta ${el.outerHTML}`);
		if (tag === 'svg' && !el.classList.contains('il-svg')) found.push('foreign <svg>');
		for (const attr of el.getAttributeNames()) {
			if (/^on/i.test(attr) || attr === 'srcdoc' || attr === 'formaction' || (attr === 'style' && el !== document.documentElement)) found.push(`${attr} on <${tag}>`);
		}
		for (const attr of ['href', 'src', 'action', 'xlink:href']) {
			const value = el.getAttribute(attr);
			if (value !== null && tag !== 'script' && !(tag === 'link' && attr === 'href')) {
				const protocol = new URL(value, 'https://base.invalid/').protocol;
				if (!SAFE.has(protocol)) found.push(`${protocol} ${attr} on <${tag}>`);
			}
		}
	}
	const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
	if (!/script-src 'nonce-/.test(csp) || /unsafe-(inline|eval)/.test(csp) || !/default-src 'none'/.test(csp)) found.push(`CSP: "${csp}"`);
	return { found, xss: window.__IL_XSS, csp: window.__ilCsp };
}

async function assertInert(frame, when) {
	const { found, xss, csp } = await frame.evaluate(sweep);
	assert.deepEqual(found, [], `${when}: nothing executable in the DOM`);
	assert.equal(xss, undefined, `${when}: no payload ran`);
	assert.ok(Array.isArray(csp), `${when}: the CSP recorder is in the frame`);
	assert.deepEqual(csp, [], `${when}: no CSP violation`);
	assert.equal(await page.evaluate(() => window.__IL_XSS), undefined, `${when}: nothing ran in the workbench`);
	assert.deepEqual(opened, [], `${when}: nothing was opened`);
}

/** Answers every quiz of the lesson (first choice, or the steps as shown) so the explanations appear. */
async function answerAll(frame) {
	for (const quiz of await frame.locator('.il-quiz').all()) {
		if (await quiz.getAttribute('data-quiz-type') !== 'order') await quiz.locator('.il-choice label').first().click();
		await quiz.locator('.il-check').click();
		await quiz.locator('.il-verdict:not(:empty)').waitFor();
	}
	return frame.locator('.il-feedback:not([hidden])').allInnerTexts();
}

for (const id of Object.keys(LESSONS)) {
	test(`${id}.md: renders, answers and shows its explanations with nothing running`, async () => {
		const frame = await openLesson(id);
		await assertInert(frame, `${id} on load`);
		const explanations = await answerAll(frame);
		assert.ok(explanations.length > 0);
		await assertInert(frame, `${id} after answering`);
		// relative links that lead nowhere: a click goes to the extension, which must drop it
		for (const link of await frame.locator('a[href]:not([href^="#"]):not([href^="http"]):not([href^="mailto:"]):not([href$=".md"])').all()) {
			await link.click();
		}
		await page.waitForTimeout(500);
		await assertInert(frame, `${id} after clicking its links`);
		await shot(id);
		finished++;
	});
}

test('the hostile link texts are shown as text, not links', async () => {
	const frame = await openLesson('links');
	const labels = ['inline javascript', 'inline command', 'inline data html', 'entity decimal', 'entity colon', 'reference javascript',
		'reference command', 'reference data', 'inline vscode', 'inline file', 'angle destination'];
	const linked = await frame.evaluate((texts) => texts.filter((text) => !document.body.textContent.includes(text)
		|| [...document.querySelectorAll('a')].some((a) => a.textContent.includes(text))), labels);
	assert.deepEqual(linked, [], 'each label is shown, and not as a link');
	finished++;
});

test('a reload right after answering keeps the answer, and the restored page is as inert', async () => {
	let frame = await openLesson('fields');
	const quiz = frame.locator('.il-quiz[data-quiz-type="single"]');
	// answered before (first choice): answer again with the second, so the reload must bring back the new answer
	await quiz.locator('.il-retry').click();
	await quiz.locator('.il-choice[data-index="1"] label').click();
	await quiz.locator('.il-check').click();
	await quiz.locator('.il-verdict:not(:empty)').waitFor();
	await page.keyboard.press('F1');
	await page.keyboard.type('Developer: Reload Window');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
	await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
	await waitForWorkbench(page);
	frame = await lessonFrame('fields');
	await frame.locator('.il-quiz[data-quiz-type="single"] .il-choice[data-index="1"].is-chosen').waitFor({ timeout: 30_000 });
	assert.equal(await frame.locator('.il-quiz[data-quiz-type="single"] .il-choice.is-chosen').count(), 1, 'only the latest answer is shown');
	await assertInert(frame, 'fields after a reload');
	finished++;
});

test('the CSP blocks exactly the probes this test injects, and none of them runs', async () => {
	const frame = await openLesson('markup');
	const before = cspConsole.length;
	const result = await frame.evaluate(async () => {
		const probe = (name) => `window.__probe_${name}=1`;
		const script = document.createElement('script');
		script.textContent = probe('script');
		document.body.append(script);
		const handler = document.createElement('div');
		handler.setAttribute('onclick', probe('handler'));
		document.body.append(handler);
		handler.click();
		const link = document.createElement('a');
		link.href = `javascript:${probe('url')}`;
		document.body.append(link);
		link.dispatchEvent(new MouseEvent('click', { bubbles: false, cancelable: true }));
		const style = document.createElement('style');
		style.textContent = 'body { display: none }';
		document.head.append(style);
		const image = document.createElement('img');
		image.src = 'https://il-xss.invalid/pixel.png';
		document.body.append(image);
		const frameProbe = document.createElement('iframe');
		frameProbe.src = 'https://il-xss.invalid/frame.html';
		document.body.append(frameProbe);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const ran = ['script', 'handler', 'url'].filter((name) => window[`__probe_${name}`] !== undefined);
		for (const el of [script, handler, link, style, image, frameProbe]) el.remove();
		return { ran, csp: [...window.__ilCsp].sort() };
	});
	assert.deepEqual(result.ran, [], 'no probe ran');
	assert.deepEqual(result.csp, ['frame-src', 'img-src', 'script-src-attr', 'script-src-elem', 'script-src-elem', 'style-src-elem']);
	assert.equal(cspConsole.length - before, 6, `the console reports the same six: ${cspConsole.slice(before).join(' | ')}`);
	assert.deepEqual(opened, []);
	finished++;
});
