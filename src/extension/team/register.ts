import * as vscode from 'vscode';
import { assignLessons } from './assignLessonsCommand';
import { AssignedLessons } from './assignedLessons';
import { OverdueDecorations } from '../tree/assignedNodes';
import { AssignedStatusBar } from './assignedStatusBar';
import { AssignmentReminder } from './assignmentReminder';
import { AssignmentsFile } from './assignmentsFile';
import { Command } from '../platform/ids';
import { exportReport } from './reportExport';
import { exportCertificate } from './certificateExport';
import type { Services } from '../services';

/** The team feature, registered: what the tree, the other features, the API and the settings listener reach. */
export interface Team extends vscode.Disposable {
	readonly assigned: AssignedLessons;
	readonly statusBar: AssignedStatusBar;
	readonly reminder: AssignmentReminder;
}

/**
 * Assignments (the workspace's file, the Assigned group's source, its status bar, the overdue decorations, the
 * reminders), Assign Lessons, Export Report and Export Certificate. The status bar counts once the assignments are read.
 */
export function registerTeam(services: Services): Team {
	const { context, library, progress, config, log, trust, clock } = services;
	const file = new AssignmentsFile(trust, log);
	const assigned = new AssignedLessons(file, library, progress, config, clock);
	const statusBar = new AssignedStatusBar(assigned, progress);
	const reminder = new AssignmentReminder(context.workspaceState, assigned, config);
	const { version } = context.extension.packageJSON as { version?: unknown };
	const exportDeps = { library, progress, config, assigned, trust, log, extensionVersion: typeof version === 'string' ? version : '' };
	const disposable = vscode.Disposable.from(
		file, assigned, statusBar, reminder,
		vscode.window.registerFileDecorationProvider(new OverdueDecorations()),
		vscode.commands.registerCommand(Command.AssignLessons, (arg?: unknown) => assignLessons({ library, trust, log }, arg)),
		vscode.commands.registerCommand(Command.ExportReport, (arg?: unknown) => exportReport(exportDeps, arg)),
		vscode.commands.registerCommand(Command.ExportCertificate, (arg?: unknown) => exportCertificate(exportDeps, arg)),
	);
	void statusBar.update();
	return { assigned, statusBar, reminder, dispose: () => { disposable.dispose(); } };
}
