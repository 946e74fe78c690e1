// Accessibility checks for the e2e tests: axe-core run inside the lesson webview's own document, a computed-contrast
// check of what axe leaves for review, the panel's focus indicators, and switching the workbench's colour theme.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { webviewFrame } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Themes as the Color Theme picker names them, and the class VS Code puts on the webview's body for each. */
export const THEMES = [
	{ name: 'Light Modern', bodyClass: 'vscode-light' },
	{ name: 'Dark Modern', bodyClass: 'vscode-dark' },
	{ name: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
	{ name: 'Light High Contrast', bodyClass: 'vscode-high-contrast-light' },
];

/**
 * The Frame of the extension's document in the webview (the `#active-frame` inside the webview's iframe). A new page
 * (a review card, the done page) is a new document, so ask again after each one.
 */
export async function lessonFrame(page) {
	const handle = await webviewFrame(page).locator('#il-main').elementHandle({ timeout: 30_000 });
	return handle.ownerFrame();
}

/**
 * Runs axe in `frame` (any document: a webview's or a plain page). The page's CSP forbids script tags, so axe's
 * source is evaluated through the DevTools protocol, which the CSP does not govern.
 */
export async function axeAudit(frame, tags = WCAG_TAGS) {
	if (await frame.evaluate(() => typeof window.axe) !== 'object') {
		await frame.evaluate(AXE_SOURCE);
	}
	return frame.evaluate(async (runOnly) => {
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations', 'incomplete'] });
		const brief = (rule) => ({
			id: rule.id,
			help: rule.help,
			nodes: rule.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary ?? '' })),
		});
		return { violations: result.violations.map(brief), incomplete: result.incomplete.map(brief) };
	}, tags);
}

