import * as vscode from 'vscode';
import { Disposable } from './dispose';

/**
 * The time the review schedule runs on. Normally the real clock; extension-host tests pin it (through the API's
 * `setClock`) to make cards due without waiting days.
 */
export class Clock extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	/** Fires when the time was pinned or released (tests), so schedules are looked at again. */
	readonly onDidChange = this._onDidChange.event;
	private pinned: number | undefined;

	now(): Date {
		return new Date(this.pinned ?? Date.now());
	}

	/** For tests only: pins the time to `ms` (milliseconds since 1970), or returns to the real clock with undefined. */
	pin(ms: number | undefined): void {
		this.pinned = ms !== undefined && Number.isFinite(ms) ? ms : undefined;
		this._onDidChange.fire();
	}
}
