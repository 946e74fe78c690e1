import * as vscode from 'vscode';
import type { IncidentLessonsApi } from './api';
import { openNextLesson, registerCommands } from './commands';
import { CONFIG_SECTION, lessonLocale, readConfig, type ExtensionConfig } from './config';
import { LessonLibrary } from './lessonLibrary';
import { LESSON_VIEW_TYPE, LessonPanel } from './lessonPanel';
import { summarize } from './lessonStatus';
import { LessonTreeProvider } from './lessonTree';
import { PROGRESS_KEY, ProgressStore } from './progressStore';
import { LessonStatusBar } from './statusBar';

/** Wires the services together. Nothing is read or parsed here: lessons load when the view or a command first needs them. */
export function activate(context: vscode.ExtensionContext): IncidentLessonsApi {
	const log = vscode.window.createOutputChannel('Incident Lessons', { log: true });
	let config = readConfig();
	const getConfig = (): ExtensionConfig => config;
	const library = new LessonLibrary(vscode.Uri.joinPath(context.extensionUri, 'lessons'), log, () => lessonLocale(config));
	const progress = new ProgressStore(context.workspaceState, log, (message) => void vscode.window.showWarningMessage(message));
	const panel: LessonPanel = new LessonPanel({
		extensionUri: context.extensionUri, library, progress, config: getConfig, log,
		openNext: (lessonId) => openNextLesson({ library, progress, panel, config: getConfig, log }, lessonId),
	});
	const tree = new LessonTreeProvider(library, progress, getConfig);
	const statusBar = new LessonStatusBar(library, progress, getConfig);

	context.subscriptions.push(
		log, library, progress, panel, tree, statusBar,
		vscode.window.createTreeView('incidentLessons.lessons', { treeDataProvider: tree, showCollapseAll: true }),
		vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, panel),
		registerCommands({ library, progress, panel, config: getConfig, log }),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (!e.affectsConfiguration(CONFIG_SECTION)) {
				return;
			}
			const before = config;
			config = readConfig();
			if (before.lessonLanguage !== config.lessonLanguage) {
				library.invalidate();
			} else {
				tree.refresh();
				void statusBar.update();
			}
		}),
	);
	void statusBar.update();

	return {
		listLessons: async () => (await library.lessons()).map((l) => ({
			id: l.meta.id, title: l.meta.title, track: l.meta.track, quizIds: l.quizzes.map((q) => q.id),
			summary: summarize(l, progress.get(), config.passMark),
		})),
		answer: async (lessonId, quizId, answer) => {
			const lesson = await library.get(lessonId);
			return lesson ? panel.answer(lesson, quizId, answer) : undefined;
		},
		getProgress: () => progress.get(),
		readStoredProgress: () => context.workspaceState.get(PROGRESS_KEY),
		currentLessonId: () => panel.currentLessonId,
		statusBarText: () => statusBar.text,
	};
}

export function deactivate(): void {
	// Progress is written as each answer arrives; there is nothing to save here.
}
