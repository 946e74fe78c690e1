/**
 * Where progress is kept, and one stored copy of it in the split layout of ../../core/progress/progressLayout: a base
 * under one key, and an entry per lesson changed since under keys of its own. Free of the vscode runtime, so that
 * unit tests run it over mementos that behave as VS Code's.
 */
import { flattenStored } from '../../core/progress/progressLayout';

/** The part of vscode.Memento used here. */
export interface ProgressMemento {
	get(key: string): unknown;
	update(key: string, value: unknown): PromiseLike<void>;
	keys(): readonly string[];
}

/** Where progress is kept. */
export interface ProgressStorage {
	/**
	 * globalState, under keys of the learner's (LEARNER_SCOPE), not of a workspace: every window on every workspace sees
	 * the others' writes and adds to the same progress, and Settings Sync carries those keys to the learner's other
	 * machines (`syncKeys`).
	 */
	readonly shared: ProgressMemento;
	/**
	 * workspaceState: a mirror that VS Code carries along when a workspace changes identity (a folder becoming a
	 * multi-root workspace), and where release 0.1.0 kept the only copy. Read only while the shared base is missing.
	 */
	readonly workspace: ProgressMemento;
	/** Names this workspace: where earlier releases kept its progress in `shared` (see ./workspaceAdoption). */
	readonly workspaceId: string;
	/** Registers the keys of `shared` that Settings Sync carries (globalState.setKeysForSync); absent in tests. */
	readonly syncKeys?: (keys: readonly string[]) => void;
}

/** Names the learner's progress in the shared storage; earlier releases kept one progress per workspace there. */
export const LEARNER_SCOPE = 'learner';

/** The workspaceState key of the workspace copy's base (where release 0.1.0 kept its whole value). */
export const PROGRESS_KEY = 'incidentLessons.progress';
const SHARED_KEY_PREFIX = 'incidentLessons.progress:';
/** An entry's key: this prefix and the lesson id; in globalState then `:` and the workspace id (ids have no `:`). */
const ENTRY_KEY_PREFIX = 'incidentLessons.progressLesson:';
export const BACKUP_KEY_PREFIX = 'incidentLessons.progressBackup.';

/** The key of a base in the shared storage: the learner's, or a workspace's in earlier releases. */
export const sharedBaseKey = (scope: string): string => `${SHARED_KEY_PREFIX}${scope}`;

/** The key of a lesson's entry in a copy whose keys end in `suffix` ('' in workspaceState). */
export const entryKey = (lessonId: string, suffix: string): string => `${ENTRY_KEY_PREFIX}${lessonId}${suffix}`;

export interface EntryRef {
	readonly lessonId: string;
	readonly key: string;
	readonly raw: unknown;
}

/** Each entry as a pair of its lesson id and raw value, as ../../core/progress/progressLayout reads them. */
export function* pairs(entries: Iterable<EntryRef>): Generator<readonly [string, unknown]> {
	for (const { lessonId, raw } of entries) {
		yield [lessonId, raw];
	}
}

/** One stored copy: a memento, the key of its base, and the keys of its entries. */
export class StoredCopy {
	constructor(readonly memento: ProgressMemento, readonly baseKey: string, private readonly keySuffix: string) {}

	base(): unknown {
		return this.memento.get(this.baseKey);
	}

	entryKey(lessonId: string): string {
		return entryKey(lessonId, this.keySuffix);
	}

	/** The keys this copy stores under now: its base's and its entries'. */
	keys(): string[] {
		return [this.baseKey, ...[...this.entries()].map(({ key }) => key)];
	}

	/** Every entry of this copy, of any generation (lazily: a base without a generation needs none). */
	*entries(): Generator<EntryRef> {
		for (const key of this.memento.keys()) {
			if (key.startsWith(ENTRY_KEY_PREFIX)) {
				const rest = key.slice(ENTRY_KEY_PREFIX.length);
				const colon = rest.indexOf(':');
				if ((colon < 0 ? '' : rest.slice(colon)) === this.keySuffix) {
					yield { lessonId: colon < 0 ? rest : rest.slice(0, colon), key, raw: this.memento.get(key) };
				}
			}
		}
	}

	/** Writes a new base and deletes every entry, issued together so VS Code sends them as one update. */
	async startOver(base: unknown): Promise<void> {
		const deletions = [...this.entries()].map(({ key }) => this.memento.update(key, undefined));
		await Promise.all([this.memento.update(this.baseKey, base), ...deletions]);
	}

	/** This copy as one raw value (see `flattenStored`). */
	flattened(): unknown {
		return flattenStored(this.base(), pairs(this.entries()));
	}

	/** Everything of this copy, as it is: what a backup keeps. */
	raw(): unknown {
		return { base: this.base(), entries: Object.fromEntries(pairs(this.entries())) };
	}
}
