import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/** The lesson page's script and stylesheet, as text to write into each page (see webviewHtml). */
export interface WebviewAssets {
	readonly script: string;
	readonly css: string;
}

const loaded = new Map<string, Promise<WebviewAssets>>();

/**
 * Reads dist/webview.js and media/lesson.css once per extension folder. They go into the page inline, under the
 * page's nonce: a page that fetched them would wait for two more loads through the webview's resource server before
 * its quizzes answer clicks. They are the extension's own files, on the extension host's disk, so Node's fs reads them.
 */
export function webviewAssets(extensionUri: vscode.Uri): Promise<WebviewAssets> {
	const root = extensionUri.fsPath;
	let assets = loaded.get(root);
	if (!assets) {
		assets = Promise.all([readFile(path.join(root, 'dist', 'webview.js'), 'utf8'), readFile(path.join(root, 'media', 'lesson.css'), 'utf8')])
			.then(([script, css]) => ({ script: closingTagsEscaped(script, 'script'), css: closingTagsEscaped(css, 'style') }));
		assets.catch(() => loaded.delete(root)); // a failed read is tried again on the next page
		loaded.set(root, assets);
	}
	return assets;
}

/**
 * `</script` or `</style` would end the element early. In minified JavaScript and in CSS they can only stand in
 * strings, regular expressions or comments, where `<\/` means the same.
 */
function closingTagsEscaped(text: string, tag: 'script' | 'style'): string {
	return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}
