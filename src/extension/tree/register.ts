import * as vscode from 'vscode';
import { LessonTreeProvider, type TreeNode } from './lessonTree';
import type { Services } from '../services';
import type { Team } from '../team/register';

/** As contributed in package.json. */
const LESSONS_VIEW = 'incidentLessons.lessons';

/** The Lessons view, registered: its provider (refreshed on a settings change, read by the API) and the view. */
export interface LessonsView extends vscode.Disposable {
	readonly provider: LessonTreeProvider;
	readonly view: vscode.TreeView<TreeNode>;
}

/** The Lessons view: the Assigned group, the Reviews group, the workspace's lessons and the bundled ones. */
export function registerTree(services: Services, team: Pick<Team, 'assigned'>): LessonsView {
	const { library, progress, config, trust, reviews } = services;
	const provider = new LessonTreeProvider(library, progress, config, { assigned: team.assigned, trust }, reviews);
	const view = vscode.window.createTreeView<TreeNode>(LESSONS_VIEW, { showCollapseAll: true, treeDataProvider: provider });
	const disposable = vscode.Disposable.from(provider, view);
	return { provider, view, dispose: () => { disposable.dispose(); } };
}
