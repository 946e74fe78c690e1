import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/lessons/lesson';
import { WORKSPACE_LESSONS_PATH } from '../../core/shared/paths';
import { Disposable } from '../platform/dispose';
import type { TrustGate } from '../platform/trustGate';
import type { WorkspaceLessonFile, WorkspaceLessonReader } from './lessonSources';
import { readWorkspaceLessons } from './lessonFiles';

/** Is `uri` a lesson file under a workspace folder's `.incident-lessons/lessons/`? */
export function isWorkspaceLessonUri(uri: vscode.Uri): boolean {
	return uri.path.endsWith('.md') && uri.path.includes(`/${WORKSPACE_LESSONS_PATH}/`) && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/**
 * Lessons a team keeps in its repository under `.incident-lessons/lessons/` (any depth up to four folders).
 * Read only in a trusted workspace; watched, so a saved, added or deleted file fires `onDidChange`.
 */
export class WorkspaceLessonSource extends Disposable implements WorkspaceLessonReader {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private watchers: vscode.Disposable | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly trust: TrustGate, private readonly log: vscode.LogOutputChannel) {
		super();
		this.watch();
		this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
			this.watch();
			this._onDidChange.fire();
		}));
		this.register(trust.onDidChange(() => this._onDidChange.fire()));
		this.register({ dispose: () => { this.watchers?.dispose(); clearTimeout(this.timer); } });
	}

	/** Every lesson file in every workspace folder; none in an untrusted workspace. Decoding problems are returned. */
	async read(): Promise<{ files: WorkspaceLessonFile[]; problems: { uri: vscode.Uri; diagnostics: Diagnostic[] }[] }> {
		if (!this.trust.isTrusted) {
			return { files: [], problems: [] };
		}
		return readWorkspaceLessons(this.log);
	}

	/** One watcher per workspace folder; bursts of events (a checkout) become one change. */
	private watch(): void {
		this.watchers?.dispose();
		const fire = (): void => {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => this._onDidChange.fire(), 150);
		};
		// Everything under the lessons folder, and the folders above it: removing a folder reports only the folder.
		const parent = WORKSPACE_LESSONS_PATH.slice(0, WORKSPACE_LESSONS_PATH.lastIndexOf('/'));
		const pattern = `{${parent},${WORKSPACE_LESSONS_PATH},${WORKSPACE_LESSONS_PATH}/**}`;
		this.watchers = vscode.Disposable.from(...(vscode.workspace.workspaceFolders ?? []).map((folder) => {
			const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
			return vscode.Disposable.from(watcher, watcher.onDidCreate(fire), watcher.onDidChange(fire), watcher.onDidDelete(fire));
		}));
	}
}

/** The folder a team command works in: the one given, the only one, or the one the user picks (undefined: none or cancelled). */
export async function pickWorkspaceFolder(given?: vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (given) {
		return vscode.workspace.getWorkspaceFolder(given);
	}
	if (folders.length <= 1) {
		if (folders.length === 0) {
			void vscode.window.showWarningMessage(vscode.l10n.t('Open the repository folder first: team lessons and assignments live in it.'));
		}
		return folders[0];
	}
	return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which repository?') });
}
