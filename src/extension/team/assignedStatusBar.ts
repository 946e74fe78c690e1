import * as vscode from 'vscode';
import type { AssignedLessons } from './assignedLessons';
import { Command } from '../platform/ids';
import { Disposable } from '../platform/dispose';
import { assignedSummary } from './dueLabels';
import type { ProgressStore } from '../progress/progressStore';

/** "Assigned 2/5 · due Fri" next to the lesson count; shown only when something is assigned, warning-coloured when overdue. */
export class AssignedStatusBar extends Disposable {
	private readonly item = this.register(vscode.window.createStatusBarItem('incidentLessons.assigned', vscode.StatusBarAlignment.Left, 9));
	private isShown = false;
	/** Only the latest update may change the item: an earlier one can finish later with what was true before. */
	private generation = 0;

	constructor(private readonly assigned: AssignedLessons, progress: ProgressStore) {
		super();
		this.item.name = vscode.l10n.t('Incident Lessons: assigned lessons');
		this.item.command = Command.ShowAssigned;
		this.register(assigned.onDidChange(() => void this.update()));
		this.register(progress.onDidChange(() => void this.update()));
	}

	/** Current text ('' while hidden), for tests. */
	get text(): string {
		return this.isShown ? this.item.text : '';
	}

	/** Shows the learner's assigned progress, or hides the item when nothing is assigned. */
	async update(): Promise<void> {
		const generation = ++this.generation;
		const progress = await this.assigned.progressToday();
		if (generation !== this.generation) {
			return;
		}
		if (progress.total === 0) {
			this.item.hide();
			this.isShown = false;
			return;
		}
		const summary = assignedSummary(progress, this.assigned.today());
		this.item.text = `$(checklist) ${vscode.l10n.t('Assigned {0}', summary)}`;
		this.item.tooltip = vscode.l10n.t('{0} of {1} assigned lessons passed, {2} overdue. Click to see them.', progress.done, progress.total, progress.overdue);
		this.item.accessibilityInformation = { label: vscode.l10n.t('Assigned lessons: {0} of {1} passed, {2} overdue', progress.done, progress.total, progress.overdue) };
		this.item.backgroundColor = progress.overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
		this.item.show();
		this.isShown = true;
	}
}
