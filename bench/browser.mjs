// Timings in the real workbench, driven by chromium: each round is a fresh browser context, so a fresh window,
// a fresh extension host and no remembered sidebar. Times are taken inside the pages (performance.now, marks),
// not by polling from here.
//   tree     pointer down on the activity-bar icon → first row of that view in the DOM, and the frame after it
//   webview  pointer down on a lesson row → `incidentLessons:interactive` in the lesson's webview document, and
//            in a window of its own, on a hello-world row → `helloTree:interactive` in its webview (the baseline);
//            a first open's row is on screen for half a second before it is clicked (READ_ROW_MS)
import { waitForWorkbench, workbenchUrl } from '../test/harness/codeServer.mjs';

export const VIEWS = {
	hello: { container: 'workbench.view.extension.helloTree', icon: 'Hello Tree', rowLevel: 1 },
	lessons: { container: 'workbench.view.extension.incidentLessons', icon: 'Incident Lessons', rowLevel: 2 },
};

/** The lesson page's mark once its quizzes take clicks (src/webview/main.ts). */
const LESSON_MARK = 'incidentLessons:interactive';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installs the in-page probes: the first pointerdown, and the first list row inside `containerId`. */
function installTreeProbe(page, containerId) {
	return page.evaluate((id) => {
		const probe = { down: undefined, row: undefined, painted: undefined };
		window.__benchTree = probe;
		document.addEventListener('pointerdown', () => { probe.down ??= performance.now(); }, { capture: true });
		const rowShown = () => document.getElementById(id)?.querySelector('.monaco-list-row') ?? null;
		const observer = new MutationObserver(() => {
			if (probe.down === undefined || probe.row !== undefined || !rowShown()) {
				return;
			}
			probe.row = performance.now();
			observer.disconnect();
			// rAF runs before the frame is painted; a task queued from it runs after.
			requestAnimationFrame(() => setTimeout(() => { probe.painted = performance.now(); }, 0));
		});
		observer.observe(document.body, { childList: true, subtree: true });
	}, containerId);
}

async function openWindow(browser, cs) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	await page.goto(workbenchUrl(cs));
	await waitForWorkbench(page);
	return { context, page };
}

/** Waits for the views' activity-bar icons, then a moment for the extension host to finish starting the built-ins. */
async function settle(page, ...icons) {
	for (const icon of icons) {
		await page.locator(`.activitybar [aria-label^="${icon}"]`).first().waitFor({ timeout: 60_000 });
	}
	await sleep(1000);
}

/** Clicks the view's activity-bar icon in `page` and returns ms to the first row and to the frame after it. */
async function timeTree(page, view) {
	await installTreeProbe(page, view.container);
	await page.locator(`.activitybar [aria-label^="${view.icon}"]`).first().click();
	await page.waitForFunction(() => window.__benchTree.painted !== undefined, undefined, { timeout: 60_000, polling: 50 });
	const probe = await page.evaluate(() => window.__benchTree);
	return { firstRowMs: probe.row - probe.down, firstRowPaintedMs: probe.painted - probe.down };
}

/** Switches the sidebar to `view`'s container; a click that lands while the workbench is still busy is tried again. */
async function showContainer(page, view) {
	for (let attempt = 0; attempt < 5; attempt++) {
		await page.locator(`.activitybar [aria-label^="${view.icon}"]`).first().click();
		const shown = await page.locator(`[id="${view.container}"]`).first().waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false);
		if (shown) {
			return;
		}
	}
	throw new Error(`the ${view.icon} view did not show`);
}

/** The document of the webview on screen (the `#active-frame` inside the editor's webview iframe), or undefined. */
async function activeWebviewFrame(page) {
	const outer = await page.$('iframe.webview.ready');
	const outerFrame = await outer?.contentFrame();
	const inner = await outerFrame?.$('#active-frame');
	return (await inner?.contentFrame()) ?? undefined;
}

/** Epoch ms of the `mark` in `frame`, with the document's time origin (to tell documents apart). */
function readMark(frame, mark) {
	return frame.evaluate((name) => {
		const entry = performance.getEntriesByName(name)[0];
		return { origin: performance.timeOrigin, at: entry ? performance.timeOrigin + entry.startTime : undefined };
	}, mark).catch(() => undefined);
}

