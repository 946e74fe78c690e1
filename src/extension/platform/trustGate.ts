import * as vscode from 'vscode';
import { Disposable } from './dispose';

/** The command that opens VS Code's Workspace Trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** Where the trust decision comes from: VS Code's Workspace Trust, or (in the extension's own tests, see ../testing/) a stand-in. */
export interface TrustSource {
	readonly isTrusted: boolean;
	/** Fires when `isTrusted` may have changed. */
	readonly onDidChange: vscode.Event<void>;
}

/** VS Code's Workspace Trust: trust can be granted while the window runs, never taken back. */
export const workspaceTrust: TrustSource = {
	get isTrusted() {
		return vscode.workspace.isTrusted;
	},
	onDidChange: (listener, thisArg, disposables) => vscode.workspace.onDidGrantWorkspaceTrust(listener, thisArg, disposables),
};

/** The one place that decides whether workspace content (team lessons, assignments) may be read. */
export class TrustGate extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	/** Fires when trust may have changed. */
	readonly onDidChange = this._onDidChange.event;

	constructor(private readonly source: TrustSource = workspaceTrust) {
		super();
		this.register(source.onDidChange(() => this._onDidChange.fire()));
	}

	/** True when workspace content may be read. */
	get isTrusted(): boolean {
		return this.source.isTrusted;
	}

	/**
	 * For commands that read or write workspace content: true when trusted; otherwise says why not (with a button
	 * to manage trust) without waiting for the answer, and returns false.
	 */
	checkTrusted(): boolean {
		if (this.isTrusted) {
			return true;
		}
		const manage = vscode.l10n.t('Manage Workspace Trust');
		void vscode.window.showWarningMessage(
			vscode.l10n.t('This workspace is in Restricted Mode: its own lessons and assignments are not loaded. Trust the workspace to use them.'),
			manage,
		).then((picked) => picked === manage ? vscode.commands.executeCommand(MANAGE_TRUST_COMMAND) : undefined);
		return false;
	}
}
