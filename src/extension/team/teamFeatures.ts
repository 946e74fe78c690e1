import * as vscode from 'vscode';
import { AssignedLessons } from './assignedLessons';
import { OverdueDecorations } from '../tree/assignedNodes';
import { AssignedStatusBar } from './assignedStatusBar';
import { AssignmentsFile } from './assignmentsFile';
import { Command } from '../platform/ids';
import type { ExtensionConfig } from '../platform/config';
import { LazyPart } from '../platform/lazyPart';
import { LessonDiagnosticsGate } from '../lessons/lessonDiagnosticsGate';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { LessonPanel } from '../page/lessonPanel';
import { Onboarding } from '../onboarding/onboarding';
import type { ProgressStore } from '../progress/progressStore';
import type { TrustGate } from '../platform/trustGate';

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
	/** Starts the work that may wait until after activation: status bar, diagnostics, the onboarding notice. */
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
	const diagnostics = new LessonDiagnosticsGate(library, assigned, trust, config);
	// The commands' implementations load as chunks on first use (esbuild.mjs); the preview then starts watching saves.
	const preview = new LazyPart(async () => new (await import('../page/lessonPreview')).LessonPreview(panel, trust));
	const picks = { library, progress, panel, config, assigned, trust };
	const startOnboarding = async (): Promise<void> => (await import('../onboarding/onboardingNotice')).startOnboarding(picks);
	const onboarding = new Onboarding({ workspaceState: deps.context.workspaceState, library, progress, assigned, trust, config, start: startOnboarding });
	const { version } = deps.context.extension.packageJSON as { version?: unknown };
	const exportDeps = { library, progress, config, assigned, trust, log, extensionVersion: typeof version === 'string' ? version : '' };
	const disposable = vscode.Disposable.from(
		file, assigned, statusBar, diagnostics, preview, onboarding,
		vscode.window.registerFileDecorationProvider(new OverdueDecorations()),
		vscode.commands.registerCommand(Command.AssignLessons, async (arg?: unknown) => (await import('./assignLessonsCommand')).assignLessons({ library, trust, log }, arg)),
		vscode.commands.registerCommand(Command.NewLesson, async (arg?: unknown) => (await import('../lessons/newLessonCommand')).newLesson({ library, trust }, arg)),
		vscode.commands.registerCommand(Command.PreviewLesson, async (arg?: unknown) => (await preview.get()).preview(arg instanceof vscode.Uri ? arg : undefined)),
		vscode.commands.registerCommand(Command.ExportReport, async (arg?: unknown) => (await import('./reportExport')).exportReport(exportDeps, arg)),
		vscode.commands.registerCommand(Command.ShowProgress, async () => (await import('../progress/progressPicks')).showProgress(picks)),
		vscode.commands.registerCommand(Command.ShowAssigned, async () => (await import('../progress/progressPicks')).showAssigned(picks)),
		vscode.commands.registerCommand(Command.StartOnboarding, startOnboarding),
	);
	return {
		assigned, statusBar,
		start: () => {
			void statusBar.update();
			void diagnostics.refresh();
			void onboarding.updateContext();
			void onboarding.showNoticeIfDue();
		},
		dispose: () => { disposable.dispose(); },
	};
}
