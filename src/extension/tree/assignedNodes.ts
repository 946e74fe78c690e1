import * as vscode from 'vscode';
import { isOverdue } from '../../core/team/dueDates';
import type { LessonSummary } from '../../protocol';
import type { AssignedItem } from '../team/assignedLessons';
import { dueShort, dueText } from '../team/dueLabels';
import { LessonNode, statusText } from './lessonNodes';
import { MANAGE_TRUST_COMMAND } from '../platform/trustGate';

/** URIs of overdue tree items: their scheme lets {@link OverdueDecorations} colour the label. */
export const OVERDUE_SCHEME = 'incident-lessons-overdue';

/** The "Assigned" group: the lead's assignments for this learner, first in the view. */
export class AssignedGroupNode extends vscode.TreeItem {
	constructor(readonly items: readonly AssignedItem[], done: number, summaryText: string) {
		super(vscode.l10n.t('Assigned'), vscode.TreeItemCollapsibleState.Expanded);
		this.id = 'group:assigned';
		this.description = summaryText;
		this.iconPath = new vscode.ThemeIcon('checklist');
		const passed = vscode.l10n.t('{0} of {1} assigned lessons passed', done, items.length);
		this.tooltip = passed;
		// the summary's "2 overdue" or next due date is part of the name, after the count in words
		const rest = summaryText.split(' · ').slice(1).join(', ');
		this.accessibilityInformation = { label: [vscode.l10n.t('Assigned'), passed, rest].filter(Boolean).join(', ') };
		this.contextValue = 'group.assigned';
	}
}

/** An assigned lesson: checked when passed, with its due date; overdue ones are highlighted. */
export class AssignedLessonNode extends LessonNode {
	constructor(readonly item: AssignedItem, summary: LessonSummary, today: string) {
		super(item.lesson, summary);
		const done = summary.status === 'passed';
		const overdue = !done && isOverdue(item.due, today);
		this.id = `assigned:${item.lessonId}`;
		const due = done ? vscode.l10n.t('done') : dueText(item.due, today);
		if (done) {
			this.description = due;
		} else {
			// the date leads the label, so a narrow view that cuts the description still shows it
			this.label = `${dueShort(item.due, today)} · ${item.lesson.meta.title}`;
			this.description = [overdue ? vscode.l10n.t('overdue') : '', summary.answered > 0 ? `${summary.score}%` : ''].filter(Boolean).join(' · ');
		}
		if (overdue) {
			this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
			this.resourceUri = vscode.Uri.from({ scheme: OVERDUE_SCHEME, path: `/${item.lessonId}` });
		}
		const tooltip = new vscode.MarkdownString(undefined, false); // untrusted: the note is the lead's text
		tooltip.appendMarkdown('**').appendText(item.lesson.meta.title).appendMarkdown('**\n\n')
			.appendText(`${due} (${item.due}) · ${statusText(summary.status)}`);
		if (item.cycle) {
			tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('This cycle: {0} to {1}. Only answers given since it started count.', item.cycle.start, item.cycle.end));
		}
		if (item.audience !== undefined) {
			tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('For: {0}', item.audience));
		}
		if (item.note !== undefined) {
			tooltip.appendMarkdown('\n\n').appendText(item.note);
		}
		this.tooltip = tooltip;
		this.accessibilityInformation = { label: `${item.lesson.meta.title}, ${due}, ${statusText(summary.status)}` };
		this.contextValue = `${this.contextValue ?? 'lesson'}.assigned${overdue ? '.overdue' : ''}`;
	}
}

/** Shown in Restricted Mode: why workspace lessons and assignments are missing, and a way to trust the folder. */
export class RestrictedNode extends vscode.TreeItem {
	constructor() {
		super(vscode.l10n.t('Workspace lessons and assignments are hidden'), vscode.TreeItemCollapsibleState.None);
		this.id = 'restricted';
		this.description = vscode.l10n.t('Restricted Mode');
		this.iconPath = new vscode.ThemeIcon('shield');
		this.tooltip = vscode.l10n.t('This workspace is not trusted, so lessons and assignments from its files are not loaded. Bundled lessons work as usual. Click to manage Workspace Trust.');
		this.command = { command: MANAGE_TRUST_COMMAND, title: vscode.l10n.t('Manage Workspace Trust') };
		this.contextValue = 'restricted';
	}
}

/** Colours overdue assigned lessons in the view (and badges them), so they stand out without reading the dates. */
export class OverdueDecorations implements vscode.FileDecorationProvider {
	provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
		if (uri.scheme !== OVERDUE_SCHEME) {
			return undefined;
		}
		return new vscode.FileDecoration('!', vscode.l10n.t('Overdue'), new vscode.ThemeColor('list.errorForeground'));
	}
}
