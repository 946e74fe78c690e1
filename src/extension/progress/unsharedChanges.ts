/**
 * The lessons changed in this window with `shareLater` (see ./progressCopies) that the shared copy does not have
 * yet: what the next flush writes there, replayed meanwhile over any change another window makes to the same lesson,
 * and taken back at the next start from the workspace copy of a window that closed before its flush.
 */
import { lessonParts, withLessons, type LessonParts, type Progress } from '../../core/progress/progress';
import { baseGeneration, entryMarks, entryParts, type LaidOutProgress } from '../../core/progress/progressLayout';
import { addUnsharedAnswers } from '../../core/progress/progressMerge';
import type { StoredCopy } from './storedCopy';

/** A lesson changed in this window that the shared copy does not have yet. */
export interface Unshared {
	/** The stamp of its latest entry (in the workspace copy; the shared copy gets the same entry). */
	stamp: string;
	/** When the first change not yet shared was made (ms). */
	readonly since: number;
	/** Those changes, in order, to replay over another window's change to the lesson. */
	readonly changes: ((p: Progress) => Progress)[];
	/** Replayed since it was written to the workspace copy: the flush writes it there too. */
	replayed: boolean;
}

export class UnsharedChanges {
	private pending = new Map<string, Unshared>();

	/** `newTag` makes the stamp of a replayed lesson's next entry. */
	constructor(private readonly newTag: () => string) {}

	get size(): number {
		return this.pending.size;
	}

	ids(): string[] {
		return [...this.pending.keys()];
	}

	/** Forgets them all (a new base, a reload, or progress that may not be written). */
	clear(): void {
		this.pending = new Map();
	}

	/** Forgets one lesson's: it is written to the shared copy now. */
	delete(lessonId: string): void {
		this.pending.delete(lessonId);
	}

	/** Adds `change` to the lesson's, its entry now stamped `stamp`; `since`: when it was made, if it is the first. */
	add(lessonId: string, change: (p: Progress) => Progress, stamp: string, since: number): Unshared {
		const pending = this.pending.get(lessonId) ?? { stamp, since, changes: [], replayed: false };
		pending.stamp = stamp;
		pending.changes.push(change);
		this.pending.set(lessonId, pending);
		return pending;
	}

	/** Takes them all off the list, for a flush. */
	take(): Map<string, Unshared> {
		const batch = this.pending;
		this.pending = new Map();
		return batch;
	}

	/** Puts back what a failed flush took, before any change made since. */
	putBack(batch: ReadonlyMap<string, Unshared>): void {
		for (const [lessonId, pending] of batch) {
			const newer = this.pending.get(lessonId);
			this.pending.set(lessonId, newer ? { ...newer, since: pending.since, changes: [...pending.changes, ...newer.changes] } : pending);
		}
	}

	/**
	 * The lessons with changes not yet shared whose shared entry another window changed between two reads. An entry
	 * with this window's own stamp is not a change (a window that recovered this one's workspace copy shared it).
	 */
	changedBetween(before: LaidOutProgress, after: LaidOutProgress): string[] {
		const changed: string[] = [];
		for (const [lessonId, pending] of this.pending) {
			const stamp = after.stamps.get(lessonId);
			if (stamp === pending.stamp) {
				this.pending.delete(lessonId);
			} else if (stamp !== before.stamps.get(lessonId)) {
				changed.push(lessonId);
			}
		}
		return changed;
	}

	/** `laidOut` with the changes not yet shared of `lessonIds` applied again (another window changed those lessons). */
	replay(laidOut: LaidOutProgress, lessonIds: readonly string[]): LaidOutProgress {
		const parts = new Map<string, LessonParts>();
		for (const lessonId of lessonIds) {
			const pending = this.pending.get(lessonId);
			if (pending !== undefined) {
				const replayed = pending.changes.reduce((p, change) => change(p), laidOut.progress);
				parts.set(lessonId, lessonParts(replayed, lessonId));
				pending.stamp = this.newTag();
				pending.replayed = true;
			}
		}
		return parts.size > 0 ? { ...laidOut, progress: withLessons(laidOut.progress, parts) } : laidOut;
	}

	/**
	 * The first read of a window: takes back, from the workspace copy, entries written with `shareLater` that never
	 * reached the shared copy (the window closed first), and marks them for the next flush. Only an entry made on the
	 * shared entry that is still there is taken: otherwise it was shared and changed since by another window (or, if
	 * the window closed within the second after the answer, both windows changed the lesson: the other's change is
	 * kept). Should another window change the lesson before the flush, the answers are added to that (core/progressMerge).
	 */
	recover(read: LaidOutProgress, generation: string, workspace: StoredCopy): LaidOutProgress {
		if (baseGeneration(workspace.base()) !== generation) {
			return read;
		}
		const taken = new Map<string, LessonParts>();
		for (const { lessonId, raw } of workspace.entries()) {
			const marks = entryMarks(raw, generation);
			const sharedStamp = read.stamps.get(lessonId) ?? '';
			if (marks?.unshared?.base !== sharedStamp || marks.stamp === sharedStamp) {
				continue;
			}
			const ours = entryParts(lessonId, raw, generation);
			if (ours !== undefined) {
				const { since } = marks.unshared;
				taken.set(lessonId, ours);
				const merge = (p: Progress): Progress => withLessons(p, new Map([[lessonId, addUnsharedAnswers(ours, lessonParts(p, lessonId), since).parts]]));
				this.pending.set(lessonId, { stamp: marks.stamp, since, changes: [merge], replayed: false });
			}
		}
		return taken.size > 0 ? { ...read, progress: withLessons(read.progress, taken) } : read;
	}
}
