/**
 * The entry of the web extension host (package.json `browser`, dist/extension-browser.js): vscode.dev, github.dev,
 * a browser's web worker. No Node here: see ./platform/browser/browserHost for what it does instead. The extension
 * itself is dist/activation.js, the file the Node entry requires, loaded as the library chunks are.
 */
import * as vscode from 'vscode';
import type * as Activation from './activation';
import { browserHost } from './platform/browser/browserHost';
import { loadChunkFile } from './platform/browser/chunkLoader';
import type { IncidentLessonsApiWithTesting } from './testing';

let extension: typeof Activation | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<IncidentLessonsApiWithTesting> {
	const platform = browserHost(context.extensionUri);
	const uri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'activation.js');
	extension = await loadChunkFile(uri, (file) => platform.readExtensionFile(file), { vscode }) as typeof Activation;
	return extension.activate(context, platform);
}

export function deactivate(): Promise<void> | undefined {
	return extension?.deactivate();
}
