import * as vscode from 'vscode';
import type { Clock } from '../platform/clock';
import { workspaceTrust, type TrustSource } from '../platform/trustGate';

/** The real time, or a time the tests pinned: answering now and pinning days ahead makes review cards due at once. */
export class PinnableClock implements Clock, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	readonly onDidChange = this.changed.event;
	private pinned: number | undefined;

	now(): Date {
		return new Date(this.pinned ?? Date.now());
	}

	/** Pins the time to `ms` (milliseconds since 1970), or returns to the real clock with undefined. */
	pin(ms: number | undefined): void {
		this.pinned = ms !== undefined && Number.isFinite(ms) ? ms : undefined;
		this.changed.fire();
	}

	dispose(): void {
		this.changed.dispose();
	}
}

/**
 * Workspace Trust, which tests can take away (never grant): Restricted Mode checked in a host that runs with
 * Workspace Trust disabled.
 */
export class RestrictableTrust implements TrustSource, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	readonly onDidChange = this.changed.event;
	private restricted = false;
	private readonly real: vscode.Disposable;

	constructor(private readonly source: TrustSource = workspaceTrust) {
		this.real = source.onDidChange(() => this.changed.fire());
	}

	get isTrusted(): boolean {
		return !this.restricted && this.source.isTrusted;
	}

	/** Behaves as in an untrusted workspace while `on` is true. */
	restrict(on: boolean): void {
		if (on !== this.restricted) {
			this.restricted = on;
			this.changed.fire();
		}
	}

	dispose(): void {
		this.real.dispose();
		this.changed.dispose();
	}
}
