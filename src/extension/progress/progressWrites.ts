/**
 * The order and timing of progress writes: one at a time, so two quick answers never race each other's
 * read-modify-write, and the shared copy's coalesced write (see ./progressCopies) at most once per interval.
 * Free of the vscode runtime, so unit tests run it with fake mementos and timers.
 */
import type { Progress } from '../../core/progress/progress';
import type { ProgressCopies } from './progressCopies';

/** What the shared write waits for; the interval after a flush before the next one. */
export interface FlushTiming {
	readonly intervalMs: number;
	readonly now: () => number;
	readonly setTimer: (run: () => void, ms: number) => unknown;
	readonly clearTimer: (timer: unknown) => void;
}

/**
 * Shared writes at most once a second: a learner answering at reading pace has each answer shared at once (right
 * after it is stored), and a burst of answers costs one shared write per second, not one per answer.
 */
export const DEFAULT_FLUSH_TIMING: FlushTiming = {
	intervalMs: 1000,
	now: () => Date.now(),
	setTimer: (run, ms) => setTimeout(run, ms),
	clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class ProgressWrites {
	private queue: Promise<void> = Promise.resolve();
	private timer: unknown;
	private lastFlush = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly copies: ProgressCopies,
		private readonly onError: (error: unknown) => void,
		private readonly timing: FlushTiming = DEFAULT_FLUSH_TIMING,
	) {}

	/**
	 * Runs `write` after every write and flush before it; resolves with its result. With `shareLater` the shared
	 * copy's write is scheduled, not awaited.
	 */
	write(lessonId: string | undefined, change: (p: Progress) => Progress, { shareLater = false } = {}): Promise<Progress | undefined> {
		const next = this.queue.then(() => this.copies.write(lessonId, change, { shareLater }));
		this.queue = next.then(() => this.schedule(), this.onError);
		return next;
	}

	/** Writes what waits for the shared copy now (after the writes queued before); resolves when it is stored. */
	flush(): Promise<void> {
		this.cancel();
		const next = this.queue.then(async () => {
			this.lastFlush = this.timing.now();
			await this.copies.flushShared();
		});
		this.queue = next.then(() => this.schedule(), this.onError);
		return next;
	}

	/** Schedules the shared write when something waits for it: at once, or an interval after the last one. */
	schedule(): void {
		if (this.timer !== undefined || !this.copies.hasUnshared()) {
			return;
		}
		const wait = Math.max(0, this.lastFlush + this.timing.intervalMs - this.timing.now());
		this.timer = this.timing.setTimer(() => {
			this.timer = undefined;
			void this.flush().catch(() => undefined);
		}, wait);
	}

	/** On dispose: writes what waits for the shared copy now, and schedules nothing more. */
	dispose(): Promise<void> {
		return this.flush();
	}

	/** Stops the timer (a flush already queued still runs). */
	cancel(): void {
		if (this.timer !== undefined) {
			this.timing.clearTimer(this.timer);
			this.timer = undefined;
		}
	}
}