/**
 * How long a first open's row is on screen before it is clicked, for the lesson and the hello-world webview alike:
 * a person reads a row before clicking it, which takes longer than this. (A click the moment the row appears met
 * the work the view starts once its rows are shown: loading what the first open needs.)
 */
const READ_ROW_MS = 500;

/**
 * Clicks the `index`-th row of `view` (`readMs` after it shows) and returns ms from pointer down to `mark` in the
 * webview on screen (a new document, or the one on screen given the next item).
 */
async function timeWebviewOpen(page, view, index, mark, previousOrigin, readMs = 0) {
	const rows = page.locator(`[id="${view.container}"] .monaco-list-row[aria-level="${view.rowLevel}"]`);
	await rows.nth(index).waitFor({ timeout: 30_000 });
	await sleep(readMs);
	const downAt = page.evaluate(() => new Promise((resolve) => {
		document.addEventListener('pointerdown', () => resolve(performance.timeOrigin + performance.now()), { capture: true, once: true });
	}));
	await rows.nth(index).click();
	const down = await downAt;
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const frame = await activeWebviewFrame(page);
		const seen = frame ? await readMark(frame, mark) : undefined;
		// A later lesson is written into the page on screen (a `show` message), which marks interactive again: any
		// mark after the click counts, in a new document or the same one.
		if (seen?.at !== undefined && seen.at > down) {
			// For a new document its time origin splits the wait: before it, the extension renders and VS Code makes
			// the webview; after it, the page runs its script (for a lesson: with the stored answers in its config).
			return { ms: seen.at - down, untilDocumentMs: seen.origin !== previousOrigin ? seen.origin - down : 0, origin: seen.origin };
		}
		await sleep(50);
	}
	throw new Error(`the ${view.icon} webview did not reach ${mark} within 60 s`);
}

/**
 * The hello-world webview's first open in a fresh window of its own (the first webview of a window is the costly
 * one, so it cannot share the lessons' window): what VS Code itself takes to make a webview and show a page.
 */
async function helloWebviewRound(browser, cs) {
	const { context, page } = await openWindow(browser, cs);
	try {
		await settle(page, VIEWS.hello.icon);
		await showContainer(page, VIEWS.hello);
		return await timeWebviewOpen(page, VIEWS.hello, 0, 'helloTree:interactive', undefined, READ_ROW_MS);
	} finally {
		await context.close().catch(() => {});
	}
}

/**
 * One round in a fresh window: the hello-world tree's icon and the Lessons view's icon clicked one after the other
 * (which first alternates by round), then lessons opened from the Lessons view: the first (cold: the render chunk
 * loads) and `warmOpens` more.
 */
export async function browserRound(browser, cs, { round, warmOpens = 2 }) {
	const result = { round };
	const order = round % 2 === 0 ? ['hello', 'lessons'] : ['lessons', 'hello'];
	const { context, page } = await openWindow(browser, cs);
	try {
		await settle(page, VIEWS.hello.icon, VIEWS.lessons.icon);
		for (const name of order) {
			result[name] = await timeTree(page, VIEWS[name]);
		}
		if (order.at(-1) !== 'lessons') {
			await showContainer(page, VIEWS.lessons);
		}
		const cold = await timeWebviewOpen(page, VIEWS.lessons, 0, LESSON_MARK, undefined, READ_ROW_MS);
		const warm = [];
		const warmUntilDocument = [];
		let origin = cold.origin;
		for (let i = 1; i <= warmOpens; i++) {
			const opened = await timeWebviewOpen(page, VIEWS.lessons, i, LESSON_MARK, origin);
			warm.push(opened.ms);
			warmUntilDocument.push(opened.untilDocumentMs);
			origin = opened.origin;
		}
		result.lessonOpen = { coldMs: cold.ms, coldUntilDocumentMs: cold.untilDocumentMs, readMs: READ_ROW_MS, warmMs: warm, warmUntilDocumentMs: warmUntilDocument };
	} finally {
		await context.close().catch(() => {});
	}
	const hello = await helloWebviewRound(browser, cs);
	result.helloWebview = { coldMs: hello.ms, coldUntilDocumentMs: hello.untilDocumentMs, readMs: READ_ROW_MS };
	return result;
}
