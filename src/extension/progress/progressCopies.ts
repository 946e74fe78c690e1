/**
 * The two stored copies of progress (./storedCopy: a base, and an entry per lesson changed since), and what this
 * window has read of them. Free of the vscode runtime so that unit tests run it over
 * mementos that behave as VS Code's; ProgressStore adds the events and the messages.
 *
 * Why split: VS Code clones every value given to `Memento.update`, and the old single value held all answers and
 * cards, so each answer cost more than the one before. Now an answer writes that lesson's entry to each copy, and
 * reading costs nothing while no other window writes: VS Code hands out a new object for every stored value once
 * anything of the extension's is written, so comparing the shared base by identity tells whether to look again,
 * and then only entries whose stamp changed are read and checked.
 *
 * Why an answer's shared write may come later: VS Code sends the extension's whole stored state on every update, and
 * a globalState update also comes back to every window whole, so each update costs more as history grows. An answer
 * written with `shareLater` goes to the workspace copy at once (marked `unshared`) and to the shared copy with the
 * next `flushShared`, which writes every lesson changed since in one update. Until then this window holds the change
 * and replays it over any change another window makes to the same lesson meanwhile, as if it were written after it.
 * A window that closed before its flush left the marked entries in its workspace copy; the first read takes them back
 * (./unsharedChanges), and the next flush shares them.
 */
import { lessonParts, withLessons, type Progress } from '../../core/progress/progress';
import { isId } from '../../core/shared/text';
import { baseGeneration, baseValue, entryValue, readLaidOut, refreshLaidOut, type LaidOutProgress } from '../../core/progress/progressLayout';
import { BACKUP_KEY_PREFIX, LEARNER_SCOPE, pairs, PROGRESS_KEY, sharedBaseKey, StoredCopy, type ProgressStorage } from './storedCopy';
import { UnsharedChanges, type Unshared } from './unsharedChanges';

export { PROGRESS_KEY, type ProgressMemento, type ProgressStorage } from './storedCopy';

/** How a read of storage went: `whole` (every entry read and checked) or by `entries` (only those whose stamp changed). */
export type ReadKind = 'whole' | 'entries';

/** Reads and writes progress in both copies. Writes must not overlap (ProgressStore queues them). */
export class ProgressCopies {
	/** The key of the learner's base in the shared storage. */
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
	/** Lessons written with `shareLater` and not flushed yet. */
	private readonly unshared = new UnsharedChanges(() => this.newTag());

