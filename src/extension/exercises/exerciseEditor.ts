/**
 * The exercise files in the editor: a CodeLens at the top of each (Check my fix · Show hint · Reset), the context key
 * the Check keybinding needs, and the reference solution's read-only documents.
 */
import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import { exerciseOfUri } from './exerciseFiles';
import { SOLUTION_SCHEME, type ExerciseService } from './exerciseService';

/** True while the active editor shows an exercise file (package.json: the Check keybinding's `when`). */
export const EXERCISE_FILE_CONTEXT = 'incidentLessons:exerciseFile';

export function registerExerciseEditor(storage: vscode.Uri, service: ExerciseService): vscode.Disposable {
	const lenses: vscode.CodeLensProvider = {
		provideCodeLenses: (document) => {
			const found = exerciseOfUri(storage, document.uri);
			if (!found) {
				return [];
			}
			const args = { lessonId: found.lessonId, exerciseId: found.exerciseId };
			const top = new vscode.Range(0, 0, 0, 0);
			return [
				new vscode.CodeLens(top, { title: vscode.l10n.t('Check my fix'), command: Command.CheckExercise, arguments: [args] }),
				new vscode.CodeLens(top, { title: vscode.l10n.t('Show hint'), command: Command.ShowExerciseHint, arguments: [args] }),
				new vscode.CodeLens(top, { title: vscode.l10n.t('Reset'), command: Command.ResetExercise, arguments: [args] }),
			];
		},
	};
	const setContext = (editor: vscode.TextEditor | undefined): void => {
		void vscode.commands.executeCommand('setContext', EXERCISE_FILE_CONTEXT, editor !== undefined && exerciseOfUri(storage, editor.document.uri) !== undefined);
	};
	setContext(vscode.window.activeTextEditor);
	return vscode.Disposable.from(
		vscode.languages.registerCodeLensProvider({ scheme: storage.scheme }, lenses),
		vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, {
			provideTextDocumentContent: async (uri) => await service.reference(uri) ?? '',
		}),
		vscode.window.onDidChangeActiveTextEditor(setContext),
	);
}
