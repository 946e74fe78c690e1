import type * as vscode from 'vscode';

/** Schemes of documents worth scanning for related lessons: files on disk (local or remote) and unsaved editors. */
export const SUGGESTION_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** Whether related lessons may be suggested for `document` (the setting aside). */
export function isSuggestable(document: vscode.TextDocument): boolean {
	return SUGGESTION_SCHEMES.includes(document.uri.scheme);
}
