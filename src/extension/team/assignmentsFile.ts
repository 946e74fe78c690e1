import * as vscode from 'vscode';
import type { Assignment } from '../../core/team/assignments';
import { ASSIGNMENTS_PATH, MAX_ASSIGNMENTS_BYTES } from '../../core/shared/paths';
import type { Diagnostic } from '../../core/lessons/lesson';
import { Disposable } from '../platform/dispose';
import type { CappedRead } from '../platform/refusals';
import type { TrustGate } from '../platform/trustGate';
import { readWorkspaceFileCapped, refusalDiagnostic } from '../platform/workspaceFs';
import { workspaceFileName } from '../catalog/lessonSources';
import { host } from '../platform/host';

/** One workspace folder's assignments file, read and checked. */
export interface AssignmentsDocument {
	readonly folder: vscode.WorkspaceFolder;
	readonly uri: vscode.Uri;
	/** How diagnostics name the file. */
	readonly file: string;
	readonly assignments: readonly Assignment[];
	readonly diagnostics: readonly Diagnostic[];
}

/** The assignments file of `folder` (it may not exist). */
export function assignmentsUri(folder: vscode.WorkspaceFolder): vscode.Uri {
	return vscode.Uri.joinPath(folder.uri, ASSIGNMENTS_PATH);
}

/** Is `uri` a workspace folder's assignments file? */
export function isAssignmentsUri(uri: vscode.Uri): boolean {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	return folder !== undefined && assignmentsUri(folder).toString() === uri.toString();
}

/**
 * `.incident-lessons/assignments.json` in each workspace folder: read on demand (only in a trusted workspace)
 * and watched, so a pull or an edit saved on disk fires `onDidChange` and the view follows without a reload.
 */
export class AssignmentsFile extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private watchers: vscode.Disposable | undefined;

	constructor(private readonly trust: TrustGate, private readonly log: vscode.LogOutputChannel) {
		super();
		this.watch();
		this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
			this.watch();
			this._onDidChange.fire();
		}));
		this.register(trust.onDidChange(() => this._onDidChange.fire()));
		this.register({ dispose: () => { this.watchers?.dispose(); } });
	}

	/** The file of every workspace folder that has one; none in an untrusted workspace. */
	async read(): Promise<AssignmentsDocument[]> {
		if (!this.trust.isTrusted) {
			return [];
		}
		const documents: AssignmentsDocument[] = [];
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const uri = assignmentsUri(folder);
			const file = workspaceFileName(uri);
			let read: CappedRead;
			try {
				read = await readWorkspaceFileCapped(uri, MAX_ASSIGNMENTS_BYTES);
			} catch {
				continue; // no assignments in this folder
			}
			if ('refused' in read) {
				// One problem on the file, and nothing assigned from it.
				this.log.warn(`${file}: ${read.refused.reason}`);
				documents.push({ folder, uri, file, assignments: [], diagnostics: [refusalDiagnostic(file, read.refused)] });
				continue;
			}
			const { parseAssignments } = await host().chunk('parsers');
			const { assignments, diagnostics } = parseAssignments(new TextDecoder().decode(read.bytes), file);
			documents.push({ folder, uri, file, assignments, diagnostics });
		}
		return documents;
	}

	private watch(): void {
		this.watchers?.dispose();
		const fire = (): void => this._onDidChange.fire();
		this.watchers = vscode.Disposable.from(...(vscode.workspace.workspaceFolders ?? []).map((folder) => {
			const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, ASSIGNMENTS_PATH));
			return vscode.Disposable.from(watcher, watcher.onDidCreate(fire), watcher.onDidChange(fire), watcher.onDidDelete(fire));
		}));
	}
}
