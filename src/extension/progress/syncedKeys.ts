/**
 * The globalState keys Settings Sync is to carry: the learner's progress base and an entry per lesson (./storedCopy).
 * Lesson entries appear as lessons are answered, so the list grows with them; VS Code is told only when it changes.
 */
export class SyncedKeys {
	private keys = new Set<string>();
	private told = '';

	/** `register` is globalState.setKeysForSync (absent in unit tests). */
	constructor(private readonly register: ((keys: readonly string[]) => void) | undefined) {}

	/** The keys stored now, after a whole read. */
	reset(stored: Iterable<string>): void {
		this.keys = new Set(stored);
		this.tell();
	}

	/** A key written now or soon. */
	add(key: string): void {
		if (!this.keys.has(key)) {
			this.keys.add(key);
			this.tell();
		}
	}

	private tell(): void {
		const keys = [...this.keys].sort();
		const joined = keys.join('\n');
		if (this.register !== undefined && joined !== this.told) {
			this.told = joined;
			this.register(keys);
		}
	}
}
