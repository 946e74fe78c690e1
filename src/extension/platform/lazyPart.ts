import type * as vscode from 'vscode';

/**
 * A part of the extension made on first use, when making it starts work of its own (watchers, timers, providers):
 * `get()` makes it once; disposing disposes it, also when it arrives after the owner was disposed.
 */
export class LazyPart<T extends vscode.Disposable> implements vscode.Disposable {
	private made: Promise<T> | undefined;
	private part: T | undefined;
	private isDisposed = false;

	constructor(private readonly make: () => Promise<T>) {}

	/** The part once it is made (never waits). */
	get current(): T | undefined {
		return this.part;
	}

	/** Whether `get()` was called: the part is made or on its way. */
	get isRequested(): boolean {
		return this.made !== undefined;
	}

	get(): Promise<T> {
		this.made ??= this.make().then((part) => {
			if (this.isDisposed) {
				part.dispose();
			} else {
				this.part = part;
			}
			return part;
		});
		return this.made;
	}

	dispose(): void {
		this.isDisposed = true;
		this.part?.dispose();
		this.part = undefined;
	}
}
