import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import { showAssigned, showProgress } from './progressPicks';
import { exportMyProgress, importProgress } from './progressTransfer';
import { LessonStatusBar } from './statusBar';
import type { Services } from '../services';
import type { Team } from '../team/register';

/**
 * The learner's progress at a glance (the "Lessons 3/12" status bar, Show Progress and Show Assigned), and carried
 * elsewhere: Export My Progress… / Import Progress…, and this workspace's earlier progress merged into the learner's.
 */
export interface ProgressView extends vscode.Disposable {
	readonly statusBar: LessonStatusBar;
}

export function registerProgress(services: Services, team: Pick<Team, 'assigned'>): ProgressView {
	const { library, progress, panel, config, trust, log } = services;
	const statusBar = new LessonStatusBar(library, progress, config);
	const picks = { library, progress, panel, config, assigned: team.assigned, trust };
	void statusBar.update();
	void progress.adoptWorkspaceProgress().catch((e: unknown) => log.error(`Could not merge this workspace's earlier progress: ${String(e)}`));
	const transfer = { progress, log };
	const disposable = vscode.Disposable.from(
		statusBar,
		vscode.commands.registerCommand(Command.ShowProgress, () => showProgress(picks)),
		vscode.commands.registerCommand(Command.ShowAssigned, () => showAssigned(picks)),
		vscode.commands.registerCommand(Command.ExportProgress, (arg?: unknown) => exportMyProgress(transfer, arg)),
		vscode.commands.registerCommand(Command.ImportProgress, (arg?: unknown) => importProgress(transfer, arg)),
	);
	return { statusBar, dispose: () => { disposable.dispose(); } };
}
