import { readdir, readFile } from 'node:fs/promises';
import * as vscode from 'vscode';

/*
 * Reading the workspace's own files. A folder on the extension host's disk (`file:`) is read with Node's fs: each
 * `workspace.fs` call is a round trip through the workbench, and the Lessons view's first rows wait on these reads.
 * Any other scheme (a virtual or remote file system) goes through `workspace.fs`. Entries that are symbolic links
 * are neither files nor folders here, as `workspace.fs` reports them (their type carries the SymbolicLink flag).
 */

/** The bytes of a workspace file; rejects when it cannot be read. */
export function readWorkspaceFile(uri: vscode.Uri): Thenable<Uint8Array> {
	return uri.scheme === 'file' ? readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

/** The entries of a workspace folder with their types; rejects when there is no such folder. */
export async function readWorkspaceDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
	if (uri.scheme !== 'file') {
		return vscode.workspace.fs.readDirectory(uri);
	}
	return (await readdir(uri.fsPath, { withFileTypes: true })).map((entry): [string, vscode.FileType] => [entry.name,
		entry.isSymbolicLink() ? vscode.FileType.SymbolicLink : entry.isFile() ? vscode.FileType.File : entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.Unknown]);
}
