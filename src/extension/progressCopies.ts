/**
 * The two stored copies of progress in the split layout of ../core/progressLayout (a base, and an entry per lesson
 * changed since), and what this window has read of them. Free of the vscode runtime so that unit tests run it over
 * mementos that behave as VS Code's; ProgressStore adds the events and the messages.
 *
 * Why split: VS Code clones every value given to `Memento.update`, and the old single value held all answers and
 * cards, so each answer cost more than the one before. Now an answer writes that lesson's entry to each copy, and
 * reading costs nothing while no other window writes: VS Code hands out a new object for every stored value once
 * anything of the extension's is written, so comparing the shared base by identity tells whether to look again,
 * and then only entries whose stamp changed are read and checked.
 */
import { isId, lessonParts, withLessons, type Progress } from '../core/progress';
import { baseGeneration, baseValue, entryValue, flattenStored, readLaidOut, refreshLaidOut, type LaidOutProgress } from '../core/progressLayout';

/** The part of vscode.Memento used here. */
export interface ProgressMemento {
	get(key: string): unknown;
	update(key: string, value: unknown): PromiseLike<void>;
	keys(): readonly string[];
}

/** Where progress is kept. */
export interface ProgressStorage {
	/**
	 * globalState, under keys per workspace: every window sees the others' writes, so two windows on one workspace
	 * add to the same progress instead of overwriting each other's (workspaceState is one copy per window).
	 */
	readonly shared: ProgressMemento;
	/**
	 * workspaceState: a mirror that VS Code carries along when a workspace changes identity (a folder becoming a
	 * multi-root workspace), and where release 0.1.0 kept the only copy. Read only while the shared base is missing.
	 */
	readonly workspace: ProgressMemento;
	/** Names this workspace in `shared`. */
	readonly workspaceId: string;
}

/** The workspaceState key of the workspace copy's base (where release 0.1.0 kept its whole value). */
export const PROGRESS_KEY = 'incidentLessons.progress';
const SHARED_KEY_PREFIX = 'incidentLessons.progress:';
/** An entry's key: this prefix and the lesson id; in globalState then `:` and the workspace id (ids have no `:`). */
const ENTRY_KEY_PREFIX = 'incidentLessons.progressLesson:';
const BACKUP_KEY_PREFIX = 'incidentLessons.progressBackup.';

interface EntryRef {
	readonly lessonId: string;
	readonly key: string;
	readonly raw: unknown;
}

function* pairs(entries: Iterable<EntryRef>): Generator<readonly [string, unknown]> {
	for (const { lessonId, raw } of entries) {
		yield [lessonId, raw];
	}
}

/** One stored copy: a memento, the key of its base, and the keys of its entries. */
class StoredCopy {
	constructor(readonly memento: ProgressMemento, readonly baseKey: string, private readonly keySuffix: string) {}

	base(): unknown {
		return this.memento.get(this.baseKey);
	}

