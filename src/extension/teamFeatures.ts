import * as vscode from 'vscode';
import { assignLessons } from './assignLessonsCommand';
import { AssignedLessons } from './assignedLessons';
import { OverdueDecorations } from './assignedNodes';
import { AssignedStatusBar } from './assignedStatusBar';
import { AssignmentsFile } from './assignmentsFile';
import { Command } from './commands';
import type { ExtensionConfig } from './config';
import { LessonDiagnostics } from './lessonDiagnostics';
import type { LessonLibrary } from './lessonLibrary';
import type { LessonPanel } from './lessonPanel';
import { LessonPreview } from './lessonPreview';
import { newLesson } from './newLessonCommand';
import { Onboarding } from './onboarding';
import { showAssigned, showProgress, startOnboarding } from './progressPicks';
import type { ProgressStore } from './progressStore';
import { exportReport } from './reportExport';
import type { TrustGate } from './trustGate';

interface TeamDeps {
	readonly context: vscode.ExtensionContext;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly panel: LessonPanel;
	readonly config: () => ExtensionConfig;
	readonly log: vscode.LogOutputChannel;
	readonly trust: TrustGate;
}

/** The team features, built: what the tree, the API and the configuration listener need to reach. */
export interface TeamFeatures extends vscode.Disposable {
	readonly assigned: AssignedLessons;
	readonly statusBar: AssignedStatusBar;
	/** Starts the work that may wait until after activation: status bar, diagnostics, the onboarding suggestion. */
	start(): void;
}

/**
 * Assignments, team lessons' diagnostics, preview, reports and the new-hire path: the services, their commands
 * and the overdue decorations, owned by one disposable.
 */
export function createTeamFeatures(deps: TeamDeps): TeamFeatures {
	const { library, progress, panel, config, log, trust } = deps;
	const file = new AssignmentsFile(trust, log);
	const assigned = new AssignedLessons(file, library, progress, config);
	const statusBar = new AssignedStatusBar(assigned, progress);
	const diagnostics = new LessonDiagnostics(library, assigned, trust, config);
	const preview = new LessonPreview(panel, trust);
	const picks = { library, progress, panel, config, assigned, trust };
	const onboarding = new Onboarding({ workspaceState: deps.context.workspaceState, library, progress, assigned, trust, config, start: () => startOnboarding(picks) });
	const { version } = deps.context.extension.packageJSON as { version?: unknown };
	const disposable = vscode.Disposable.from(
		file, assigned, statusBar, diagnostics, preview, onboarding,
		vscode.window.registerFileDecorationProvider(new OverdueDecorations()),
		vscode.commands.registerCommand(Command.AssignLessons, (arg?: unknown) => assignLessons({ library, trust, log }, arg)),
		vscode.commands.registerCommand(Command.NewLesson, (arg?: unknown) => newLesson({ library, trust }, arg)),
		vscode.commands.registerCommand(Command.PreviewLesson, (arg?: unknown) => preview.preview(arg instanceof vscode.Uri ? arg : undefined)),
		vscode.commands.registerCommand(Command.ExportReport, (arg?: unknown) => exportReport({ library, progress, config, assigned, trust, log, extensionVersion: typeof version === 'string' ? version : '' }, arg)),
		vscode.commands.registerCommand(Command.ShowProgress, () => showProgress(picks)),
		vscode.commands.registerCommand(Command.ShowAssigned, () => showAssigned(picks)),
		vscode.commands.registerCommand(Command.StartOnboarding, () => startOnboarding(picks)),
	);
	return {
		assigned, statusBar,
		start: () => {
			void statusBar.update();
			void diagnostics.refresh();
			void onboarding.updateContext();
			void onboarding.maybeSuggest();
		},
		dispose: () => { disposable.dispose(); },
	};
}
