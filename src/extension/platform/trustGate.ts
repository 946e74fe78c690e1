import * as vscode from 'vscode';
import { Disposable } from './dispose';

/** The command that opens VS Code's Workspace Trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/**
 * The one place that decides whether workspace content (team lessons, assignments) may be read. It follows
 * `vscode.workspace.isTrusted`; `simulateRestrictedMode` can take trust away (never grant it), so tests can check
 * Restricted Mode in a host that runs with trust disabled.
 */
export class TrustGate extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	/** Fires when trust is granted, or when simulated Restricted Mode is switched. */
	readonly onDidChange = this._onDidChange.event;
	private isSimulatingRestricted = false;

	constructor(private readonly isWorkspaceTrusted: () => boolean = () => vscode.workspace.isTrusted) {
		super();
		this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this._onDidChange.fire()));
	}

	/** True when workspace content may be read: the workspace is trusted and Restricted Mode is not simulated. */
	get isTrusted(): boolean {
		return !this.isSimulatingRestricted && this.isWorkspaceTrusted();
	}

	/** Behaves as in an untrusted workspace while `on` is true. */
	simulateRestrictedMode(on: boolean): void {
		if (on !== this.isSimulatingRestricted) {
			this.isSimulatingRestricted = on;
			this._onDidChange.fire();
		}
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
