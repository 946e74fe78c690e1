import * as vscode from 'vscode';
import type { IncidentLessonsApiWithTesting } from './testing';
import type { TreeNode } from './tree/lessonTree';
import type * as ServicesModule from './services';

type Services = ServicesModule.Services;

/**
 * The extension entry: activate() only registers what the workbench can call (the Lessons view, the lesson page's
 * restorer, the commands, the API) with stand-ins that start the services (./services, a chunk of its own) on first
 * use, or shortly after activation if nothing uses them first. Activation, which the host times and shows in
 * Running Extensions, waits for none of it.
 */

/** As contributed in package.json. */
const LESSONS_VIEW = 'incidentLessons.lessons';
const LESSON_VIEW_TYPE = 'incidentLessons.lesson';

/**
 * When nothing has called for the services, they start this long after activation. Not at once: the host first
 * reports the activation and takes the workbench's next request (the view's root, say), which then starts them itself.
 */
const START_WHEN_IDLE_MS = 100;

let started: Services | undefined;
/** Why the services could not start, kept: starting again would register their commands twice. */
let failure: Error | undefined;

export function activate(context: vscode.ExtensionContext): IncidentLessonsApiWithTesting {
	const treeChanged = new vscode.EventEmitter<TreeNode | undefined>();
	const stubs = vscode.Disposable.from(...contributedCommands(context).map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => {
		services();
		return vscode.commands.executeCommand(id, ...args);
	})));
	const view = vscode.window.createTreeView<TreeNode>(LESSONS_VIEW, {
		showCollapseAll: true,
		treeDataProvider: {
			onDidChangeTreeData: treeChanged.event,
			getChildren: (node) => services().tree.getChildren(node),
			getTreeItem: (node) => services().tree.getTreeItem(node),
			resolveTreeItem: (item, node) => services().tree.resolveTreeItem(item, node),
		},
	});
	const restorer = vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, {
		deserializeWebviewPanel: (panel, state) => services().panel.deserializeWebviewPanel(panel, state),
	});

	/**
	 * The services, started on first call. Synchronously, so that the API's plain getters answer at once; the
	 * command stand-ins go first, as the services register the real commands under the same ids.
	 */
	function services(): Services {
		if (failure) {
			throw failure;
		}
		if (!started) {
			clearTimeout(soon);
			stubs.dispose();
			try {
				// A plain require: the API's getters cannot wait for a dynamic import. esbuild.mjs keeps it a chunk.
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const { startServices } = require('./services') as typeof ServicesModule;
				started = startServices(context, { view, treeChanged });
			} catch (error) {
				failure = error instanceof Error ? error : new Error(String(error));
				void vscode.window.showErrorMessage(vscode.l10n.t('Incident Lessons could not start: {0}', failure.message));
				throw failure;
			}
		}
		return started;
	}
	const soon = setTimeout(() => {
		try {
			services();
		} catch {
			// Shown to the learner above; every later call gets the same error.
		}
	}, START_WHEN_IDLE_MS);
	context.subscriptions.push(treeChanged, view, restorer, stubs, { dispose: () => clearTimeout(soon) });
	return apiOf(() => services().api, context.extensionMode !== vscode.ExtensionMode.Production);
}

/** The command ids the manifest contributes: each can come from the Command Palette, a menu or a key before the services start. */
function contributedCommands(context: vscode.ExtensionContext): string[] {
	const commands: unknown = (context.extension.packageJSON as { contributes?: { commands?: unknown } }).contributes?.commands;
	return Array.isArray(commands) ? commands.map((c: { command?: unknown }) => c.command).filter((id): id is string => typeof id === 'string') : [];
}

/** The API, each call passed on to the services' own (starting them if need be). */
function apiOf(api: () => IncidentLessonsApiWithTesting, withTesting: boolean): IncidentLessonsApiWithTesting {
	const facade: IncidentLessonsApiWithTesting = {
		listLessons: () => api().listLessons(),
		answer: (lessonId, quizId, answer) => api().answer(lessonId, quizId, answer),
		getProgress: () => api().getProgress(),
		currentLessonId: () => api().currentLessonId(),
		assignedLessons: () => api().assignedLessons(),
		reviewQueue: () => api().reviewQueue(),
	};
	return withTesting ? Object.defineProperty(facade, 'testing', { get: () => api().testing, enumerable: true }) : facade;
}

export function deactivate(): Promise<void> | undefined {
	// Answers are in the workspace copy already; the shared copy may still wait for the last ones.
	return started?.flush();
}
