import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../core/shared/html';
import type { WebviewAssets } from './webviewAssets';

/** Folders the lesson webview may load from: media/ (the error page's stylesheet). The lesson page itself loads nothing. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		enableForms: false,
		enableFindWidget: true,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
	};
}

/**
 * The only place that builds a document for the lesson panel: a strict CSP (scripts and styles only with this
 * render's nonce, nothing loaded from anywhere), the extension's script and stylesheet written in under that nonce
 * (see webviewAssets), and the page data as an attribute-escaped JSON `data-` attribute instead of inline script.
 */
export function lessonDocument(bodyHtml: string, lang: string, config: unknown, assets: WebviewAssets): string {
	const nonce = randomBytes(16).toString('base64');
	const csp = [
		'default-src \'none\'',
		`style-src 'nonce-${nonce}'`,
		`script-src 'nonce-${nonce}'`,
		'form-action \'none\'',
		'base-uri \'none\'',
		'frame-src \'none\'',
	].join('; ');
	return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style id="il-style" nonce="${nonce}">${assets.css}</style>
</head>
<body data-config="${escapeHtml(JSON.stringify(config))}">
<main id="il-main">${bodyHtml}</main>
<div id="il-live" class="il-sr-only" role="status" aria-live="polite" aria-atomic="true"></div>
<script id="il-script" nonce="${nonce}">${assets.script}</script>
</body>
</html>`;
}

/** A page for when a lesson cannot be shown (missing, broken); same CSP, no script. */
export function errorDocument(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, message: string): string {
	const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'lesson.css')).toString();
	return `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}">
<link rel="stylesheet" href="${escapeHtml(css)}"></head>
<body><main id="il-main" class="il-error"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
