import * as vscode from 'vscode';
import type { Lesson } from '../core/lesson';
import type { LessonStatus, LessonSummary } from '../protocol';
import { Command } from './commands';
import type { ExtensionConfig } from './config';
import { Disposable } from './dispose';
import type { LessonLibrary } from './lessonLibrary';
import { summarize } from './lessonStatus';
import type { ProgressStore } from './progressStore';

const STATUS_ICONS: Readonly<Record<LessonStatus, vscode.ThemeIcon>> = {
	notStarted: new vscode.ThemeIcon('circle-large-outline'),
	inProgress: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.blue')),
	passed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
	failed: new vscode.ThemeIcon('debug-restart', new vscode.ThemeColor('testing.iconFailed')),
};

/** Tracks in the order a new learner should meet them; other tracks follow alphabetically. */
const TRACK_ORDER = ['onboarding', 'developer', 'lead', 'general'];

function trackLabel(track: string): string {
	switch (track) {
		case 'onboarding': return vscode.l10n.t('Onboarding');
		case 'developer': return vscode.l10n.t('Developer');
		case 'lead': return vscode.l10n.t('Team lead');
		case 'general': return vscode.l10n.t('General');
		default: return track.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
	}
}

function statusText(status: LessonStatus): string {
	switch (status) {
		case 'notStarted': return vscode.l10n.t('Not started');
		case 'inProgress': return vscode.l10n.t('In progress');
		case 'passed': return vscode.l10n.t('Passed');
		case 'failed': return vscode.l10n.t('Below the pass mark: try again');
	}
}

export class GroupNode {
	constructor(readonly key: string, readonly label: string, readonly lessons: readonly Lesson[]) {}
}

export class LessonNode extends vscode.TreeItem {
	constructor(readonly lesson: Lesson, summary: LessonSummary) {
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
		const tooltip = new vscode.MarkdownString(undefined, false); // untrusted: no command links from lesson text
		tooltip.appendMarkdown('**').appendText(lesson.meta.title).appendMarkdown('**\n\n').appendText(lesson.meta.summary)
			.appendMarkdown('\n\n').appendText(`${statusText(summary.status)} · ${vscode.l10n.t('{0} of {1} questions answered', summary.answered, summary.total)}`);
		this.tooltip = tooltip;
		this.accessibilityInformation = { label: `${lesson.meta.title}, ${statusText(summary.status)}` };
		this.contextValue = `lesson.${summary.status}${summary.answered > 0 ? '.hasProgress' : ''}`;
		this.command = { command: Command.OpenLesson, title: vscode.l10n.t('Open Lesson'), arguments: [lesson.meta.id] };
	}
}

type Node = GroupNode | LessonNode;

/** The Lessons view: groups (track or incident) holding lessons with their status. */
export class LessonTreeProvider extends Disposable implements vscode.TreeDataProvider<Node> {
	private readonly _onDidChangeTreeData = this.register(new vscode.EventEmitter<Node | undefined>());
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

	constructor(
		private readonly library: LessonLibrary,
		private readonly progress: ProgressStore,
		private readonly config: () => ExtensionConfig,
	) {
		super();
		this.register(library.onDidChange(() => this.refresh()));
		this.register(progress.onDidChange(() => this.refresh()));
	}

	refresh(): void {
		this._onDidChangeTreeData.fire(undefined);
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node instanceof LessonNode) {
			return node;
		}
		const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
		item.id = `group:${node.key}`;
		const passed = node.lessons.filter((l) => this.summary(l).status === 'passed').length;
		item.description = `${passed}/${node.lessons.length}`;
		item.contextValue = 'group';
		return item;
	}

	async getChildren(node?: Node): Promise<Node[]> {
		if (node instanceof GroupNode) {
			return node.lessons.map((l) => new LessonNode(l, this.summary(l)));
		}
		if (node) {
			return [];
		}
		const lessons = await this.library.lessons();
		await vscode.commands.executeCommand('setContext', 'incidentLessons:hasLessons', lessons.length > 0);
		return this.group(lessons);
	}

	private summary(lesson: Lesson): LessonSummary {
		return summarize(lesson, this.progress.get(), this.config().passMark);
	}

	private group(lessons: readonly Lesson[]): GroupNode[] {
		const byIncident = this.config().groupBy === 'incident';
		const groups = new Map<string, Lesson[]>();
		for (const lesson of lessons) {
			const key = byIncident ? lesson.meta.incident?.organization ?? '' : lesson.meta.track;
			groups.set(key, [...groups.get(key) ?? [], lesson]);
		}
		const rank = (key: string): number => {
			const i = TRACK_ORDER.indexOf(key);
			return i === -1 ? TRACK_ORDER.length : i;
		};
		const ordered = byIncident ? [...groups].sort(([a], [b]) => (a ? 0 : 1) - (b ? 0 : 1)) : [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
		return ordered.map(([key, members]) => new GroupNode(
			key,
			byIncident ? key || vscode.l10n.t('General topics') : trackLabel(key),
			members,
		));
	}
}
