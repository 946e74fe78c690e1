import * as vscode from 'vscode';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import type { LessonStatus, LessonSummary } from '../../protocol';
import { Command } from '../platform/ids';

/** The icon of each lesson status in the Lessons view. */
export const STATUS_ICONS: Readonly<Record<LessonStatus, vscode.ThemeIcon>> = {
	notStarted: new vscode.ThemeIcon('circle-large-outline'),
	inProgress: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.blue')),
	passed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
	failed: new vscode.ThemeIcon('debug-restart', new vscode.ThemeColor('testing.iconFailed')),
};

/** A track's name as the view shows it. */
export function trackLabel(track: string): string {
	switch (track) {
		case 'onboarding': return vscode.l10n.t('Onboarding');
		case 'developer': return vscode.l10n.t('Developer');
		case 'lead': return vscode.l10n.t('Team lead');
		case 'general': return vscode.l10n.t('General');
		default: return track.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
	}
}

/** A lesson status in words. */
export function statusText(status: LessonStatus): string {
	switch (status) {
		case 'notStarted': return vscode.l10n.t('Not started');
		case 'inProgress': return vscode.l10n.t('In progress');
		case 'passed': return vscode.l10n.t('Passed');
		case 'failed': return vscode.l10n.t('Below the pass mark: try again');
	}
}

/** A group of lessons (a track, an incident, or the workspace's own lessons). */
export class GroupNode {
	constructor(readonly key: string, readonly label: string, readonly lessons: readonly LessonEntry[]) {}
}

/** A lesson with its status icon, minutes and score; a click opens it. */
export class LessonNode extends vscode.TreeItem {
	constructor(readonly lesson: LessonEntry, private readonly summary: LessonSummary) {
		super(lesson.meta.title, vscode.TreeItemCollapsibleState.None);
		this.id = `lesson:${lesson.meta.id}`;
		this.iconPath = STATUS_ICONS[summary.status];
		const parts: string[] = [];
		if (lesson.meta.minutes !== undefined) {
			parts.push(vscode.l10n.t('{0} min', lesson.meta.minutes));
		}
		if (summary.answered > 0) {
			parts.push(`${summary.score}%`);
		}
		this.description = parts.join(' · ');
		this.accessibilityInformation = { label: `${lesson.meta.title}, ${statusText(summary.status)}` };
		this.contextValue = `lesson.${summary.status}${summary.answered > 0 ? '.hasProgress' : ''}`;
		this.command = { command: Command.OpenLesson, title: vscode.l10n.t('Open Lesson'), arguments: [lesson.meta.id] };
	}

	/** Sets the hover text: title, summary and progress (called by the view's resolveTreeItem). */
	resolveTooltip(): void {
		const { lesson, summary } = this;
		const tooltip = new vscode.MarkdownString(undefined, false); // untrusted: no command links from lesson text
		tooltip.appendMarkdown('**').appendText(lesson.meta.title).appendMarkdown('**\n\n').appendText(lesson.meta.summary)
			.appendMarkdown('\n\n').appendText(`${statusText(summary.status)} · ${vscode.l10n.t('{0} of {1} questions answered', summary.answered, summary.total)}`);
		this.tooltip = tooltip;
	}
}
