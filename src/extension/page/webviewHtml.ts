import * as vscode from 'vscode';
import { escapeHtml } from '../../core/shared/html';
import type { WebviewAssets } from './webviewAssets';

/** Folders the lesson webview may load from: dist/ (the error page's stylesheet). The lesson page itself loads nothing. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		enableForms: false,
		enableFindWidget: true,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
	};
}

/** The page's CSP: scripts and styles only with this render's nonce, nothing loaded from anywhere. */
function pageCsp(nonce: string): string {
	return [
		'default-src \'none\'',
		`style-src 'nonce-${nonce}'`,
		`script-src 'nonce-${nonce}'`,
		'form-action \'none\'',
		'base-uri \'none\'',
		'frame-src \'none\'',
	].join('; ');
}

/** A complete page under a fresh nonce: `lang` and `title` name it for assistive technology (axe `html-has-lang`, `document-title`). */
function pageDocument(lang: string, title: string, css: string, body: (nonce: string) => string): string {
	const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))); // Web Crypto: Node and the browser
	return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${pageCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style id="il-style" nonce="${nonce}">${css}</style>
</head>
${body(nonce)}
</html>`;
}

const LIVE_REGION = '<div id="il-live" class="il-sr-only" role="status" aria-live="polite" aria-atomic="true"></div>';

/**
 * The only place that builds a lesson or review card document for the lesson panel: a strict CSP, the extension's
 * script and stylesheet written in under the nonce (see webviewAssets), and the page data as an attribute-escaped
 * JSON `data-` attribute instead of inline script.
 */
export function lessonDocument(bodyHtml: string, lang: string, title: string, config: unknown, assets: WebviewAssets): string {
	return pageDocument(lang, title, assets.css, (nonce) => `<body data-config="${escapeHtml(JSON.stringify(config))}">
<main id="il-main">${bodyHtml}</main>
${LIVE_REGION}
<script id="il-script" nonce="${nonce}">${assets.script}</script>
</body>`);
}

/**
 * Focuses the page's heading (the Next button that led here is gone) and then says the page's text in the live region,
 * filled after load so screen readers announce it. Constant text: nothing from a lesson is in it.
 */
const ANNOUNCE_PAGE = `(() => {
	const heading = document.getElementById('il-title');
	heading?.focus();
	// the webview loads a new page in a hidden frame, which takes no focus, and focuses it once shown: land then too
	window.addEventListener('focus', () => { if (document.activeElement === document.body) { heading?.focus(); } }, { once: true });
	const text = [...document.querySelectorAll('#il-main p')].map((el) => el.textContent).join(' ');
	setTimeout(() => { const live = document.getElementById('il-live'); if (live) { live.textContent = text; } }, 100);
})();`;

/** The end of a review session (core/reviewHtml renderReviewDone): focus on its heading, its text announced, no messages. */
export function reviewDoneDocument(bodyHtml: string, lang: string, title: string, assets: WebviewAssets): string {
	return pageDocument(lang, title, assets.css, (nonce) => `<body>
<main id="il-main">${bodyHtml}</main>
${LIVE_REGION}
<script nonce="${nonce}">${ANNOUNCE_PAGE}</script>
</body>`);
}

/** A page for when a lesson cannot be shown (missing, broken); same CSP, no script. */
export function errorDocument(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, message: string): string {
	const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'lesson.css')).toString();
	return `<!DOCTYPE html><html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(css)}"></head>
<body><main id="il-main" class="il-error"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
