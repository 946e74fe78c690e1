/** Small DOM helpers shared by the webview modules. */

/** Replaces `{0}`, `{1}`… in a translated string. */
export function format(text: string, ...args: readonly (string | number)[]): string {
	return text.replace(/\{(\d)\}/g, (whole, i: string) => String(args[Number(i)] ?? whole));
}

/** Speaks `text` through the page's polite live region (screen readers announce it once). */
export function announce(text: string): void {
	const live = document.getElementById('il-live');
	if (live) {
		live.textContent = '';
		// a fresh text node after clearing makes screen readers announce a repeated message again
		window.setTimeout(() => { live.textContent = text; }, 50);
	}
}
