/** HTML escaping shared by every piece of core that writes markup. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Prefix of every id the renderer generates, so lesson content can never clash with or target the page's own ids. */
export const ID_PREFIX = 'il-';