	/** `onRead` hears of every read of storage that changed what is held: a whole read, with its problems, or a refresh by entries. */
	constructor(storage: ProgressStorage, private readonly onRead: (read: LaidOutProgress, kind: ReadKind) => void) {
		this.sharedKey = sharedBaseKey(LEARNER_SCOPE);
		this.shared = new StoredCopy(storage.shared, this.sharedKey, `:${LEARNER_SCOPE}`);
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
				this.laidOut = this.unshared.replay(refreshed.laidOut, this.unshared.changedBetween(laidOut, refreshed.laidOut));
				this.seenBase = base;
				if (refreshed.changed) {
					this.unannounced = true;
					this.onRead(this.laidOut, 'entries');
				}
				return this.laidOut.progress;
			}
		}
		return this.readWhole(base);
	}

	/** Forgets what was read and what is not shared yet, as a new window starts (which recovers it from the workspace copy). */
	reload(): Progress {
		this.laidOut = undefined;
		this.unshared.clear();
		this.unannounced = false;
		return this.current();
	}

	/** Whether some change is waiting for `flushShared`. */
	hasUnshared(): boolean {
		return this.unshared.size > 0;
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
	 * data to repair, both copies start over with a new base. With `shareLater`, a lesson's entry goes to the workspace
	 * copy only, and to the shared copy with the next `flushShared`; `change` must then give the same result whenever
	 * it is applied (it may be replayed).
	 */
	async write(lessonId: string | undefined, change: (p: Progress) => Progress, { shareLater = false } = {}): Promise<Progress | undefined> {
		const before = this.current();
		const laidOut = this.laidOut;
		if (laidOut === undefined || laidOut.readOnly) {
			return undefined;
		}
		const after = change(before);
		const generation = this.entriesGeneration(laidOut);
		let progress: Progress;
		if (lessonId !== undefined && isId(lessonId) && generation !== undefined) {
			// A workspace copy still on an older base is rewritten whole, with the shared copy at once.
			const later = shareLater && baseGeneration(this.workspace.base()) === generation;
			progress = later ? await this.writeUnshared(lessonId, change, after, laidOut, generation) : await this.writeEntry(lessonId, after, laidOut, generation);
		} else {
			progress = await this.startOver(after);
		}
		this.seenBase = this.shared.base();
		return progress;
	}

	/**
	 * Writes every lesson changed with `shareLater` since the last flush to the shared copy, in one update (and to the
	 * workspace copy those replayed over another window's change). Must not overlap a write. Any write without
	 * `shareLater` shares them too.
	 */
	async flushShared(): Promise<void> {
		if (this.unshared.size === 0) {
			return;
		}
		const progress = this.current();
		const laidOut = this.laidOut;
		if (laidOut === undefined || laidOut.readOnly) {
			this.unshared.clear();
			return;
		}
		const generation = this.entriesGeneration(laidOut);
		if (generation === undefined) {
			// No base to add entries to (another window left a whole value or damage, or it is version 3's): start over, changes replayed.
			await this.startOver(progress);
			this.seenBase = this.shared.base();
			return;
		}
		const mirrorCurrent = baseGeneration(this.workspace.base()) === generation;
		const { batch, updates } = this.shareWaiting(progress, laidOut, generation, mirrorCurrent);
		try {
			await Promise.all(updates);
		} catch (e) {
			// Not shared after all: kept for the next flush, which writes the same entries again.
			this.unshared.putBack(batch);
			throw e;
		}
		if (!mirrorCurrent) {
			// The mirror has an older base (another window started over): it gets the whole current progress.
			await this.workspace.startOver(baseValue(progress, generation));
		}
		this.seenBase = this.shared.base();
	}

	/** Both copies as single raw values (see `flattenStored`). */
	stored(): { shared: unknown; workspace: unknown } {
		return { shared: this.shared.flattened(), workspace: this.workspace.flattened() };
	}

	/** The keys the shared copy stores under now: what Settings Sync is to carry. */
	sharedKeys(): string[] {
		return this.shared.keys();
	}

	/** Keys of the backups taken of progress that could not be read as it was. */
	backupKeys(): string[] {
		return this.workspace.memento.keys().filter((key) => key.startsWith(BACKUP_KEY_PREFIX));
	}

	/**
	 * The generation a lesson's entry may be written to: none when the layout must start over (no base to add to, the
	 * mirror read, data to repair, or a base of an older version's layout).
	 */
	private entriesGeneration(laidOut: LaidOutProgress): string | undefined {
		return this.source === this.shared && !this.needsRepair && !laidOut.olderLayout ? laidOut.generation : undefined;
	}

	private readWhole(sharedBase: unknown): Progress {
		const hadRead = this.laidOut !== undefined;
		// A workspace that changed identity (or was used with 0.1.0) has no shared base yet, only the mirror.
		this.source = sharedBase !== undefined ? this.shared : this.workspace;
		let read = readLaidOut(this.source.base(), pairs(this.source.entries()));
		this.needsRepair = read.problems.length > 0;
		if (hadRead) {
			read = this.unshared.replay(read, this.unshared.ids());
		} else if (this.source === this.shared && read.generation !== undefined && !this.needsRepair) {
			read = this.unshared.recover(read, read.generation, this.workspace);
		}
		this.laidOut = read;
		this.seenBase = sharedBase;
		this.unannounced ||= hadRead;
		this.onRead(read, 'whole');
		return read.progress;
	}

	/** Writes the lesson's entry to the workspace copy only, marked, and keeps the change for the next flush. */
	private async writeUnshared(lessonId: string, change: (p: Progress) => Progress, after: Progress, laidOut: LaidOutProgress, generation: string): Promise<Progress> {
		const stamp = this.newTag();
		const parts = lessonParts(after, lessonId);
		// No later than the change's own time (an answer's time is taken before its write waits its turn).
		const since = Math.min(Date.now(), Date.parse(parts.lesson?.updatedAt ?? '') || Date.now());
		const pending = this.unshared.add(lessonId, change, stamp, since);
		const unshared = { base: laidOut.stamps.get(lessonId) ?? '', since: pending.since };
		// Memory first: a read while the write is under way keeps this change (it replays the unshared ones).
		this.laidOut = { ...laidOut, progress: withLessons(laidOut.progress, new Map([[lessonId, parts]])) };
		await this.workspace.memento.update(this.workspace.entryKey(lessonId), entryValue(after, lessonId, generation, stamp, unshared));
		return (this.laidOut ?? laidOut).progress;
	}

	/**
	 * Issues the shared writes of every lesson waiting for them (and the workspace writes of those replayed, when
	 * `mirrorToo`), taking them off the waiting list; their stamps are known before the writes, as in `writeEntry`.
	 */
	private shareWaiting(progress: Progress, laidOut: LaidOutProgress, generation: string, mirrorToo: boolean): { batch: Map<string, Unshared>; updates: PromiseLike<void>[] } {
		const batch = this.unshared.take();
		const updates: PromiseLike<void>[] = [];
		for (const [lessonId, pending] of batch) {
			const entry = entryValue(progress, lessonId, generation, pending.stamp);
			laidOut.stamps.set(lessonId, pending.stamp);
			updates.push(this.shared.memento.update(this.shared.entryKey(lessonId), entry));
			if (pending.replayed && mirrorToo) {
				updates.push(this.workspace.memento.update(this.workspace.entryKey(lessonId), entry));
			}
		}
		return { batch, updates };
	}

	private async writeEntry(lessonId: string, after: Progress, laidOut: LaidOutProgress, generation: string): Promise<Progress> {
		// Written now, with whatever else of the lesson was waiting for the shared copy.
		this.unshared.delete(lessonId);
		const stamp = this.newTag();
		const entry = entryValue(after, lessonId, generation, stamp);
		// Known before the write, so a read while it is under way does not take this window's entry for another's.
		laidOut.stamps.set(lessonId, stamp);
		// Only this lesson is stored, so only this lesson is taken from `after`: memory holds what a reload reads.
		const change = new Map([[lessonId, lessonParts(after, lessonId)]]);
		const mirrorCurrent = baseGeneration(this.workspace.base()) === generation;
		// What else waits for the shared copy goes in the same update.
		const { updates } = this.shareWaiting(laidOut.progress, laidOut, generation, mirrorCurrent);
		await Promise.all([this.shared.memento.update(this.shared.entryKey(lessonId), entry), ...updates]);
		if (mirrorCurrent) {
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
		this.unshared.clear();
		this.laidOut = { progress: after, generation, stamps: new Map(), problems: [], readOnly: false, olderLayout: false };
		return after;
	}

	/** A tag unique to one base or one write, across windows. */
	private newTag(): string {
		return `${Date.now().toString(36)}-${(this.tags++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
	}
}
