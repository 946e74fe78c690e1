import * as vscode from 'vscode';
import type { IncidentLessonsApi } from './api';
import { openNextLesson, registerCommands } from './commands';
import { CONFIG_SECTION, lessonLocale, readConfig, type ExtensionConfig } from './platform/config';
import { LessonLibrary } from './catalog/lessonLibrary';
import { LessonPanel } from './page/lessonPanel';
import { isOutdated, summarizer } from './progress/lessonStatus';
import { LessonTreeProvider, type TreeNode } from './tree/lessonTree';
import { currentWorkspaceId, ProgressStore } from './progress/progressStore';
import { createReviewFeatures, createReviewService } from './reviews/reviewFeatures';
import { LessonStatusBar } from './progress/statusBar';
import { createTestingHooks } from './testingHooks';
import { createTeamFeatures } from './team/teamFeatures';
import { TrustGate } from './platform/trustGate';
import { WorkspaceLessonSource } from './catalog/workspaceLessons';

/** What the entry (extension.ts) made in activate() and hands over: the view it registered, and its change relay. */
export interface Shell {
	readonly view: vscode.TreeView<TreeNode>;
	readonly treeChanged: vscode.EventEmitter<TreeNode | undefined>;
}

/** The services, for the entry's stand-ins: the tree's provider, the panel (restores pages), the API, the last write. */
export interface Services {
	readonly tree: LessonTreeProvider;
	readonly panel: LessonPanel;
	readonly api: IncidentLessonsApi;
	/** Writes what waits for the shared copy of progress (see ProgressStore): deactivate waits for it. */
	flush(): Promise<void>;
}

/**
 * Wires the services together, at the first call that needs them or shortly after activation (see extension.ts).
 * Nothing is read or parsed here: lessons load when the view or a command first needs them.
 */
export function startServices(context: vscode.ExtensionContext, shell: Shell): Services {
	const log = vscode.window.createOutputChannel('Incident Lessons', { log: true });
	const trust = new TrustGate();
	let config = readConfig(trust.isTrusted);
	const getConfig = (): ExtensionConfig => config;
	const workspaceLessons = new WorkspaceLessonSource(trust, log);
	const library = new LessonLibrary(vscode.Uri.joinPath(context.extensionUri, 'lessons'), log, () => lessonLocale(config), workspaceLessons);
	const progress = new ProgressStore({ shared: context.globalState, workspace: context.workspaceState, workspaceId: currentWorkspaceId() }, log,
		(message) => void vscode.window.showWarningMessage(message));
	const { clock, reviews } = createReviewService(library, progress, getConfig);
	const panel: LessonPanel = new LessonPanel({
		extensionUri: context.extensionUri, library, progress, config: getConfig, log, reviews,
		openNext: (lessonId) => openNextLesson({ library, progress, panel, config: getConfig, log }, lessonId),
	});
	const team = createTeamFeatures({ context, library, progress, panel, config: getConfig, log, trust });
	const review = createReviewFeatures({ context, library, progress, config: getConfig, log, trust, clock, reviews }, panel);
	const tree = new LessonTreeProvider(library, progress, getConfig, { assigned: team.assigned, trust }, reviews);
	const statusBar = new LessonStatusBar(library, progress, getConfig);

	context.subscriptions.push(
		log, trust, workspaceLessons, library, progress, panel, team, review, tree, statusBar,
		tree.onDidChangeTreeData((node) => shell.treeChanged.fire(node)),
		preparePanelWhenShown(shell.view, panel),
		registerCommands({ library, progress, panel, config: getConfig, log }),
		// Trust decides which restricted settings apply (see RESTRICTED_SETTINGS), so a change of trust reads them again.
		trust.onDidChange(() => applySettings()),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(CONFIG_SECTION)) {
				applySettings();
			}
		}),
	);
	function applySettings(): void {
		const before = config;
		config = readConfig(trust.isTrusted);
		if (JSON.stringify(before.reviews) !== JSON.stringify(config.reviews) || before.suggestions !== config.suggestions) {
			review.settingsChanged();
		}
		if (before.lessonLanguage !== config.lessonLanguage) {
			library.invalidate();
		} else if (before.audiences.join() !== config.audiences.join()) {
			team.assigned.invalidate();
		} else {
			tree.refresh();
			void statusBar.update();
		}
	}
	// Not in the call that started the services, which may be the view's first request: first the status bar count (it
	// loads the list the view asks for), then, once the view has had its rows, the assignments watch, the checks and
	// the review timers.
	const counted = setTimeout(() => void statusBar.update(), 0);
	const started = setTimeout(() => {
		team.start();
		review.start();
	}, STARTUP_DEFERRED_MS);
	context.subscriptions.push({ dispose: () => { clearTimeout(counted); clearTimeout(started); } });

	const api: IncidentLessonsApi = {
		listLessons: async () => {
			// Only lessons with stored answers can be outdated, so only those are parsed whole.
			const started = new Map((await library.getMany(Object.keys(progress.get().lessons))).map((l) => [l.meta.id, l]));
			const summaryOf = summarizer(progress, getConfig);
			return (await library.lessons()).map((l) => {
				const lesson = started.get(l.meta.id);
				return {
					id: l.meta.id, title: l.meta.title, track: l.meta.track, quizIds: [...l.quizIds],
					summary: summaryOf(l), origin: library.originOf(l.meta.id), outdated: lesson !== undefined && isOutdated(lesson, progress.get()),
				};
			});
		},
		answer: async (lessonId, quizId, answer) => {
			const lesson = await library.get(lessonId);
			return lesson ? panel.answer(lesson, quizId, answer) : undefined;
		},
		getProgress: () => progress.get(),
		readStoredProgress: async () => {
			await progress.flush();
			return progress.stored().shared;
		},
		currentLessonId: () => panel.currentLessonId,
		statusBarText: () => statusBar.text,
		assignedStatusBarText: () => team.statusBar.text,
		assignedLessons: async () => (await team.assigned.get()).items.map(({ lessonId, due, audience, note }) => ({
			lessonId, due, ...(audience !== undefined ? { audience } : {}), ...(note !== undefined ? { note } : {}),
		})),
		treeSnapshot: async () => (await import('./tree/treeSnapshot')).snapshotTree(tree),
		simulateRestrictedMode: (on) => trust.simulateRestrictedMode(on),
		reviewQueue: () => reviews.queue(),
		reviewStatusBarText: () => review.statusBar.text,
		...(context.extensionMode === vscode.ExtensionMode.Production ? {} : { testing: createTestingHooks(context, panel, progress, clock) }),
	};
	return { tree, panel, api, flush: () => progress.flush() };
}

/** What can wait at startup (assignments, checks, review timers) waits this long, leaving the host to the view. */
const STARTUP_DEFERRED_MS = 250;

/** Lessons are opened from the view: once it has been on screen a moment, the panel loads what the first open needs. */
const PREPARE_AFTER_MS = 300;
function preparePanelWhenShown(view: vscode.TreeView<TreeNode>, panel: LessonPanel): vscode.Disposable {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const schedule = (): void => {
		timer ??= setTimeout(() => panel.prepare(), PREPARE_AFTER_MS);
	};
	const watch = view.onDidChangeVisibility((e) => {
		if (e.visible) {
			schedule();
		}
	});
	if (view.visible) {
		schedule();
	}
	return vscode.Disposable.from(watch, { dispose: () => clearTimeout(timer) });
}
