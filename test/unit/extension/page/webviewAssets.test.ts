import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import type * as vscode from 'vscode';
import { webviewAssets } from '../../../../src/extension/page/webviewAssets';

/** Reads a file of the extension folder `uri` from disk, as the Node host does. */
function reader(uri: vscode.Uri): (...segments: string[]) => Promise<string> {
	return (...segments) => readFile(path.join(uri.fsPath, ...segments), 'utf8');
}

/** An extension folder with its own script and stylesheet, as webviewAssets reads them. */
function extensionFolder(script: string, css: string): { uri: vscode.Uri; dispose(): void } {
	const root = mkdtempSync(path.join(tmpdir(), 'il-assets-'));
	mkdirSync(path.join(root, 'dist'));
	writeFileSync(path.join(root, 'dist', 'webview.js'), script);
	writeFileSync(path.join(root, 'dist', 'lesson.css'), css);
	return { uri: { fsPath: root } as vscode.Uri, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

test('closing tags inside the script and the stylesheet cannot end their elements', async () => {
	const folder = extensionFolder('const a="</script><img>";const b=/<\\/SCRIPT>/;', 'a::after{content:"</style>"}');
	try {
		const { script, css } = await webviewAssets(folder.uri, reader(folder.uri));
		assert.equal(script, 'const a="<\\/script><img>";const b=/<\\/SCRIPT>/;');
		assert.equal(css, 'a::after{content:"<\\/style>"}');
		assert.doesNotMatch(script, /<\/script/i);
		assert.doesNotMatch(css, /<\/style/i);
		// The escaped text means the same in JavaScript.
		assert.equal(runInNewContext(`${script}; a`), '</script><img>');
	} finally {
		folder.dispose();
	}
});

test('each extension folder is read once; a failed read is tried again', async () => {
	const folder = extensionFolder('1', 'x{}');
	try {
		const first = webviewAssets(folder.uri, reader(folder.uri));
		assert.equal(webviewAssets(folder.uri, reader(folder.uri)), first);
		await first;
		writeFileSync(path.join(folder.uri.fsPath, 'dist', 'webview.js'), '2');
		assert.equal((await webviewAssets(folder.uri, reader(folder.uri))).script, '1');
	} finally {
		folder.dispose();
	}
	const later = mkdtempSync(path.join(tmpdir(), 'il-assets-'));
	const uri = { fsPath: later } as vscode.Uri;
	try {
		await assert.rejects(webviewAssets(uri, reader(uri)), /ENOENT/);
		mkdirSync(path.join(later, 'dist'));
		writeFileSync(path.join(later, 'dist', 'webview.js'), '4');
		writeFileSync(path.join(later, 'dist', 'lesson.css'), 'z{}');
		assert.equal((await webviewAssets(uri, reader(uri))).script, '4');
	} finally {
		rmSync(later, { recursive: true, force: true });
	}
});
