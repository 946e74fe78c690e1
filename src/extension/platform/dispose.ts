import type * as vscode from 'vscode';

/** Base for components that own listeners: everything passed to `register` is disposed with the component. */
export abstract class Disposable implements vscode.Disposable {
	private readonly disposables: vscode.Disposable[] = [];
	private isDisposed = false;

	protected register<T extends vscode.Disposable>(value: T): T {
		if (this.isDisposed) {
			value.dispose(); // registered after teardown: do not leak it
		} else {
			this.disposables.push(value);
		}
		return value;
	}

	dispose(): void {
		this.isDisposed = true;
		for (const d of this.disposables.splice(0).reverse()) {
			d.dispose();
		}
	}
}