/** One line per violation node, for assertion messages. */
export function describeViolations(violations) {
	return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target} ${n.html}\n    ${n.summary.replace(/\n/g, ' ')}`)).join('\n');
}

/**
 * In-page colour maths, as one function source so it can be evaluated in any frame: parses computed colours,
 * composites the backgrounds behind an element, and gives WCAG contrast ratios.
 */
const COLOUR_MATHS = `(() => {
	const parse = (text) => {
		const rgb = /rgba?\\(([^)]+)\\)/.exec(text);
		if (rgb) {
			const [r, g, b, a = 1] = rgb[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
			return { r, g, b, a };
		}
		const srgb = /color\\(srgb ([^)]+)\\)/.exec(text);
		if (srgb) {
			const [r, g, b, a = 1] = srgb[1].split(/[\\s/]+/).filter(Boolean).map(Number);
			return { r: r * 255, g: g * 255, b: b * 255, a };
		}
		return { r: 0, g: 0, b: 0, a: 0 };
	};
	const over = (top, bottom) => ({
		r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
	});
	/** The opaque colour behind \`el\`: its own and its ancestors' backgrounds, composited over white. */
	const background = (el) => {
		const layers = [];
		for (let node = el; node; node = node.parentElement) {
			layers.push(parse(getComputedStyle(node).backgroundColor));
		}
		return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
	};
	const luminance = ({ r, g, b }) => {
		const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
		return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
	};
	const ratio = (a, b) => {
		const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
		return (hi + 0.05) / (lo + 0.05);
	};
	const hex = ({ r, g, b }) => '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
	return { parse, over, background, ratio, hex };
})()`;

/** Puts the colour maths in the page as `window.__ilColour` (evaluated through DevTools: the page's CSP forbids eval). */
async function withColourMaths(frame) {
	await frame.evaluate(`window.__ilColour ??= ${COLOUR_MATHS}`);
}

/**
 * Checks by computed styles what axe could not decide about colour ("needs review" items of color-contrast and
 * link-in-text-block): text ≥ 4.5:1 (large text ≥ 3:1) against the composited background; a link told apart from its
 * text by an underline or ≥ 3:1. Returns one line per failure.
 */
export async function reviewColourItems(frame, incomplete) {
	const items = incomplete.filter((r) => r.id === 'color-contrast' || r.id === 'link-in-text-block')
		.flatMap((r) => r.nodes.map((n) => ({ rule: r.id, target: n.target })));
	await withColourMaths(frame);
	return frame.evaluate((list) => {
		const { parse, over, background, ratio, hex } = window.__ilColour;
		const failures = [];
		for (const { rule, target } of list) {
			const el = document.querySelector(target);
			if (!el) {
				continue;
			}
			const style = getComputedStyle(el);
			const bg = background(el);
			const fg = over(parse(style.color), bg);
			if (rule === 'link-in-text-block') {
				const around = over(parse(getComputedStyle(el.parentElement).color), bg);
				if (!style.textDecorationLine.includes('underline') && ratio(fg, around) < 3) {
					failures.push(`${target}: link not underlined and ${ratio(fg, around).toFixed(2)}:1 against its text`);
				}
				continue;
			}
			const size = parseFloat(style.fontSize);
			const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
			const needed = large ? 3 : 4.5;
			const got = ratio(fg, bg);
			if (got < needed) {
				failures.push(`${target}: text ${hex(fg)} on ${hex(bg)} is ${got.toFixed(2)}:1 (needs ${needed}:1)`);
			}
		}
		return failures;
	}, items);
}

/**
 * Focuses every focusable element of the page as a keyboard would (focus-visible) and checks its indicator: an
 * outline of at least 2px whose colour has ≥ 3:1 against the background it is drawn on (the parent's, as the ring is
 * offset outside the element). Returns one line per failure and how many elements were checked.
 */
export async function checkFocusIndicators(frame) {
	await withColourMaths(frame);
	return frame.evaluate(() => {
		const { parse, over, background, ratio, hex } = window.__ilColour;
		const failures = [];
		const focusable = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
			.filter((el) => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
		for (const el of focusable) {
			el.focus({ focusVisible: true });
			if (document.activeElement !== el) {
				failures.push(`${el.outerHTML.slice(0, 80)}: cannot take focus`);
				continue;
			}
			const style = getComputedStyle(el);
			const width = parseFloat(style.outlineWidth);
			const behind = background(el.parentElement ?? el);
			const colour = over(parse(style.outlineColor), behind);
			if (style.outlineStyle === 'none' || width < 2 || ratio(colour, behind) < 3) {
				failures.push(`${el.outerHTML.slice(0, 80)}: outline ${style.outlineStyle} ${width}px ${hex(colour)} on ${hex(behind)} (${ratio(colour, behind).toFixed(2)}:1)`);
			}
		}
		document.activeElement?.blur();
		return { failures, checked: focusable.length };
	});
}

/** Opens the command palette, retrying: the first F1 can land in the webview or under a notification. */
async function openPalette(page) {
	for (let attempt = 0; attempt < 8 && !await page.locator('.quick-input-widget').isVisible(); attempt++) {
		await page.keyboard.press('Escape');
		await page.keyboard.press('F1');
		await page.locator('.quick-input-widget').waitFor({ timeout: 2000 }).catch(() => undefined);
	}
}

/** Picks `theme` (one of THEMES) in Preferences: Color Theme and waits until the webview's body carries its class. */
export async function setTheme(page, theme) {
	await openPalette(page);
	await page.keyboard.type('Preferences: Color Theme');
	// not "Browse Color Themes in Marketplace", which the same words also find
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).filter({ hasNotText: 'Marketplace' }).first().click();
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
	await page.keyboard.type(theme.name);
	const row = page.locator('.quick-input-list .monaco-list-row', { hasText: theme.name }).first();
	await row.waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
	const others = THEMES.filter((t) => t !== theme && !theme.bodyClass.startsWith(t.bodyClass)).map((t) => t.bodyClass);
	await webviewFrame(page).locator(`body.${theme.bodyClass}${others.map((c) => `:not(.${c})`).join('')}`).waitFor({ timeout: 15_000 });
}
