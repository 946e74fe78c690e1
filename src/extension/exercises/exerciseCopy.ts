/** Save a copy to the workspace: the learner's files, as they are now, into a folder of the workspace they pick. */
import * as vscode from 'vscode';
import type { ResolvedExercise } from '../../core/exercises';
import { exists } from '../platform/workspaceFs';
import { scratchFile, writeText } from './exerciseFiles';

/**
 * Asks for a folder inside an open workspace folder and writes each file of `exercise` there with `texts` (the
 * learner's current text, unsaved edits included). A file already there is replaced only when the learner agrees.
 * Resolves with the files written.
 */
export async function saveCopy(exercise: ResolvedExercise, texts: ReadonlyMap<string, string>): Promise<vscode.Uri[]> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (folders.length === 0) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the copy goes into the workspace.'));
		return [];
	}
	const [target] = await vscode.window.showOpenDialog({
		canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folders[0]?.uri,
		openLabel: vscode.l10n.t('Save the exercise here'), title: vscode.l10n.t('Save a copy of "{0}"', exercise.title),
	}) ?? [];
	if (!target) {
		return [];
	}
	if (!vscode.workspace.getWorkspaceFolder(target)) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Choose a folder inside the workspace.'));
		return [];
	}
	const written: vscode.Uri[] = [];
	for (const file of exercise.files) {
		const uri = scratchFile(target, file.path);
		if (await exists(uri)) {
			const replace = vscode.l10n.t('Replace');
			const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with your exercise file?', vscode.workspace.asRelativePath(uri)), { modal: true }, replace);
			if (answer !== replace) {
				continue;
			}
		}
		await writeText(uri, texts.get(file.path) ?? '');
		written.push(uri);
	}
	if (written.length > 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} file(s) to {1}.', written.length, vscode.workspace.asRelativePath(target)));
	}
	return written;
}
