// Reviews and related-lesson suggestions in the real extension host: cards from answers, a pinned clock making them
// due, the Reviews group and status bar, a review session in the panel, CodeLens on a matching file, the settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/platform/ids';
import type { TreeSnapshotNode } from '../../src/extension/tree/treeSnapshot';
import { correctAnswer, resetAllProgress, eventually, waitFor, wrongAnswer, extensionApi as api, testingApi } from './helpers';

const LESSON = 'axa-non-life-unauthorized-access';
const DAY = 24 * 60 * 60 * 1000;

const reviewsGroup = async (): Promise<TreeSnapshotNode | undefined> => (await (await testingApi()).treeSnapshot()).find((n) => n.id?.startsWith('group:reviews') === true);
const setting = (key: string, value: unknown): Thenable<void> => vscode.workspace.getConfiguration('incidentLessons').update(key, value, vscode.ConfigurationTarget.Global);

suite('Spaced-repetition reviews', () => {
	let quizIds: string[] = [];

	suiteSetup(async () => {
		await resetAllProgress();
		(await testingApi()).setClock(undefined);
		quizIds = (await (await api()).listLessons()).find((l) => l.id === LESSON)?.quizIds.slice(0, 2) ?? [];
		assert.equal(quizIds.length, 2);
	});

	suiteTeardown(async () => {
		(await testingApi()).setClock(undefined);
		await setting('reviews.enabled', undefined);
		await resetAllProgress();
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('answering quizzes makes review cards: wrong then right is Hard, right the first time is Good', async () => {
		const lessons = await api();
		const testing = await testingApi();
		const [first, second] = quizIds as [string, string];
		await lessons.answer(LESSON, first, await wrongAnswer(LESSON, first));
		await lessons.answer(LESSON, first, await correctAnswer(LESSON, first));
		await lessons.answer(LESSON, second, await correctAnswer(LESSON, second));
		const cards = lessons.getProgress().reviews[LESSON];
		assert.deepEqual([cards?.[first]?.lastRating, cards?.[second]?.lastRating], ['hard', 'good']);
		const stored = await testing.readStoredProgress() as { schemaVersion: number; reviews: Record<string, Record<string, unknown>> };
		assert.equal(stored.schemaVersion, 4);
		assert.deepEqual(Object.keys(stored.reviews[LESSON] ?? {}).sort(), [first, second].sort(), 'cards are persisted with the answers');
		assert.deepEqual((await lessons.reviewQueue()).items, [], 'nothing is due right after answering');
		assert.equal(testing.reviewStatusBarText(), '');
		const group = await eventually(reviewsGroup, (g) => g !== undefined, 'the Reviews group');
		assert.equal(group?.description, 'none due');
	});

	test('a clock three days ahead makes both due; the Reviews group and the status bar follow', async () => {
		const lessons = await api();
		const testing = await testingApi();
		(await testingApi()).setClock(Date.now() + 3 * DAY);
		const queue = await lessons.reviewQueue();
		assert.deepEqual(queue.items.map((i) => i.quizId).sort(), [...quizIds].sort());
		const group = await eventually(reviewsGroup, (g) => g?.description === '2 due today', 'the group to count two');
		assert.equal(group?.children?.length, 2);
		assert.equal(group?.contextValue, 'group.reviews.due');
		await waitFor(() => testing.reviewStatusBarText() === '$(history) 2', `status bar "$(history) 2", got "${testing.reviewStatusBarText()}"`);
	});

	test('Start Review shows the due cards one after another in the panel until none is due', async () => {
		const lessons = await api();
		const testing = await testingApi();
		await vscode.commands.executeCommand(Command.StartReview);
		const seen: string[] = [];
		for (let n = 0; n < 2; n++) {
			const lessonId = await eventually(() => lessons.currentLessonId(), (id) => id === LESSON, 'a review card');
			const quizId = (await lessons.reviewQueue()).items[0]?.quizId;
			assert.ok(quizId && lessonId);
			seen.push(quizId);
			// answered as the card's webview would: right, within the Easy time
			const routed = await testing.deliverWebviewMessage({ type: 'answer', lessonId, quizId, answer: await correctAnswer(LESSON, quizId), elapsedMs: 1500 });
			assert.equal(routed.kind, 'record');
			assert.equal(lessons.getProgress().reviews[LESSON]?.[quizId]?.lastRating, 'easy');
			assert.equal((await testing.deliverWebviewMessage({ type: 'nextReview', lessonId })).kind, 'nextReview');
		}
		assert.deepEqual(seen.sort(), [...quizIds].sort());
		await eventually(() => lessons.currentLessonId(), (id) => id === undefined, 'the end page');
		assert.deepEqual((await lessons.reviewQueue()).items, []);
		await waitFor(() => testing.reviewStatusBarText() === '', 'the status bar count to go');
	});

	test('Reset Lesson Progress removes the lesson\'s cards', async () => {
		const lessons = await api();
		await vscode.commands.executeCommand(Command.ResetLessonProgress, LESSON);
		assert.equal(Object.hasOwn(lessons.getProgress().reviews, LESSON), false);
		await eventually(reviewsGroup, (g) => g === undefined, 'the group to go with the last card');
	});

	test('the setting turns reviews off: no cards, no group, no count', async () => {
		const lessons = await api();
		await setting('reviews.enabled', false);
		const [first] = quizIds as [string];
		await lessons.answer(LESSON, first, await correctAnswer(LESSON, first));
		assert.equal(Object.hasOwn(lessons.getProgress().reviews, LESSON), false);
		assert.deepEqual((await lessons.reviewQueue()).items, []);
		(await testingApi()).setClock(Date.now() + 30 * DAY);
		assert.equal(await reviewsGroup(), undefined);
		await setting('reviews.enabled', undefined);
		// back on: the answered quiz waits as a new card, within today's limit
		await eventually(async () => (await lessons.reviewQueue()).items, (items) => items.some((i) => i.kind === 'new' && i.quizId === first), 'the answered quiz as a new card');
	});

	test('version 1 progress from the previous release is migrated: every answer kept, no cards yet', async () => {
		const v1 = {
			schemaVersion: 1,
			lessons: { [LESSON]: { quizzes: { [quizIds[0] ?? 'q']: { correct: true, answer: [0], attempts: 1, answeredAt: '2025-01-10T09:00:00.000Z' } },
				contentHash: 'abc', startedAt: '2025-01-10T09:00:00.000Z', updatedAt: '2025-01-10T09:00:00.000Z' } },
		};
		const progress = await (await testingApi()).plantStoredProgress(undefined, v1);
		assert.equal(progress.schemaVersion, 4);
		assert.deepEqual(Object.keys(progress.lessons), [LESSON]);
		assert.deepEqual(Object.keys(progress.reviews), []);
		assert.deepEqual((await testingApi()).notices(), [], 'an upgrade is not a problem to tell the learner about');
	});
});

suite('Lessons suggested by the code you edit', () => {
	let sample: vscode.Uri;

	suiteSetup(async () => {
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder);
		sample = vscode.Uri.joinPath(folder.uri, 'src', 'export_customers.py');
		await vscode.workspace.fs.writeFile(sample, new TextEncoder().encode('import pandas as pd\n\n\ndef export(frame):\n    frame.to_csv("customers.csv")\n'));
	});

	suiteTeardown(async () => {
		await setting('suggestions.mode', undefined);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(sample, '..'), { recursive: true });
	});

	const lensesOf = async (uri: vscode.Uri): Promise<vscode.CodeLens[]> =>
		((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [])
			.filter((l) => l.command?.command === Command.OpenLesson);

	test('a matching file shows "Related lesson" over the line, and the CodeLens opens the lesson at its section', async () => {
		await vscode.window.showTextDocument(sample);
		const lenses = await eventually(() => lensesOf(sample), (l) => l.length > 0, 'a related-lesson CodeLens');
		const lens = lenses[0];
		assert.ok(lens?.command);
		assert.equal(lens.range.start.line, 4);
		assert.match(lens.command.title, /Related lesson: Four non-life insurers/);
		assert.match(lens.command.tooltip ?? '', /CSV/);
		const args: unknown[] = lens.command.arguments ?? [];
		await vscode.commands.executeCommand(lens.command.command, ...args);
		const lessons = await api();
		await waitFor(() => lessons.currentLessonId() === 'non-life-insurers-insider-leak', 'the related lesson in the panel');
		assert.equal((await testingApi()).lastSection(), 'what-a-developer-could-have-built');
	});

	test('hovering the matching code shows one line of why', async () => {
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sample, new vscode.Position(4, 12));
		// appendText keeps the author's spaces as &nbsp;
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
		assert.match(text, /Related lesson: Four non-life insurers/);
		assert.match(text, /Exports records to a CSV file/);
	});

	test('the setting turns suggestions off, and "hint" shows no CodeLens', async () => {
		await setting('suggestions.mode', 'off');
		await eventually(() => lensesOf(sample), (l) => l.length === 0, 'no CodeLens when off');
		await setting('suggestions.mode', 'hint');
		assert.equal((await lensesOf(sample)).length, 0);
		await setting('suggestions.mode', undefined);
		await eventually(() => lensesOf(sample), (l) => l.length > 0, 'the CodeLens back');
	});

	test('a workspace lesson\'s triggers count only while the workspace is trusted', async () => {
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder);
		const lesson = vscode.Uri.joinPath(folder.uri, '.incident-lessons', 'lessons', 'team-export-rule.md');
		await vscode.workspace.fs.writeFile(lesson, new TextEncoder().encode([
			'---', 'id: team-export-rule', 'title: Our export rule', 'summary: The team\'s rule for exports.',
			'triggers:', '  - languages: [python]', '    pattern: \'\\bimport pandas\\b\'', '    why: Our team reviews every pandas export.',
			'---', '', '# Our export rule', '', '```quiz', 'id: q', 'type: single', 'prompt: Who reviews exports?',
			'choices:', '  - text: The team.', '    correct: true', '    explain: Yes.', '  - text: Nobody.', '    explain: No.', '```', '',
		].join('\n')));
		const lessons = await api();
		const testing = await testingApi();
		try {
			const titles = async (): Promise<string[]> => (await lensesOf(sample)).map((l) => l.command?.title ?? '');
			await eventually(titles, (t) => t.some((x) => x.includes('Our export rule')), 'the workspace lesson\'s CodeLens');
			testing.simulateRestrictedMode(true);
			await eventually(titles, (t) => !t.some((x) => x.includes('Our export rule')) && t.length > 0, 'only bundled lessons in Restricted Mode');
		} finally {
			testing.simulateRestrictedMode(false);
			await vscode.workspace.fs.delete(lesson);
			await eventually(async () => (await lessons.listLessons()).some((l) => l.id === 'team-export-rule'), (present) => !present, 'the team lesson gone');
		}
	});
});
