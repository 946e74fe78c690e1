import * as vscode from 'vscode';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import type { LessonSummary } from '../../protocol';
import { AssignedGroupNode, AssignedLessonNode, RestrictedNode } from './assignedNodes';
import type { AssignedLessons } from '../team/assignedLessons';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import { assignedSummary } from '../team/dueLabels';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { GroupNode, LessonNode, trackLabel } from './lessonNodes';
import { compareTracks } from '../../core/catalog/tracks';
import { summarizer } from '../progress/lessonStatus';
import type { ProgressStore } from '../progress/progressStore';
import type * as ReviewNodes from './reviewNodes';
import type { ReviewService } from '../reviews/reviewService';
import type { TrustGate } from '../platform/trustGate';
import { host } from '../platform/host';

export { GroupNode, LessonNode } from './lessonNodes';

type Node = GroupNode | LessonNode | AssignedGroupNode | RestrictedNode | ReviewNodes.ReviewGroupNode | ReviewNodes.ReviewItemNode;
/** Any row of the Lessons view. */
export type TreeNode = Node;

/** What the view shows besides the bundled lessons: the learner's assignments, and whether the workspace is trusted. */
export interface TeamSources {
	readonly assigned: AssignedLessons;
	readonly trust: TrustGate;
}

/** Groups with more lessons than this start collapsed. */
const EXPANDED_GROUP_MAX = 50;

/** True when the view has no lessons to list (none found, or the list failed to load): it shows its empty state. */
const NO_LESSONS_CONTEXT = 'incidentLessons:noLessons';

/** The `GroupNode` key of the workspace's own lessons (a colon never appears in a track name). */
const WORKSPACE_GROUP = ':workspace';

/**
 * The Lessons view: the Assigned group first, a notice in Restricted Mode, the workspace's own lessons, then the
 * bundled lessons in groups (track or incident), each lesson with its status.
 */
export class LessonTreeProvider extends Disposable implements vscode.TreeDataProvider<Node> {
	private readonly _onDidChangeTreeData = this.register(new vscode.EventEmitter<Node | undefined>());
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
	private readonly _onDidAnswerFirstRows = this.register(new vscode.EventEmitter<void>());
	/**
	 * Fires once, after the view's first rows were answered (the root, and the groups that open expanded): work that
	 * can wait for them, such as loading what the first lesson opened needs, starts then and does not hold them up.
	 */
	readonly onDidAnswerFirstRows = this._onDidAnswerFirstRows.event;
	private firstRowsAnswered = false;

	constructor(
		private readonly library: LessonLibrary,
		private readonly progress: ProgressStore,
		private readonly config: () => ExtensionConfig,
		private readonly team?: TeamSources,
		private readonly reviews?: ReviewService,
	) {
		super();
		this.register(library.onDidChange(() => this.refresh()));
		this.register(progress.onDidChange(() => this.refresh()));
		if (reviews) {
			this.register(reviews.onDidChange(() => this.refresh()));
		}
		if (team) {
			this.register(team.assigned.onDidChange(() => this.refresh()));
			this.register(team.trust.onDidChange(() => this.refresh()));
		}
	}

	refresh(): void {
		this._onDidChangeTreeData.fire(undefined);
	}

