// The Lessons view's empty-state text ("No lessons are available… Show Log") is for a list that is really empty or
// could not be read. Opening the view in a fresh window must go from nothing to the rows without it: every DOM
// change and every animation frame from the click on the activity-bar icon until a second after the first row is
// checked for it, and the frames are kept as screenshots.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { codeServerFromEnv, launchBrowser } from '../harness/codeServer.mjs';
import { emptyFolderWindows } from '../harness/emptyFolders.mjs';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screenshots';
const EMPTY_STATE = 'No lessons are available';
const WINDOWS = 2;
const windows = emptyFolderWindows(codeServerFromEnv(), 'lessons-empty-state-');
let browser;

before(async () => {
	browser = await launchBrowser();
});

after(async () => {
	await browser?.close();
	windows.removeFolders();
});

/** A workbench window on a new empty folder, once rendered, and the Incident Lessons icon in its activity bar. */
async function freshWindow() {
	const page = await windows.open(browser);
	const icon = page.locator('.activitybar [aria-label^="Incident Lessons"]').first();
	await icon.waitFor({ timeout: 30_000 });
	return { page, icon };
}

/**
 * Runs in the workbench page: watches, on every DOM change and every frame, for the empty-state text drawn (in the
 * layout, not only in the DOM) and for the view's first row, until `window.__emptyStateWatch.stop()`.
 */
function watchEmptyState(text) {
	const record = { frames: 0, shownCount: 0, shown: [], inDom: false, firstRowFrame: undefined, stopped: false };
	const start = performance.now();
	const check = (source) => {
		for (const element of document.querySelectorAll('.welcome-view-content')) {
			if (!element.textContent?.includes(text)) {
				continue;
			}
			record.inDom = true;
			if (element.getClientRects().length > 0 && record.shownCount++ < 3) {
				record.shown.push({ source, frame: record.frames, ms: Math.round(performance.now() - start) });
			}
		}
		if (record.firstRowFrame === undefined && document.querySelector('.part.sidebar .pane-body .monaco-list-row')) {
			record.firstRowFrame = record.frames;
		}
	};
	const observer = new MutationObserver(() => check('mutation'));
	observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
	const frame = () => {
		record.frames++;
		check('frame');
		if (!record.stopped) {
			requestAnimationFrame(frame);
		}
	};
	requestAnimationFrame(frame);
	window.__emptyStateWatch = { record, stop: () => { record.stopped = true; observer.disconnect(); return record; } };
}

for (let run = 1; run <= WINDOWS; run++) {
	test(`window ${run}: opening the Lessons view shows its rows without the empty-state text first`, async () => {
		const { page, icon } = await freshWindow();
		await page.evaluate(watchEmptyState, EMPTY_STATE);
		await icon.click();
		// Screenshots until the first row, as fast as they come, besides the page's own frame-by-frame record.
		let rowShown = false;
		const shots = (async () => {
			for (let shot = 1; !rowShown && shot <= 40; shot++) {
				await page.screenshot({ path: path.join(SHOTS, `empty-state-${run}-${String(shot).padStart(2, '0')}.png`) });
			}
		})();
		await page.locator('.part.sidebar .pane-body .monaco-list-row').first().waitFor({ timeout: 30_000 });
		rowShown = true;
		await shots;
		await page.waitForTimeout(1000);
		const record = await page.evaluate(() => window.__emptyStateWatch.stop());
		await page.screenshot({ path: path.join(SHOTS, `empty-state-${run}-rows.png`) });
		await page.close();
		assert.ok(record.firstRowFrame !== undefined && record.frames > record.firstRowFrame, `the page recorded ${record.frames} frames and saw the first row`);
		assert.deepEqual(record.shown, [], `the empty-state text was drawn ${record.shownCount} times (${record.frames} frames, first row at frame ${record.firstRowFrame})`);
		assert.equal(record.inDom, false, 'the empty-state text was never even in the page');
	});
}

test('when the lesson list cannot be read, the view shows the empty-state text and its Show Log link', async () => {
	// The installed copy's catalog, hidden for one window: every window's extension host reads it anew.
	const extensions = path.join(process.env.CS_STATE_DIR ?? assert.fail('CS_STATE_DIR is not set'), 'extensions');
	const installed = readdirSync(extensions).find((name) => name.startsWith('incident-lessons.incident-lessons-'));
	assert.ok(installed, `the extension is installed in ${extensions}`);
	const catalog = path.join(extensions, installed, 'dist', 'catalog.json');
	assert.ok(existsSync(catalog), 'the installed extension ships dist/catalog.json');
	renameSync(catalog, `${catalog}.hidden`);
	try {
		const { page, icon } = await freshWindow();
		await icon.click();
		const welcome = page.locator('.part.sidebar .welcome-view-content', { hasText: EMPTY_STATE });
		await welcome.waitFor({ timeout: 30_000 });
		await welcome.locator('.monaco-button', { hasText: 'Show Log' }).waitFor({ timeout: 5_000 });
		await page.screenshot({ path: path.join(SHOTS, 'empty-state-unreadable.png') });
		await page.close();
	} finally {
		renameSync(`${catalog}.hidden`, catalog);
	}
});
