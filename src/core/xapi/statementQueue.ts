/**
 * Statements waiting for the LRS, kept in one JSON file so that offline work, a closed window or an LRS outage loses
 * nothing: every change is read-merge-written (union by statement id, so two windows sharing the file keep each
 * other's statements and a statement queued twice is sent once), and a statement leaves the file only after the
 * LRS stored it, holds it already (conflict), or refused it as invalid. Storage and sending are given; pure.
 */
import { isRecord } from '../shared/records';
import type { SendOutcome } from './lrsClient';
import type { Statement } from './statements';
import { isUuid } from './uuid';

/** At most this many statements wait (years of answers); past it the oldest are dropped, and that is reported. */
export const MAX_QUEUED = 10_000;
/** At most this many statements go in one flush, so a long queue drains in steps that each save their progress. */
export const FLUSH_LIMIT = 500;

const FORMAT = 'incident-lessons-xapi-queue';

export interface QueueStore {
	/** The file's text, or undefined when there is none yet. */
	load(): Promise<string | undefined>;
	save(text: string): Promise<void>;
}

export interface FlushResult {
	/** Stored by the LRS in this flush. */
	readonly sent: number;
	/** Left the queue without being stored: conflicting ids and statements the LRS refused as invalid. */
	readonly dropped: number;
	/** Still waiting. */
	readonly pending: number;
	/** Why statements are still waiting (the LRS unreachable, credentials refused), when some are. */
	readonly problem?: string;
}

function readQueue(text: string | undefined, problem: (message: string) => void): Statement[] {
	if (text === undefined) {
		return [];
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		problem('the queue of statements was damaged and has been started again');
		return [];
	}
	const statements = isRecord(value) && value.format === FORMAT && Array.isArray(value.statements) ? value.statements as unknown[] : [];
	return statements.filter((s): s is Statement => isRecord(s) && typeof s.id === 'string' && isUuid(s.id));
}

export class StatementQueue {
	private chain: Promise<unknown> = Promise.resolve();
	private flushing: Promise<FlushResult> | undefined;

	constructor(
		private readonly store: QueueStore,
		private readonly send: (statements: readonly Statement[]) => Promise<SendOutcome>,
		private readonly problem: (message: string) => void = () => undefined,
	) {}

	/** Runs `change` on the file's statements after every earlier change, and saves what it returns. */
	private update<T>(change: (statements: Statement[]) => { next?: Statement[]; value: T }): Promise<T> {
		const run = this.chain.then(async () => {
			const current = readQueue(await this.store.load(), this.problem);
			const { next, value } = change(current);
			if (next) {
				await this.store.save(JSON.stringify({ format: FORMAT, version: 1, statements: next }));
			}
			return value;
		});
		this.chain = run.catch(() => undefined);
		return run;
	}

	/** Adds statements (those already waiting are kept once); resolves when they are on disk. */
	enqueue(statements: readonly Statement[]): Promise<void> {
		return this.update((current) => {
			const ids = new Set(current.map((s) => s.id));
			const next = [...current, ...statements.filter((s) => !ids.has(s.id) && ids.add(s.id))];
			if (next.length > MAX_QUEUED) {
				this.problem(`more than ${MAX_QUEUED} statements waited for the LRS; the ${next.length - MAX_QUEUED} oldest were dropped`);
			}
			return { next: next.slice(-MAX_QUEUED), value: undefined };
		});
	}

	/** How many statements wait. */
	pending(): Promise<number> {
		return this.update((current) => ({ value: current.length }));
	}

	/**
	 * Sends up to {@link FLUSH_LIMIT} waiting statements and takes out those that are done; the file is not held
	 * while the LRS answers, so answers queued meanwhile are saved at once. One flush runs at a time.
	 */
	flush(): Promise<FlushResult> {
		this.flushing ??= this.flushOnce().finally(() => {
			this.flushing = undefined;
		});
		return this.flushing;
	}

	private async flushOnce(): Promise<FlushResult> {
		const batch = await this.update((current) => ({ value: current.slice(0, FLUSH_LIMIT) }));
		if (batch.length === 0) {
			return { sent: 0, dropped: 0, pending: 0 };
		}
		const outcome = await this.send(batch);
		const rejected = outcome.failed.filter((f) => f.kind === 'rejected');
		const done = new Set([...outcome.stored, ...outcome.conflict, ...rejected.map((f) => f.id)]);
		if (outcome.conflict.length + rejected.length > 0) {
			this.problem(`the LRS kept ${outcome.conflict.length} statement(s) as conflicting and refused ${rejected.length} as invalid; they were taken out of the queue`);
		}
		const pending = await this.update((current) => {
			const next = current.filter((s) => !done.has(s.id));
			return { next, value: next.length };
		});
		const waiting = outcome.failed.find((f) => f.kind === 'retry');
		return { sent: outcome.stored.length, dropped: done.size - outcome.stored.length, pending, ...(waiting ? { problem: waiting.reason } : {}) };
	}
}