	/** The tooltip is built when the row is hovered, not for every row shown. */
	resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
		if (node instanceof LessonNode) {
			node.resolveTooltip();
		}
		return item;
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node instanceof vscode.TreeItem) {
			return node;
		}
		// A large group starts collapsed, so opening the view resolves only the rows it shows.
		const state = node.lessons.length > EXPANDED_GROUP_MAX ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
		const item = new vscode.TreeItem(node.label, state);
		item.id = `group:${node.key}`;
		const passed = node.lessons.filter((l) => this.summary(l).status === 'passed').length;
		item.description = `${passed}/${node.lessons.length}`;
		// "3/5" alone is read as a date or a fraction: the name says what it counts
		item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} passed', node.label, passed, node.lessons.length) };
		item.contextValue = 'group';
		return item;
	}

	/** The Reviews group's node classes: a chunk, loaded the first time the learner has cards (see reviewNodes()). */
	private reviewNodeClasses: typeof ReviewNodes | undefined;

	async getChildren(node?: Node): Promise<Node[]> {
		if (node instanceof GroupNode) {
			this.answeredFirstRows();
			return node.lessons.map((l) => new LessonNode(l, this.summary(l)));
		}
		const reviewNodes = this.reviewNodeClasses;
		if (reviewNodes && node instanceof reviewNodes.ReviewGroupNode) {
			return node.queue.items.map((item) => new reviewNodes.ReviewItemNode(item, node.lessons.get(item.lessonId)));
		}
		if (node instanceof AssignedGroupNode && this.team) {
			const { assigned } = this.team;
			return node.items.map((item) => new AssignedLessonNode(item, assigned.summaryOf(item), assigned.today()));
		}
		if (node) {
			return [];
		}
		// The empty-state text (package.json's viewsWelcome) shows only once the list is known to be empty or could
		// not be read: a key that is still unset while the list loads must not show it. Not awaited: it need not hold up the rows.
		const listed = this.library.lessons().catch((error: unknown) => {
			void vscode.commands.executeCommand('setContext', NO_LESSONS_CONTEXT, true);
			throw error;
		});
		// The three parts each wait on the workbench (files, state): asked together, the root costs the slowest, not the sum.
		const [lessons, teamRows, reviewRows] = await Promise.all([listed, this.teamNodes(), this.reviewNodes()]);
		void vscode.commands.executeCommand('setContext', NO_LESSONS_CONTEXT, lessons.length === 0);
		const workspace = lessons.filter((l) => this.library.originOf(l.meta.id) === 'workspace');
		const bundled = lessons.filter((l) => this.library.originOf(l.meta.id) !== 'workspace');
		const groups = [
			...(workspace.length > 0 ? [new GroupNode(WORKSPACE_GROUP, vscode.l10n.t('Workspace lessons'), workspace)] : []),
			...this.group(bundled),
		];
		if (!groups.some((g) => g.lessons.length <= EXPANDED_GROUP_MAX)) {
			this.answeredFirstRows();
		}
		return [...teamRows, ...reviewRows, ...groups];
	}

	/** After this answer is on its way (a macrotask runs after the reply's promise callbacks). */
	private answeredFirstRows(): void {
		if (!this.firstRowsAnswered) {
			this.firstRowsAnswered = true;
			host().nextTurn(() => this._onDidAnswerFirstRows.fire());
		}
	}

	/** The Assigned group (when anything is assigned) and the Restricted Mode notice (when the workspace is not trusted). */
	private async teamNodes(): Promise<Node[]> {
		if (!this.team) {
			return [];
		}
		const nodes: Node[] = [];
		const progress = await this.team.assigned.progressToday();
		if (progress.items.length > 0) {
			nodes.push(new AssignedGroupNode(progress.items, progress.done, assignedSummary(progress, this.team.assigned.today())));
		}
		if (!this.team.trust.isTrusted) {
			nodes.push(new RestrictedNode());
		}
		return nodes;
	}

	/** The Reviews group, while reviews are on and the learner has cards (or answered quizzes waiting for one). */
	private async reviewNodes(): Promise<Node[]> {
		if (!this.reviews?.isEnabled) {
			return [];
		}
		const queue = await this.reviews.queue();
		if (queue.items.length === 0 && queue.cards === 0 && queue.waiting === 0) {
			return [];
		}
		const lessons = await this.library.getMany(queue.items.map((item) => item.lessonId));
		this.reviewNodeClasses ??= await import('./reviewNodes');
		return [new this.reviewNodeClasses.ReviewGroupNode(queue, new Map(lessons.map((l) => [l.meta.id, l])))];
	}

	private summary(lesson: LessonEntry): LessonSummary {
		return summarizer(this.progress, this.config)(lesson);
	}

	private group(lessons: readonly LessonEntry[]): GroupNode[] {
		const byIncident = this.config().groupBy === 'incident';
		const groups = new Map<string, LessonEntry[]>();
		for (const lesson of lessons) {
			const key = byIncident ? lesson.meta.incident?.organization ?? '' : lesson.meta.track;
			const members = groups.get(key);
			if (members) {
				members.push(lesson);
			} else {
				groups.set(key, [lesson]);
			}
		}
		const ordered = byIncident ? [...groups].sort(([a], [b]) => (a ? 0 : 1) - (b ? 0 : 1)) : [...groups].sort(([a], [b]) => compareTracks(a, b));
		return ordered.map(([key, members]) => new GroupNode(
			key,
			byIncident ? key || vscode.l10n.t('General topics') : trackLabel(key),
			members,
		));
	}
}
