// Two independent checks that rendered lesson HTML cannot run anything: a list of known executable constructs,
// and an allowlist of the only markup the renderer may write. Shared by the renderer and hardening tests.
import { schemeOf } from '../../../src/core/page/links';

/** The schemes a rendered link may have (relative links and #anchors have none). */
const SAFE_SCHEMES = ['https:', 'http:', 'mailto:'];

export function decodeEntities(value: string): string {
	return value.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every construct that could run script in a browser, found by looking at the tags the HTML really contains. */
export function executableConstructs(html: string): string[] {
	const found: string[] = [];
	for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
		const name = /^<([a-zA-Z0-9-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
		if (['script', 'iframe', 'object', 'embed', 'math', 'form', 'base', 'meta', 'link', 'style', 'img', 'foreignobject', 'use', 'animate', 'set', 'image'].includes(name)
			|| (name === 'svg' && !tag.startsWith('<svg class="il-svg" '))) {
			found.push(tag);
		}
		for (const [, attr, raw] of tag.matchAll(/\s([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)) {
			const lower = (attr ?? '').toLowerCase();
			if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
				found.push(`${lower} in ${tag}`);
			}
			if (lower === 'href' || lower === 'src' || lower === 'action') {
				const scheme = schemeOf(decodeEntities(raw ?? ''));
				if (scheme !== undefined && !SAFE_SCHEMES.includes(scheme)) {
					found.push(`${scheme} link in ${tag}`);
				}
			}
		}
	}
	return found;
}

/** Every element the renderer writes: Markdown's, the quiz controls', the figures'. Nothing that loads or runs. */
const ALLOWED_TAGS = new Set([
	'article', 'header', 'footer', 'section', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 's',
	'code', 'pre', 'blockquote', 'hr', 'br', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
	'button', 'input', 'label', 'fieldset', 'legend', 'figure', 'figcaption', 'svg', 'g', 'rect', 'line', 'circle', 'text', 'tspan', 'title', 'desc',
]);

/** Every attribute the renderer writes; no event handler, style, src or srcdoc among them. */
const ALLOWED_ATTRIBUTES = new Set([
	'id', 'class', 'lang', 'href', 'rel', 'title', 'role', 'tabindex', 'hidden', 'for', 'name', 'type', 'value', 'start',
	'aria-atomic', 'aria-describedby', 'aria-hidden', 'aria-label', 'aria-labelledby', 'aria-live',
	'data-action', 'data-attempt', 'data-exercise-id', 'data-index', 'data-lesson-id', 'data-move', 'data-quiz-id', 'data-quiz-type', 'data-seed',
	'xmlns', 'viewbox', 'width', 'height', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'text-anchor',
]);

/** One tag as the renderer writes it: a name, then attributes that are bare or double-quoted without markup inside. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"<>]*")?)*)\s*\/?>/y;
const ATTRIBUTE = /([a-zA-Z][a-zA-Z0-9:-]*)(?:="([^"]*)")?/g;

/**
 * The stricter check: the HTML may contain only allowlisted tags and attributes in the exact form the renderer
 * writes, and links only with safe schemes (after decoding entities). Any other `<` in the HTML (text must hold
 * `&lt;`) or anything outside the lists is reported. Returns the problems; none for safe HTML.
 */
export function unsafeMarkup(html: string): string[] {
	const problems: string[] = [];
	for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
		TAG.lastIndex = at;
		const match = TAG.exec(html);
		if (!match) {
			problems.push(`markup the renderer does not write: ${html.slice(at, at + 60)}`);
			continue;
		}
		const [, , rawName = '', attributes = ''] = match;
		const name = rawName.toLowerCase();
		if (!ALLOWED_TAGS.has(name)) {
			problems.push(`element <${name}>`);
		}
		for (const [, rawAttr = '', value] of attributes.matchAll(ATTRIBUTE)) {
			const attr = rawAttr.toLowerCase();
			if (!ALLOWED_ATTRIBUTES.has(attr)) {
				problems.push(`attribute ${attr} on <${name}>`);
			}
			const scheme = attr === 'href' ? schemeOf(decodeEntities(value ?? '')) : undefined;
			if (scheme !== undefined && !SAFE_SCHEMES.includes(scheme)) {
				problems.push(`${scheme} link on <${name}>`);
			}
		}
	}
	return problems;
}
