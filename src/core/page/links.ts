/**
 * The link policy for lesson content. Lessons may come from an untrusted workspace, so only a short list of
 * destinations survives rendering; everything else loses its link and keeps its text.
 */
import { isKebabCase } from '../shared/text';

const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** What a click on an allowed link should do. */
export type LinkTarget =
	| { readonly kind: 'external'; readonly url: string }
	| { readonly kind: 'anchor'; readonly fragment: string }
	| { readonly kind: 'lesson'; readonly lessonId: string; readonly fragment?: string };

// Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`), so strip them before looking.
 
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;

/** The scheme of `href` as a browser would read it (lower case, with the colon), or undefined for a relative reference. */
export function schemeOf(href: string): string | undefined {
	const compact = href.replace(IGNORED_IN_SCHEME, '');
	const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
	return match?.[1] ? `${match[1].toLowerCase()}:` : undefined;
}

/** True when `href` may appear in rendered lesson HTML. */
export function isAllowedHref(href: string): boolean {
	if (href.startsWith('//') || href.startsWith('\\\\')) {
		return false; // protocol-relative: an external host without a scheme we checked
	}
	const scheme = schemeOf(href);
	return scheme === undefined ? !/[\\]/.test(href) : ALLOWED_SCHEMES.has(scheme);
}

/**
 * Decides what a clicked link means. External links are only `https:`, `http:` and `mailto:`;
 * a relative `other-lesson.md` (optionally `#section`) opens that lesson. Anything else is undefined (ignored).
 */
export function resolveLink(href: string): LinkTarget | undefined {
	if (!isAllowedHref(href)) {
		return undefined;
	}
	if (href.startsWith('#')) {
		return { kind: 'anchor', fragment: href.slice(1) };
	}
	if (schemeOf(href) !== undefined) {
		return { kind: 'external', url: href };
	}
	const match = /^(?:\.\/|\.\.\/(?:en|ja)\/)?([^/#]+)\.md(?:#(.*))?$/.exec(href);
	if (!match?.[1] || !isKebabCase(match[1])) {
		return undefined;
	}
	return match[2] ? { kind: 'lesson', lessonId: match[1], fragment: match[2] } : { kind: 'lesson', lessonId: match[1] };
}
