// The size of what Settings Sync carries: a learner who passed 100 lessons (five quizzes with review cards and an
// exercise each), stored by the real store, stays well under the 512 KB at which VS Code warns about an extension's
// state (every globalState update sends all of it). The bench reports the same figure (bench/core.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passedProgress, syncedProgressSizes } from '../../helpers/learnerProgress';

const VSCODE_WARNS_AT = 512 * 1024;

describe('synced progress size', () => {
	it('100 passed lessons with cards and exercise records take about 130 KB of globalState, a quarter of the warning', async (t) => {
		const p = passedProgress(100);
		assert.equal(Object.keys(p.lessons).length, 100);
		assert.ok(Object.values(p.lessons).every((l) => Object.values(l.quizzes).every((q) => q.correct) && l.exercises?.['fix-the-config']?.passed === true));
		assert.equal(Object.values(p.reviews).reduce((n, cards) => n + Object.keys(cards).length, 0), 500);
		const sizes = await syncedProgressSizes(100);
		t.diagnostic(`synced: ${(sizes.entries / 1024).toFixed(1)} KB in ${sizes.keys} keys; one base ${(sizes.base / 1024).toFixed(1)} KB; export file ${(sizes.exportFile / 1024).toFixed(1)} KB`);
		assert.equal(sizes.keys, 101, 'a base and an entry per lesson');
		assert.ok(sizes.entries < VSCODE_WARNS_AT / 3, `${sizes.entries} bytes`);
		assert.ok(sizes.base <= sizes.entries, 'one base is no larger than the entries');
	});
});