	entryKey(lessonId: string): string {
		return `${ENTRY_KEY_PREFIX}${lessonId}${this.keySuffix}`;
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

/** Reads and writes progress in both copies. Writes must not overlap (ProgressStore queues them). */
export class ProgressCopies {
	/** The key of this workspace's base in the shared storage. */
	readonly sharedKey: string;
	private readonly shared: StoredCopy;
	private readonly workspace: StoredCopy;
	/** The copy read: the shared one, or the mirror while the shared base is missing. */
	private source: StoredCopy;
	private laidOut: LaidOutProgress | undefined;
	/** The shared base object `laidOut` was read against; another object there means something was written since. */
	private seenBase: unknown;
	/** Stored data could not be read as it was: back it up and start over at the next write. */
	private needsRepair = false;
	/** Another window's change was read and not yet taken by `takeChanges`. */
	private unannounced = false;
	private tags = 0;
	/** How often a copy was read whole (tests check that answers cause no such read). */
	wholeReads = 0;

	/** `onRead` hears of every read of storage that changed what is held: a whole read, with its problems, or a refresh. */
	constructor(storage: ProgressStorage, private readonly onRead: (read: LaidOutProgress) => void) {
		this.sharedKey = `${SHARED_KEY_PREFIX}${storage.workspaceId}`;
		this.shared = new StoredCopy(storage.shared, this.sharedKey, `:${storage.workspaceId}`);
		this.workspace = new StoredCopy(storage.workspace, PROGRESS_KEY, '');
		this.source = this.shared;
	}

	/** Current progress: from memory, brought up to date when another window has written. */
	current(): Progress {
		const base = this.shared.base();
		const laidOut = this.laidOut;
		if (laidOut !== undefined && base === this.seenBase) {
			return laidOut.progress;
		}
		if (laidOut?.generation !== undefined && this.source === this.shared && baseGeneration(base) === laidOut.generation) {
			const refreshed = refreshLaidOut(laidOut, pairs(this.shared.entries()));
			if (refreshed) {
				this.laidOut = refreshed.laidOut;
				this.seenBase = base;
				if (refreshed.changed) {
					this.unannounced = true;
					this.onRead(refreshed.laidOut);
				}
				return refreshed.laidOut.progress;
			}
		}
		return this.readWhole(base);
	}

	/** Forgets what was read, as a new window starts. */
	reload(): Progress {
		this.laidOut = undefined;
		this.unannounced = false;
		return this.current();
	}

	/** True when stored progress is from a newer schema and must not be overwritten. */
	isReadOnly(): boolean {
		this.current();
		return this.laidOut?.readOnly ?? false;
	}

	/** Whether another window's change was read since the last call. */
	takeChanges(): boolean {
		const changed = this.unannounced;
		this.unannounced = false;
		return changed;
	}

	/**
	 * Applies `change` to the freshest progress and stores the result; resolves with it, or with undefined when
	 * stored progress is read-only. With a `lessonId`, `change` may change that lesson's record and cards only, and
	 * only that lesson's entry is written; without one (Reset All), or when there is no base to add an entry to or
	 * data to repair, both copies start over with a new base.
	 */
	async write(lessonId: string | undefined, change: (p: Progress) => Progress): Promise<Progress | undefined> {
		const before = this.current();
		const laidOut = this.laidOut;
		if (laidOut === undefined || laidOut.readOnly) {
			return undefined;
		}
		const after = change(before);
		const { generation } = laidOut;
		const progress = lessonId !== undefined && isId(lessonId) && generation !== undefined && this.source === this.shared && !this.needsRepair
			? await this.writeEntry(lessonId, after, laidOut, generation)
			: await this.startOver(after);
		this.seenBase = this.shared.base();
		return progress;
	}

	/** Both copies as single raw values (see `flattenStored`). */
	stored(): { shared: unknown; workspace: unknown } {
		return { shared: this.shared.flattened(), workspace: this.workspace.flattened() };
	}

	/** Keys of the backups taken of progress that could not be read as it was. */
	backupKeys(): string[] {
		return this.workspace.memento.keys().filter((key) => key.startsWith(BACKUP_KEY_PREFIX));
	}

	private readWhole(sharedBase: unknown): Progress {
		const hadRead = this.laidOut !== undefined;
		// A workspace that changed identity (or was used with 0.1.0) has no shared base yet, only the mirror.
		this.source = sharedBase !== undefined ? this.shared : this.workspace;
		const read = readLaidOut(this.source.base(), pairs(this.source.entries()));
		this.laidOut = read;
		this.seenBase = sharedBase;
		this.needsRepair = read.problems.length > 0;
		this.unannounced ||= hadRead;
		this.wholeReads++;
		this.onRead(read);
		return read.progress;
	}

	private async writeEntry(lessonId: string, after: Progress, laidOut: LaidOutProgress, generation: string): Promise<Progress> {
		const stamp = this.newTag();
		const entry = entryValue(after, lessonId, generation, stamp);
		// Known before the write, so a read while it is under way does not take this window's entry for another's.
		laidOut.stamps.set(lessonId, stamp);
		// Only this lesson is stored, so only this lesson is taken from `after`: memory holds what a reload reads.
		const change = new Map([[lessonId, lessonParts(after, lessonId)]]);
		await this.shared.memento.update(this.shared.entryKey(lessonId), entry);
		if (baseGeneration(this.workspace.base()) === generation) {
			await this.workspace.memento.update(this.workspace.entryKey(lessonId), entry);
		} else {
			// The mirror has an older base (another window started over): it gets the whole current progress.
			await this.workspace.startOver(baseValue(withLessons(laidOut.progress, change), generation));
		}
		// What was read during the write (another window's entries) is kept; after a new base there, the entry
		// just written belongs to the old one and is not progress any more.
		let latest = this.laidOut ?? laidOut;
		if (latest.generation === generation) {
			latest.stamps.set(lessonId, stamp);
			latest = { ...latest, progress: withLessons(latest.progress, change) };
		}
		this.laidOut = latest;
		return latest.progress;
	}

	private async startOver(after: Progress): Promise<Progress> {
		const generation = this.newTag();
		if (this.needsRepair) {
			await this.workspace.memento.update(`${BACKUP_KEY_PREFIX}${Date.now()}`, this.source.raw());
		}
		const base = baseValue(after, generation);
		await this.shared.startOver(base);
		await this.workspace.startOver(base);
		this.source = this.shared;
		this.needsRepair = false;
		this.laidOut = { progress: after, generation, stamps: new Map(), problems: [], readOnly: false };
		return after;
	}

	/** A tag unique to one base or one write, across windows. */
	private newTag(): string {
		return `${Date.now().toString(36)}-${(this.tags++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
	}
}
