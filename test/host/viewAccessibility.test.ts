// (Named to run after entry.test.ts, which checks what activation alone loads: answering here loads the review chunk.)
// What a screen reader says for the rows of the Lessons view (TreeItem.accessibilityInformation, through the view's
// snapshot): a count in words for the groups, the Assigned group's overdue count, a review's prompt and lesson apart.
import * as assert from 'node:assert/strict';
import type { TreeSnapshotNode } from '../../src/extension/tree/treeSnapshot';
import { eventually, extensionApi as api, resetAllProgress, testingApi, wrongAnswer } from './helpers';

const LESSON = 'axa-non-life-unauthorized-access';
const LESSON_TITLE = 'AXA Non-Life Insurance: a month inside, about 550,000 records at risk';
const DAY = 24 * 60 * 60 * 1000;

const byId = (tree: readonly TreeSnapshotNode[], prefix: string): TreeSnapshotNode | undefined => tree.find((n) => n.id?.startsWith(prefix) === true);

suite('Accessible names in the Lessons view', () => {
	suiteSetup(async () => {
		(await testingApi()).setClock(undefined);
		await resetAllProgress();
	});

	suiteTeardown(async () => {
		(await testingApi()).setClock(undefined);
		await resetAllProgress();
	});

	test('a track group says what its count counts: "Developer, 0 of 5 passed", not "Developer 0/5"', async () => {
		const tree = await eventually(() => testingApi().then((t) => t.treeSnapshot()), (t) => byId(t, 'group:developer') !== undefined, 'the Developer group');
		const developer = byId(tree, 'group:developer');
		const count = developer?.children?.length ?? 0;
		assert.ok(count > 0);
		assert.equal(developer?.description, `0/${count}`);
		assert.equal(developer?.accessibilityLabel, `Developer, 0 of ${count} passed`);
	});

	test('the Assigned group\'s name keeps the visible overdue count', async () => {
		const testing = await testingApi();
		const tree = await eventually(() => testing.treeSnapshot(), (t) => t[0]?.label === 'Assigned', 'the Assigned group');
		assert.equal(tree[0]?.description, '0/3 · 2 overdue');
		assert.equal(tree[0]?.accessibilityLabel, 'Assigned, 0 of 3 assigned lessons passed, 2 overdue');
	});

	test('a due review row names its prompt and its lesson as two phrases', async () => {
		const lessons = await api();
		const testing = await testingApi();
		const quizId = (await lessons.listLessons()).find((l) => l.id === LESSON)?.quizIds[0];
		assert.ok(quizId);
		await lessons.answer(LESSON, quizId, await wrongAnswer(LESSON, quizId));
		testing.setClock(Date.now() + 3 * DAY);
		const tree = await eventually(() => testing.treeSnapshot(), (t) => byId(t, 'group:reviews')?.description === '1 due today', 'one due review');
		const group = byId(tree, 'group:reviews');
		assert.equal(group?.accessibilityLabel, 'Reviews, 1 due today');
		const row = group?.children?.[0];
		assert.equal(row?.description, LESSON_TITLE);
		const shownPrompt = (row?.label ?? '').replace(/…$/, '');
		assert.ok(shownPrompt.length > 0);
		assert.ok(row?.accessibilityLabel?.startsWith(shownPrompt), `the name starts with the prompt: ${row?.accessibilityLabel}`);
		assert.ok(row?.accessibilityLabel?.endsWith(`, from the lesson ${LESSON_TITLE}`), `then its lesson: ${row?.accessibilityLabel}`);
	});
});
