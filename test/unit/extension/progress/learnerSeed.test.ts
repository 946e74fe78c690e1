import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { learnerSeed } from '../../../../src/extension/progress/learnerSeed';
import { FakeMemento, SharedState } from '../../helpers/fakeMementos';

describe('learnerSeed', () => {
	it('is made once per workspace, kept in the shared state and seen by every window on it', () => {
		const global = new SharedState();
		const first = global.window();
		const failures: unknown[] = [];
		const seed = learnerSeed(first, 'file:///a', (e) => failures.push(e));
		assert.match(seed, /^[0-9a-f-]{36}$/);
		assert.equal(learnerSeed(first, 'file:///a', (e) => failures.push(e)), seed);
		assert.equal(learnerSeed(global.window(), 'file:///a', (e) => failures.push(e)), seed, 'another window on the workspace');
		assert.notEqual(learnerSeed(first, 'file:///b', (e) => failures.push(e)), seed, 'another workspace is another learner');
		assert.deepEqual(failures, []);
	});

	it('replaces a stored value that is not a seed, and reports a failed write without failing', async () => {
		const memento = new FakeMemento();
		await memento.update('incidentLessons.learnerSeed:w', '<not a seed>');
		assert.notEqual(learnerSeed(memento, 'w', () => undefined), '<not a seed>');
		const failures: unknown[] = [];
		const broken = { get: () => undefined, keys: () => [], update: () => Promise.reject(new Error('disk full')) };
		assert.match(learnerSeed(broken, 'w', (e) => failures.push(e)), /^[0-9a-f-]{36}$/);
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(failures.length, 1);
	});
});
