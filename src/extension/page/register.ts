import * as vscode from 'vscode';
import type { TreeNode } from '../tree/lessonTree';
import type { Services } from '../services';

/** As contributed in package.json (`onWebviewPanel:` activation event). */
const LESSON_VIEW_TYPE = 'incidentLessons.lesson';

/**
 * The lesson page: restores the page left open in the last session, and, as lessons are opened from the Lessons
 * view, loads what the first open needs (renderer, parsers, the page's assets) once the view shows its list.
 */
export function registerPage(services: Services, view: vscode.TreeView<TreeNode>): vscode.Disposable {
	const { panel, library } = services;
	let prepared = false;
	const prepare = (): void => {
		if (!prepared) {
			prepared = true;
			// After the list: the view's first rows wait for the list, not for the page's files.
			void library.lessons().then(() => panel.prepare(), () => undefined);
		}
	};
	if (view.visible) {
		prepare();
	}
	return vscode.Disposable.from(
		vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, panel),
		view.onDidChangeVisibility((e) => e.visible && prepare()),
	);
}
