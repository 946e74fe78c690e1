// Hardening in the real extension host: forged webview messages through the panel's own handler, corrupt, old,
// newer and huge stored progress, a reload right after answering, changed quizzes, and a second window's writes.
// Uses the API's test hooks (present in development and test mode only).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as vscode from 'vscode';
import { migrateProgress } from '../../src/core/progress/progress';
import type { IncidentLessonsApi } from '../../src/extension/api';
import { Command } from '../../src/extension/platform/ids';
import { correctAnswer, resetAllProgress, waitFor, wrongAnswer, testingApi } from './helpers';

const EXTENSION_ID = 'incident-lessons.incident-lessons';
const LESSON = 'axa-non-life-unauthorized-access';
const WHEN = '2025-01-01T00:00:00.000Z';

async function api(): Promise<IncidentLessonsApi> {
	const ext = vscode.extensions.getExtension<IncidentLessonsApi>(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is installed`);
	return ext.activate();
}

async function quizIds(lessonId = LESSON): Promise<readonly string[]> {
	const lesson = (await (await api()).listLessons()).find((l) => l.id === lessonId);
	assert.ok(lesson, `lesson ${lessonId}`);
	return lesson.quizIds;
}

function quizRecord(correct = true, answer: number[] = [0]): Record<string, unknown> {
	return { correct, answer, attempts: 1, answeredAt: WHEN };
}

/** A stored lesson record as release 0.1.0 wrote it. */
function lessonRecord(quizzes: Record<string, unknown>, contentHash?: string): Record<string, unknown> {
	return { quizzes, ...(contentHash ? { contentHash } : {}), startedAt: WHEN, updatedAt: WHEN };
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

suite('Hardening: forged webview messages', () => {
	suiteSetup(async () => {
		const lessonsApi = await api();
		await resetAllProgress();
		await vscode.commands.executeCommand(Command.OpenLesson, LESSON);
		await waitFor(() => lessonsApi.currentLessonId() === LESSON, 'the lesson panel');
	});

	test('go through the panel\'s handler: dropped, never recorded, nothing opened', async () => {
		const testing = await testingApi();
		const ids = await quizIds();
		await testing.flushProgress();
		const before = JSON.stringify(testing.storedProgress());
		const hostileHref = fc.constantFrom('javascript:alert(1)', 'command:workbench.action.terminal.new', 'vscode://file/etc/passwd',
			'data:text/html,x', 'file:///etc/passwd', '//evil.example', ' javascript:x', 'notes.txt');
		const forged = fc.oneof(
			fc.anything({ withNullPrototype: true, maxDepth: 2, key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'type', 'lessonId')) }),
			fc.record({ type: fc.constant('answer'), lessonId: fc.constantFrom(LESSON, 'other'), quizId: fc.constantFrom('no-such-quiz', 'constructor', '__proto__', ...ids), answer: fc.anything() }),
			fc.record({ type: fc.constant('answer'), lessonId: fc.constant('other-lesson'), quizId: fc.constantFrom(...ids), answer: fc.constant([0]) }),
			fc.record({ type: fc.constant('openLink'), lessonId: fc.constant(LESSON), href: fc.oneof(hostileHref, fc.string({ maxLength: 3 })) }),
			fc.record({ type: fc.constantFrom('graded', 'restore', 'launch'), lessonId: fc.constant(LESSON) }),
		);
		const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 0x7fffffff));
		console.log(`    fast-check seed ${seed} (FC_SEED=${seed} replays it)`);
		await fc.assert(fc.asyncProperty(forged, async (raw) => {
			const routed = await testing.deliverWebviewMessage(raw);
			assert.ok(['drop', 'reject'].includes(routed.kind), `${JSON.stringify(raw)} → ${routed.kind}`);
		}), { seed, numRuns: 150 });
		assert.equal(JSON.stringify(testing.storedProgress()), before, 'nothing was stored');
	});

	test('a real answer through the same path is recorded: in the workspace copy at once, in the shared copy with the flush', async () => {
		const testing = await testingApi();
		const [quizId] = await quizIds();
		assert.ok(quizId);
		const routed = await testing.deliverWebviewMessage({ type: 'answer', lessonId: LESSON, quizId, answer: await correctAnswer(LESSON, quizId) });
		assert.equal(routed.kind, 'record');
		const answerIn = (copy: unknown): boolean | undefined => migrateProgress(copy).progress.lessons[LESSON]?.quizzes[quizId]?.correct;
		assert.equal(answerIn(testing.storedProgress().workspace), true, 'in the workspace copy');
		await testing.flushProgress();
		const stored = testing.storedProgress();
		assert.equal(answerIn(stored.shared), true, 'in the shared copy');
		assert.deepEqual(stored.workspace, stored.shared, 'the same in both');
	});
});

suite('Hardening: stored progress', () => {
	suiteTeardown(async () => {
		const testing = await testingApi();
		await testing.plantStoredProgress(undefined, undefined);
		await resetAllProgress();
	});

	test('a reload right after answering keeps the answer', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		await testing.plantStoredProgress(undefined, undefined);
		const [first, second] = await quizIds();
		assert.ok(first && second);
		await lessonsApi.answer(LESSON, first, await wrongAnswer(LESSON, first));
		await testing.deliverWebviewMessage({ type: 'answer', lessonId: LESSON, quizId: second, answer: await correctAnswer(LESSON, second) });
		const reloaded = testing.reloadProgress();
		assert.equal(reloaded.lessons[LESSON]?.quizzes[first]?.correct, false);
		assert.equal(reloaded.lessons[LESSON]?.quizzes[second]?.correct, true);
		assert.equal(lessonsApi.getProgress(), lessonsApi.getProgress(), 'read once, not on every call');
	});

	test('garbage: the extension starts with empty progress, tells the learner once, backs it up before writing', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const garbage: unknown = JSON.parse('{"schemaVersion":"one","lessons":[1,2,3],"__proto__":{"polluted":true}}');
		const progress = await testing.plantStoredProgress(garbage, 'also garbage');
		assert.deepEqual(Object.keys(progress.lessons), []);
		for (let i = 0; i < 5; i++) {
			lessonsApi.getProgress();
			await lessonsApi.listLessons();
		}
		assert.equal(testing.notices().length, 1, 'told once');
		const backups = testing.backupKeys().length;
		const [quizId] = await quizIds();
		assert.ok(quizId);
		await lessonsApi.answer(LESSON, quizId, await correctAnswer(LESSON, quizId));
		assert.equal(testing.backupKeys().length, backups + 1, 'the unreadable data was backed up first');
		assert.equal(testing.notices().length, 1, 'still told only once');
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
	});

	test('mixed: every valid entry is kept, each invalid one dropped', async () => {
		const testing = await testingApi();
		const [a, b] = await quizIds();
		assert.ok(a && b);
		const progress = await testing.plantStoredProgress({
			schemaVersion: 1,
			lessons: {
				[LESSON]: lessonRecord({ [a]: quizRecord(), [b]: { correct: 'yes' }, 'no-such-quiz': quizRecord(false) }),
				['__proto__']: lessonRecord({ x: quizRecord() }),
				'other-lesson': 'garbage',
				'kept-lesson': lessonRecord({ q: quizRecord(false, [2, 1, 0]) }),
			},
		}, undefined);
		assert.deepEqual(Object.keys(progress.lessons).sort(), [LESSON, 'kept-lesson']);
		assert.deepEqual(Object.keys(progress.lessons[LESSON]?.quizzes ?? {}).sort(), [a, 'no-such-quiz'].sort());
		assert.deepEqual(progress.lessons['kept-lesson']?.quizzes.q?.answer, [2, 1, 0]);
		assert.equal(testing.notices().length, 1);
	});

	test('version 1, as release 0.1.0 kept it in the workspace, is upgraded with every answer', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const [a, b] = await quizIds();
		assert.ok(a && b);
		const v1 = { schemaVersion: 1, lessons: { [LESSON]: lessonRecord({ [a]: quizRecord(true, await correctAnswer(LESSON, a)) }) } };
		const progress = await testing.plantStoredProgress(undefined, v1);
		assert.equal(progress.lessons[LESSON]?.quizzes[a]?.correct, true);
		assert.equal(testing.notices().length, 0, 'an upgrade is not a problem to report');
		await lessonsApi.answer(LESSON, b, await correctAnswer(LESSON, b));
		await testing.flushProgress();
		const { shared } = testing.storedProgress() as { shared: { schemaVersion: number; lessons: Record<string, { quizzes: Record<string, unknown> }> } };
		assert.equal(shared.schemaVersion, lessonsApi.getProgress().schemaVersion, 'written in the current version');
		assert.deepEqual(Object.keys(shared.lessons[LESSON]?.quizzes ?? {}).sort(), [a, b].sort(), 'the old answer and the new one');
	});

	test('a newer schema is shown read-only and never overwritten', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const [a, b] = await quizIds();
		assert.ok(a && b);
		const newer = { schemaVersion: 99, lessons: { [LESSON]: lessonRecord({ [a]: { ...quizRecord(), confidence: 0.5 } }) }, devices: ['laptop'] };
		const progress = await testing.plantStoredProgress(newer, undefined);
		assert.equal(progress.lessons[LESSON]?.quizzes[a]?.correct, true, 'read as far as possible');
		assert.equal(testing.notices().length, 1);
		await lessonsApi.answer(LESSON, b, await correctAnswer(LESSON, b));
		await resetAllProgress();
		assert.deepEqual(testing.storedProgress().shared, plain(newer), 'untouched by an answer and a reset');
	});

	test('huge values: valid entries kept, oversized ones dropped, quickly', async () => {
		const testing = await testingApi();
		const lessons: Record<string, unknown> = {};
		for (let i = 0; i < 20_000; i++) {
			lessons[`lesson-${i}`] = lessonRecord({ q: quizRecord() });
		}
		lessons['huge-answer'] = lessonRecord({ q: quizRecord(true, Array.from({ length: 200_000 }, () => 1)) });
		lessons['huge-hash'] = lessonRecord({ q: quizRecord() }, 'h'.repeat(2_000_000));
		const started = Date.now();
		const progress = await testing.plantStoredProgress({ schemaVersion: 1, lessons }, undefined);
		assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
		assert.equal(Object.keys(progress.lessons).length, 20_002);
		assert.deepEqual(Object.keys(progress.lessons['huge-answer']?.quizzes ?? {}), []);
		assert.equal(progress.lessons['huge-hash']?.contentHash, undefined);
	});

	test('changed quizzes: progress is kept and counted, but marked as from an older version until answered again', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const ids = await quizIds();
		const quizzes: Record<string, unknown> = {};
		for (const id of ids) {
			quizzes[id] = quizRecord(true, await correctAnswer(LESSON, id));
		}
		await testing.plantStoredProgress({ schemaVersion: 1, lessons: { [LESSON]: lessonRecord(quizzes, 'an-older-version') } }, undefined);
		let listed = (await lessonsApi.listLessons()).find((l) => l.id === LESSON);
		// Every quiz counted as answered and right (the lesson's exercise is not done, so it is not passed yet).
		assert.deepEqual([listed?.summary.answered, listed?.summary.correct], [ids.length, ids.length], 'kept and counted');
		assert.equal(listed?.outdated, true, 'but marked');
		for (const id of ids.slice(0, -1)) {
			await lessonsApi.answer(LESSON, id, await correctAnswer(LESSON, id));
		}
		listed = (await lessonsApi.listLessons()).find((l) => l.id === LESSON);
		assert.equal(listed?.outdated, true, 'one old answer is still from the older version');
		const last = ids[ids.length - 1] ?? '';
		await lessonsApi.answer(LESSON, last, await correctAnswer(LESSON, last));
		listed = (await lessonsApi.listLessons()).find((l) => l.id === LESSON);
		assert.equal(listed?.outdated, false);
	});

	test('two windows: another window\'s answers are merged into this one\'s writes, not overwritten', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const [a, b] = await quizIds();
		assert.ok(a && b);
		await testing.plantStoredProgress(undefined, undefined);
		await lessonsApi.answer(LESSON, a, await correctAnswer(LESSON, a));
		// The other window read the same progress, then answered quiz b; its write arrives here.
		await testing.flushProgress();
		const other = plain(testing.storedProgress().shared) as { lessons: Record<string, { quizzes: Record<string, unknown> }> };
		const otherLesson = other.lessons[LESSON];
		assert.ok(otherLesson);
		otherLesson.quizzes[b] = { ...quizRecord(true, await correctAnswer(LESSON, b)), answeredAt: new Date().toISOString() };
		await testing.writeAsAnotherWindow(other);
		testing.checkForChanges();
		assert.ok(lessonsApi.getProgress().lessons[LESSON]?.quizzes[b], 'this window sees the other window\'s answer');
		const [, , c] = await quizIds();
		assert.ok(c);
		await lessonsApi.answer(LESSON, c, await wrongAnswer(LESSON, c));
		await testing.flushProgress();
		const stored = testing.storedProgress().shared as { lessons: Record<string, { quizzes: Record<string, unknown> }> };
		assert.deepEqual(Object.keys(stored.lessons[LESSON]?.quizzes ?? {}).sort(), [a, b, c].sort(), 'all three answers are stored');
	});
});
