/**
 * The extension host in a browser's web worker (vscode.dev, github.dev): no disk, no processes, no `require` of a
 * file. Every file, the workspace's and the extension's own, goes through `workspace.fs`; no git, so no name from it.
 */
import * as vscode from 'vscode';
import type { Host } from '../host';
import { chunkLoader } from './chunkLoader';

/**
 * One of the extension's own files through `workspace.fs`. An extension installed from a location (vscode.dev's
 * Install Extension from Location…) lives at an https URL, which the worker may have no file system provider for:
 * that URL is fetched instead (it is served with CORS, or the workbench could not have installed it).
 */
async function readExtensionFile(uri: vscode.Uri): Promise<Uint8Array> {
	try {
		return await vscode.workspace.fs.readFile(uri);
	} catch (error) {
		if (uri.scheme !== 'https' && uri.scheme !== 'http') {
			throw error;
		}
		const response = await fetch(uri.toString(true));
		if (!response.ok) {
			throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
		}
		return new Uint8Array(await response.arrayBuffer());
	}
}

export function browserHost(extensionUri: vscode.Uri): Host {
	const chunk = chunkLoader(vscode.Uri.joinPath(extensionUri, 'dist'), readExtensionFile);
	return {
		readExtensionFile,
		runsProcesses: false,
		gitUserName: () => Promise.resolve(undefined),
		chunk,
		nextTurn: (callback) => void setTimeout(callback, 0),
	};
}
