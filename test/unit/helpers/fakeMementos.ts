// Mementos that behave as VS Code's extension host ones do (extHostMemento.ts, VS Code 1.100), for the progress
// storage tests: `update` keeps a JSON clone, a write sends the extension's whole state, and the globalState that
// every window shares hands the written state back to every window (the writer too) as new objects.
import type { ProgressMemento, ProgressStorage } from '../../../src/extension/progress/storedCopy';

const clone = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)) as unknown);

/** One window's memento. `updates` lists each update's key and the size of the value it stored. */
export class FakeMemento implements ProgressMemento {
	readonly updates: { key: string; bytes: number }[] = [];
	private value: Record<string, unknown> = {};

	constructor(private readonly shared?: SharedState) {}

	get(key: string): unknown {
		return Object.hasOwn(this.value, key) ? this.value[key] : undefined;
	}

	keys(): readonly string[] {
		return Object.entries(this.value).filter(([, v]) => v !== undefined).map(([k]) => k);
	}

	update(key: string, value: unknown): Promise<void> {
		this.value[key] = clone(value);
		this.updates.push({ key, bytes: value === undefined ? 0 : JSON.stringify(value).length });
		// The whole state goes to the main side, which stores it and sends it back to every window before it answers.
		this.shared?.store(JSON.stringify(this.value));
		return Promise.resolve();
	}

	/** The state as the main side sent it: every value a new object. */
	accept(text: string): void {
		this.value = JSON.parse(text) as Record<string, unknown>;
	}

	/** Updates since `from` (an index into `updates`). */
	since(from: number): { key: string; bytes: number }[] {
		return this.updates.slice(from);
	}
}

/** The extension's globalState on the main side: one state, seen by every window. */
export class SharedState {
	private readonly windows: FakeMemento[] = [];
	private text = '{}';

	window(): FakeMemento {
		const memento = new FakeMemento(this);
		memento.accept(this.text);
		this.windows.push(memento);
		return memento;
	}

	store(text: string): void {
		this.text = text;
		for (const w of this.windows) {
			w.accept(text);
		}
	}
}

/** Storage for one window on `workspaceId`: its own workspaceState, and a view of `global`. */
export function windowStorage(global: SharedState, workspaceId = 'file:///home/dev/project', workspace = new FakeMemento()): ProgressStorage & { shared: FakeMemento; workspace: FakeMemento } {
	return { shared: global.window(), workspace, workspaceId };
}
