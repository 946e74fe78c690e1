// The queue of statements waiting for the LRS: what it keeps across failures, restarts, two writers and damage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SendOutcome } from '../../../../src/core/xapi/lrsClient';
import { MAX_QUEUED, StatementQueue } from '../../../../src/core/xapi/statementQueue';
import type { Statement } from '../../../../src/core/xapi/statements';

const statement = (n: number): Statement => ({ id: `00000000-0000-5000-8000-${String(n).padStart(12, '0')}` }) as unknown as Statement;

function memoryStore(text?: string): { load: () => Promise<string | undefined>; save: (t: string) => Promise<void>; text: () => string | undefined } {
	let stored = text;
	return { load: () => Promise.resolve(stored), save: (t) => { stored = t; return Promise.resolve(); }, text: () => stored };
}

const outcome = (over: Partial<SendOutcome>): SendOutcome => ({ stored: [], conflict: [], failed: [], ...over });

describe('statement queue', () => {
	it('keeps what failed to send, takes out what was stored, conflicting or refused as invalid', async () => {
		const store = memoryStore();
		const queue = new StatementQueue(store, (s) => Promise.resolve(outcome({
			stored: [s[0]!.id], conflict: [s[1]!.id],
			failed: [{ id: s[2]!.id, kind: 'rejected', reason: 'HTTP 400' }, { id: s[3]!.id, kind: 'retry', reason: 'the LRS could not be reached' }],
		})));
		await queue.enqueue([1, 2, 3, 4].map(statement));
		assert.deepEqual(await queue.flush(), { sent: 1, dropped: 2, pending: 1, problem: 'the LRS could not be reached' });
		assert.deepEqual((JSON.parse(store.text() ?? '') as { statements: unknown[] }).statements, [statement(4)]);
	});

	it('keeps one copy of a statement queued twice, and what another writer added to the file meanwhile', async () => {
		const store = memoryStore();
		const one = new StatementQueue(store, () => Promise.resolve(outcome({})));
		const two = new StatementQueue(store, () => Promise.resolve(outcome({})));
		await one.enqueue([statement(1), statement(2)]);
		await two.enqueue([statement(2), statement(3)]);
		assert.equal(await one.pending(), 3);
	});

	it('starts again from a damaged file (and says so), ignores entries that are not statements, and caps its length', async () => {
		const problems: string[] = [];
		const damaged = new StatementQueue(memoryStore('{"format": "incident'), () => Promise.resolve(outcome({})), (p) => problems.push(p));
		assert.equal(await damaged.pending(), 0);
		assert.match(problems[0] ?? '', /damaged/);
		const odd = memoryStore(JSON.stringify({ format: 'incident-lessons-xapi-queue', version: 1, statements: [{ id: 'x' }, 5, statement(1)] }));
		assert.equal(await new StatementQueue(odd, () => Promise.resolve(outcome({}))).pending(), 1);
		const capped = new StatementQueue(memoryStore(), () => Promise.resolve(outcome({})), (p) => problems.push(p));
		await capped.enqueue(Array.from({ length: MAX_QUEUED + 5 }, (_, i) => statement(i)));
		assert.equal(await capped.pending(), MAX_QUEUED);
		assert.match(problems.at(-1) ?? '', /5 oldest were dropped/);
	});

	it('an error while sending leaves every statement queued', async () => {
		const store = memoryStore();
		const queue = new StatementQueue(store, () => Promise.reject(new Error('boom')));
		await queue.enqueue([statement(1)]);
		await assert.rejects(queue.flush());
		assert.equal(await queue.pending(), 1);
	});
});
