/**
 * Sends statements to an LRS (xAPI 1.0.3 Statements resource) in batches, with retries and backoff: a small
 * wrapper over `fetch` rather than a client library, since this is the only call made. Idempotent by design:
 * statement ids are derived from their content, so an LRS stores a re-sent statement once (200/204) and answers
 * 409 only for an id it holds with other content. The network is whatever `fetch` the caller gives.
 */
import type { Statement } from './statements';
import type { LrsTarget } from './lrsConfig';

/** At most this many statements per request (LRSs commonly accept a few hundred; small batches fail small). */
export const LRS_BATCH_SIZE = 50;
/** Tries per request before its statements count as failed (for now; a queue sends them again later). */
export const LRS_TRIES = 3;
/** A request that has not answered in this long is abandoned and retried. */
export const LRS_TIMEOUT_MS = 30_000;

export type FailureKind = 'retry' | 'rejected';

export interface SendOutcome {
	/** Stored now, or already stored with the same content. */
	readonly stored: string[];
	/** The LRS holds another statement under this id (409): sending again cannot help. */
	readonly conflict: string[];
	/** Not stored: `retry` (network, 5xx, 429, 401/403 until credentials change) or `rejected` (400: never valid). */
	readonly failed: { readonly id: string; readonly kind: FailureKind; readonly reason: string }[];
}

export interface SendDeps {
	readonly fetch: typeof globalThis.fetch;
	readonly sleep: (ms: number) => Promise<void>;
	readonly tries?: number;
	readonly batchSize?: number;
	readonly timeoutMs?: number;
}

interface Answer { readonly status: number; readonly text: string }

/** Why a request failed, without echoing the LRS's body (it may hold anything). */
function describeStatus(status: number): string {
	return status === 401 || status === 403 ? `the LRS refused the credentials (HTTP ${status})` : `the LRS answered HTTP ${status}`;
}

function isRetryable(status: number): boolean {
	return status === 408 || status === 429 || status >= 500 || status === 401 || status === 403;
}

/** One request, retried with exponential backoff (1 s, 2 s, …) on network errors, timeouts and retryable statuses. */
async function request(target: LrsTarget, method: 'POST' | 'PUT', query: string, body: string, deps: SendDeps): Promise<Answer | { error: string }> {
	const tries = deps.tries ?? LRS_TRIES;
	let last: Answer | { error: string } = { error: 'not sent' };
	for (let attempt = 0; attempt < tries; attempt++) {
		if (attempt > 0) {
			await deps.sleep(1000 * 2 ** (attempt - 1));
		}
		try {
			const response = await deps.fetch(`${target.endpoint}statements${query}`, {
				method, body, redirect: 'error',
				headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: target.authorization },
				signal: AbortSignal.timeout(deps.timeoutMs ?? LRS_TIMEOUT_MS),
			});
			last = { status: response.status, text: await response.text() };
			if (!isRetryable(response.status)) {
				return last;
			}
		} catch (error) {
			last = { error: error instanceof Error && error.name === 'TimeoutError' ? 'the LRS did not answer in time' : 'the LRS could not be reached' };
		}
	}
	return last;
}

function failure(answer: Answer | { error: string }): { kind: FailureKind; reason: string } {
	if ('error' in answer) {
		return { kind: 'retry', reason: answer.error };
	}
	return { kind: isRetryable(answer.status) ? 'retry' : 'rejected', reason: describeStatus(answer.status) };
}

/**
 * Sends one statement by id (PUT ?statementId=): how a batch that held a conflict is sorted out, since an LRS
 * refuses the whole batch for one conflicting id.
 */
async function sendOne(target: LrsTarget, statement: Statement, deps: SendDeps, outcome: SendOutcome): Promise<void> {
	const answer = await request(target, 'PUT', `?statementId=${encodeURIComponent(statement.id)}`, JSON.stringify(statement), deps);
	if (!('error' in answer) && (answer.status === 204 || answer.status === 200)) {
		outcome.stored.push(statement.id);
	} else if (!('error' in answer) && answer.status === 409) {
		outcome.conflict.push(statement.id);
	} else {
		outcome.failed.push({ id: statement.id, ...failure(answer) });
	}
}

/** Sends `statements` in batches; every statement ends in exactly one of stored, conflict or failed. Never throws. */
export async function sendStatements(target: LrsTarget, statements: readonly Statement[], deps: SendDeps): Promise<SendOutcome> {
	const outcome: SendOutcome = { stored: [], conflict: [], failed: [] };
	const size = deps.batchSize ?? LRS_BATCH_SIZE;
	for (let start = 0; start < statements.length; start += size) {
		const batch = statements.slice(start, start + size);
		const answer = await request(target, 'POST', '', JSON.stringify(batch), deps);
		if (!('error' in answer) && answer.status === 200) {
			outcome.stored.push(...batch.map((s) => s.id));
		} else if (!('error' in answer) && answer.status === 409) {
			for (const statement of batch) {
				await sendOne(target, statement, deps, outcome);
			}
		} else {
			const why = failure(answer);
			outcome.failed.push(...batch.map((s) => ({ id: s.id, ...why })));
		}
	}
	return outcome;
}
