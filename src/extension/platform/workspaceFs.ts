import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/lessons/lesson';
import { createDiagnostic } from '../../core/lessons/rules';
import { host, type LocalDisk } from './host';
import { REFUSALS, type CappedRead, type Refusal } from './refusals';

/*
 * Reading the workspace's own files. A folder on the extension host's disk (`file:`, on Node) is read with Node's fs:
 * each `workspace.fs` call is a round trip through the workbench, and the Lessons view's first rows wait on these
 * reads. Any other scheme (a virtual or remote file system), and every file in the browser, goes through `workspace.fs`. Entries that are symbolic links
 * are neither files nor folders here, as `workspace.fs` reports them (their type carries the SymbolicLink flag).
 * The files come from a repository, so they are read size first, content second (see ./node/localFile).
 */

/**
 * The bytes of a workspace file of at most `maxBytes`, or why it was not read: over the limit, not a regular file,
 * a symbolic link out of its workspace folder (on disk) or any symbolic link (elsewhere, where it cannot be
 * resolved). Rejects when there is no such file.
 */
export async function readWorkspaceFileCapped(uri: vscode.Uri, maxBytes: number): Promise<CappedRead> {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) {
		return { refused: REFUSALS.outside };
	}
	const disk = localDisk(uri);
	if (disk) {
		return disk.readCapped(folder.uri.fsPath, uri.fsPath, maxBytes);
	}
	const { type, size } = await vscode.workspace.fs.stat(uri);
	if (type & vscode.FileType.SymbolicLink) {
		return { refused: REFUSALS.link };
	}
	if (type !== vscode.FileType.File) {
		return { refused: REFUSALS.notRegular };
	}
	if (size > maxBytes) {
		return { refused: REFUSALS.tooLarge(maxBytes) };
	}
	const bytes = await vscode.workspace.fs.readFile(uri);
	return bytes.length > maxBytes ? { refused: REFUSALS.tooLarge(maxBytes) } : { bytes };
}

/** Is there a file or folder at `uri` (any scheme)? */
export async function exists(uri: vscode.Uri): Promise<boolean> {
	return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** The one diagnostic of a file that was not read (on its first line). */
export function refusalDiagnostic(file: string, refused: Refusal): Diagnostic {
	return createDiagnostic(file, refused.tooLarge ? 'file-too-large' : 'file-unreadable', refused.reason, { line: 1, column: 1 });
}

/** Does the folder `uri` stay inside its workspace folder? False when it leads out through a symbolic link, or does not exist. */
export async function isFolderInWorkspace(uri: vscode.Uri): Promise<boolean> {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) {
		return false;
	}
	const disk = localDisk(uri);
	if (disk) {
		return disk.staysInside(folder.uri.fsPath, uri.fsPath);
	}
	const { type } = await vscode.workspace.fs.stat(uri).then((s) => s, () => ({ type: vscode.FileType.Unknown }));
	return type === vscode.FileType.Directory;
}

/** The entries of a workspace folder with their types; rejects when there is no such folder. */
export async function readWorkspaceDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
	const disk = localDisk(uri);
	return disk ? disk.readDirectory(uri.fsPath) : vscode.workspace.fs.readDirectory(uri);
}

/** The host's own disk, for a `file:` URI where there is one. */
function localDisk(uri: vscode.Uri): LocalDisk | undefined {
	return uri.scheme === 'file' ? host().disk : undefined;
}
