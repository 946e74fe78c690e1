import * as vscode from 'vscode';
import type { LessonTreeProvider } from '../tree/lessonTree';
import type { Services } from '../services';

/** As contributed in package.json (`onWebviewPanel:` activation event). */
const LESSON_VIEW_TYPE = 'incidentLessons.lesson';

/**
 * The lesson page: restores the page left open in the last session, and, as lessons are opened from the Lessons
 * view, loads what the first open needs (the renderer, the lessons' pack, the page's assets) once the view's first
 * rows are answered: they wait for nothing of the page's.
 */
export function registerPage(services: Services, tree: Pick<LessonTreeProvider, 'onDidAnswerFirstRows'>): vscode.Disposable {
	const { panel } = services;
	return vscode.Disposable.from(
		vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, panel),
		tree.onDidAnswerFirstRows(() => panel.prepare()),
	);
}
