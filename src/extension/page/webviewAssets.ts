import type * as vscode from 'vscode';

/** The lesson page's script and stylesheet, as text to write into each page (see webviewHtml). */
export interface WebviewAssets {
	readonly script: string;
	readonly css: string;
}

const loaded = new Map<string, Promise<WebviewAssets>>();

/**
 * Reads dist/webview.js and dist/lesson.css once per extension folder. They go into the page inline, under the
 * page's nonce: a page that fetched them would wait for two more loads through the webview's resource server before
 * its quizzes answer clicks. `readText` reads one of the extension's own files by its path in the extension's folder
 * (see ../platform/host: fs on Node, `workspace.fs` in the browser).
 */
export function webviewAssets(extensionUri: vscode.Uri, readText: (...segments: string[]) => Promise<string>): Promise<WebviewAssets> {
	const root = extensionUri.fsPath;
	let assets = loaded.get(root);
	if (!assets) {
		assets = Promise.all([readText('dist', 'webview.js'), readText('dist', 'lesson.css')])
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
