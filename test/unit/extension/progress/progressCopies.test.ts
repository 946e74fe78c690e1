// Progress in the split layout over mementos that behave as VS Code's (./fakeMementos): one entry written per answer
// whatever the history, no whole read per answer, reloads that read back what memory held, upgrades from every
// older layout, left-over and unreadable entries, data from a newer release, and two windows on one workspace (or two).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { CURRENT_PROGRESS_VERSION } from '../../../../src/core/progress/migrations';
import { emptyProgress, migrateProgress, recordAnswer, resetLesson, type Progress } from '../../../../src/core/progress/progress';
import type { LaidOutProgress } from '../../../../src/core/progress/progressLayout';
import { withCard } from '../../../../src/core/reviews/reviewCards';
import { scheduleCard } from '../../../../src/core/reviews/reviewScheduler';
import { ProgressCopies, PROGRESS_KEY, type ProgressStorage } from '../../../../src/extension/progress/progressCopies';
import { FakeMemento, SharedState, windowStorage } from '../../helpers/fakeMementos';
import { propertyParams } from '../../helpers/propertySeed';

const T = new Date('2025-03-03T10:00:00.000Z');
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const result = (quizId: string, correct: boolean): QuizResult => ({ quizId, correct, feedback: [], explain: '' });

/** Copies that keep the report of every read that changed what they hold, and count the whole reads. */
function open(storage: ProgressStorage): { copies: ProgressCopies; reads: LaidOutProgress[]; wholeReads: () => number } {
	const reads: LaidOutProgress[] = [];
	let whole = 0;
	const copies = new ProgressCopies(storage, (read, kind) => {
		reads.push(read);
		whole += kind === 'whole' ? 1 : 0;
	});
	return { copies, reads, wholeReads: () => whole };
}

/** An answer and its review card, as the lesson panel stores them (one write, the lesson's record and card). */
function answer(copies: ProgressCopies, lessonId: string, quizId: string, correct = true): Promise<Progress | undefined> {
	return copies.write(lessonId, (p) => {
		const after = recordAnswer(p, lessonId, 'hash-1', result(quizId, correct), [0], T);
		return { ...after, reviews: withCard(after.reviews, lessonId, quizId, scheduleCard(undefined, correct ? 'good' : 'again', T, 'q')) };
	});
}

const lessonRecord = (quizzes: Record<string, unknown>): Record<string, unknown> => ({ quizzes, startedAt: T.toISOString(), updatedAt: T.toISOString() });
const quizRecord = (correct = true): Record<string, unknown> => ({ correct, answer: [0], attempts: 1, answeredAt: T.toISOString() });

describe('progress copies: cost per answer', () => {
	it('writes one entry to each copy per answer, of the same size at the 1st and the 1000th answer, and reads nothing whole', async () => {
		const storage = windowStorage(new SharedState());
		const { copies, wholeReads } = open(storage);
		copies.current();
		const sizes: number[] = [];
		for (let n = 0; n < 1000; n++) {
			const shared = storage.shared.updates.length;
			const workspace = storage.workspace.updates.length;
			await answer(copies, `lesson-${Math.floor(n / 4)}`, `quiz-${n % 4}`);
			const written = storage.shared.since(shared);
			assert.equal(written.length, 1, `answer ${n}: one globalState update`);
			assert.equal(storage.workspace.since(workspace).length, 1, `answer ${n}: one workspaceState update`);
			sizes.push(written[0]?.bytes ?? 0);
		}
		assert.equal(wholeReads(), 1, 'only the first read, although every write hands new objects back');
		// The first answer starts the layout (a base); later ones write entries of one lesson of four quizzes at most.
		const entries = sizes.slice(1);
		assert.ok(Math.max(...entries) < 3000, `largest entry ${Math.max(...entries)} bytes`);
		assert.equal(Math.max(...entries.slice(-100)), Math.max(...entries.slice(3, 103)), 'no growth with the history');
		const reloaded = open(windowStorage(new SharedState())).copies; // a different store: nothing there
		assert.deepEqual(Object.keys(reloaded.current().lessons), []);
		assert.equal(Object.keys(open(storage).copies.current().lessons).length, 250);
	});

	it('keeps the same progress object between writes', async () => {
		const { copies } = open(windowStorage(new SharedState()));
		await answer(copies, 'a', 'q');
		assert.equal(copies.current(), copies.current());
	});
});

describe('progress copies: what is stored reads back', () => {
	const id = fc.constantFrom('a', 'b', 'c', 'lesson-d');
	const step = fc.oneof(
		{ weight: 6, arbitrary: fc.record({ lessonId: id, quizId: fc.constantFrom('q1', 'q2', 'q3'), correct: fc.boolean() }) },
		{ weight: 1, arbitrary: fc.record({ reset: id }) },
		{ weight: 1, arbitrary: fc.constant({ resetAll: true as const }) },
	);

	it('a new window reads exactly what the writing window holds, from either copy, after any answers and resets', async (t) => {
		await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
			const global = new SharedState();
			const storage = windowStorage(global);
			const { copies } = open(storage);
			for (const s of steps) {
				if ('resetAll' in s) {
					await copies.write(undefined, () => emptyProgress());
				} else if ('reset' in s) {
					await copies.write(s.reset, (p) => resetLesson(p, s.reset));
				} else {
					await answer(copies, s.lessonId, s.quizId, s.correct);
				}
				const held = plain(copies.current());
				assert.deepEqual(plain(open(windowStorage(global, undefined, storage.workspace)).copies.current()), held, 'shared copy');
				assert.deepEqual(plain(open(windowStorage(new SharedState(), undefined, storage.workspace)).copies.current()), held, 'workspace mirror');
				const stored = copies.stored();
				assert.deepEqual(plain(migrateProgress(stored.shared).progress), held, 'the flattened copy');
				assert.deepEqual(stored.workspace, stored.shared);
			}
		}), propertyParams(t, 100));
	});
});

describe('progress copies: older, newer and damaged storage', () => {
	it('reads version 1 from the workspace copy (release 0.1.0), then starts the split layout with the first answer', async () => {
		const storage = windowStorage(new SharedState());
		await storage.workspace.update(PROGRESS_KEY, { schemaVersion: 1, lessons: { old: lessonRecord({ q: quizRecord() }) } });
		const { copies, reads } = open(storage);
		assert.deepEqual(Object.keys(copies.current().lessons), ['old']);
		assert.deepEqual(reads[0]?.problems, [], 'an upgrade is not a problem');
		await answer(copies, 'new', 'q');
		const base = storage.shared.get(copies.sharedKey) as { schemaVersion: number; generation?: string; lessons: Record<string, unknown> };
		assert.equal(base.schemaVersion, CURRENT_PROGRESS_VERSION);
		assert.equal(typeof base.generation, 'string');
		assert.deepEqual(Object.keys(base.lessons).sort(), ['new', 'old']);
		assert.deepEqual((storage.workspace.get(PROGRESS_KEY) as { generation?: string }).generation, base.generation, 'the mirror has the same base');
		const before = storage.shared.updates.length;
		await answer(copies, 'old', 'q2');
		assert.deepEqual(storage.shared.since(before).map((u) => u.key), ['incidentLessons.progressLesson:old:learner']);
		assert.deepEqual(Object.keys(open(storage).copies.current().lessons.old?.quizzes ?? {}).sort(), ['q', 'q2']);
	});

	it('reads version 2 from the shared copy and keeps its cards', async () => {
		const storage = windowStorage(new SharedState());
		const card = plain(scheduleCard(undefined, 'good', T, 'h'));
		const { copies: first } = open(storage);
		await storage.shared.update(first.sharedKey, { schemaVersion: 2, lessons: { a: lessonRecord({ q: quizRecord() }) }, reviews: { a: { q: card } } });
		const { copies, reads } = open(storage);
		assert.deepEqual(plain(copies.current().reviews), { a: { q: card } });
		assert.deepEqual(reads[0]?.problems, []);
	});

	it('ignores entries left over from an older base, and removes them when the layout starts over', async () => {
		const storage = windowStorage(new SharedState());
		const { copies } = open(storage);
		await answer(copies, 'a', 'q1');
		await answer(copies, 'b', 'q1');
		// An older release (read-only on the current version) cannot write; a hand-written version 2 value can replace the base.
		await storage.shared.update(copies.sharedKey, { schemaVersion: 2, lessons: { c: lessonRecord({ q: quizRecord() }) }, reviews: {} });
		const again = open(storage).copies;
		assert.deepEqual(Object.keys(again.current().lessons), ['c'], 'the entries belonged to the base that was replaced');
		await answer(again, 'c', 'q2');
		assert.deepEqual(storage.shared.keys().filter((k) => k.startsWith('incidentLessons.progressLesson:')), [], 'left-overs removed');
		assert.deepEqual(Object.keys(open(storage).copies.current().lessons), ['c']);
	});

	it('shows a newer version read-only and writes nothing, entries or not', async () => {
		const storage = windowStorage(new SharedState());
		const newer = { schemaVersion: CURRENT_PROGRESS_VERSION + 1, generation: 'g', lessons: { a: lessonRecord({ q: quizRecord() }) }, reviews: {}, devices: ['x'] };
		const { copies: first } = open(storage);
		await storage.shared.update(first.sharedKey, newer);
		await storage.shared.update('incidentLessons.progressLesson:b:learner', { generation: 'g', stamp: 's', somethingNew: 1 });
		const { copies, reads } = open(storage);
		assert.equal(copies.isReadOnly(), true);
		assert.deepEqual(Object.keys(copies.current().lessons), ['a']);
		assert.equal(reads[0]?.problems.length, 1);
		const updates = storage.shared.updates.length + storage.workspace.updates.length;
		assert.equal(await answer(copies, 'a', 'q2'), undefined);
		assert.equal(await copies.write(undefined, () => emptyProgress()), undefined);
		assert.equal(storage.shared.updates.length + storage.workspace.updates.length, updates);
		assert.deepEqual(copies.stored().shared, newer);
	});

	it('drops an unreadable entry with a problem, backs everything up, then starts over without it', async () => {
		const storage = windowStorage(new SharedState());
		const { copies } = open(storage);
		await answer(copies, 'a', 'q1');
		await answer(copies, 'b', 'q1');
		const key = 'incidentLessons.progressLesson:b:learner';
		const entry = storage.shared.get(key) as Record<string, unknown>;
		await storage.shared.update(key, { ...entry, lesson: { quizzes: 'garbage' } });
		const { copies: again, reads } = open(storage);
		assert.deepEqual(Object.keys(again.current().lessons), ['a']);
		assert.equal(reads[0]?.problems.length, 1);
		await answer(again, 'a', 'q2');
		assert.equal(again.backupKeys().length, 1);
		const backup = storage.workspace.get(again.backupKeys()[0] ?? '') as { entries: Record<string, { lesson: unknown }> };
		assert.deepEqual(backup.entries.b?.lesson, { quizzes: 'garbage' }, 'the backup keeps the damaged entry as it was');
		const { copies: third, reads: thirdReads } = open(storage);
		assert.deepEqual(Object.keys(third.current().lessons).sort(), ['a']);
		assert.deepEqual(thirdReads[0]?.problems, [], 'repaired');
	});

	it('reads the workspace mirror, entries included, when the shared base is missing (a workspace that changed identity)', async () => {
		const global = new SharedState();
		const workspace = new FakeMemento();
		const before = open(windowStorage(global, 'file:///home/dev/folder', workspace)).copies;
		await answer(before, 'a', 'q1');
		await answer(before, 'a', 'q2');
		const after = open(windowStorage(global, 'file:///home/dev/project.code-workspace', workspace)).copies;
		assert.deepEqual(Object.keys(after.current().lessons.a?.quizzes ?? {}).sort(), ['q1', 'q2']);
		await answer(after, 'b', 'q1');
		const shared = after.stored().shared as { lessons: Record<string, unknown> };
		assert.deepEqual(Object.keys(shared.lessons).sort(), ['a', 'b'], 'the new shared copy has everything');
	});
});

describe('progress copies: two windows on one workspace', () => {
	it('each window sees the other\'s answers, reading only the entries that changed, and neither overwrites the other', async () => {
		const global = new SharedState();
		const a = open(windowStorage(global));
		const b = open(windowStorage(global));
		await answer(a.copies, 'l', 'q1');
		assert.ok(b.copies.current().lessons.l?.quizzes.q1, 'B sees A\'s answer');
		await answer(b.copies, 'l', 'q2');
		await answer(a.copies, 'm', 'q1');
		await answer(a.copies, 'l', 'q3');
		assert.deepEqual(Object.keys(a.copies.current().lessons.l?.quizzes ?? {}).sort(), ['q1', 'q2', 'q3'], 'A wrote on top of B\'s answer');
		assert.equal(a.copies.takeChanges(), true, 'A has another window\'s change to announce');
		assert.equal(a.copies.takeChanges(), false);
		assert.deepEqual(plain(b.copies.current()), plain(a.copies.current()));
		assert.deepEqual([a.wholeReads(), b.wholeReads()], [1, 1], 'each window read storage whole once; every later change was read by entry');
	});

	it('a window on another workspace adds to the same learner\'s progress, read by entry without a whole read', async () => {
		const global = new SharedState();
		const mine = open(windowStorage(global));
		const other = open(windowStorage(global, 'file:///home/dev/other'));
		await answer(mine.copies, 'l', 'q1');
		const reads = mine.wholeReads();
		await answer(other.copies, 'l', 'q2');
		await answer(other.copies, 'm', 'q1');
		assert.deepEqual(Object.keys(mine.copies.current().lessons.l?.quizzes ?? {}).sort(), ['q1', 'q2']);
		assert.deepEqual(Object.keys(mine.copies.current().lessons).sort(), ['l', 'm']);
		assert.equal(mine.wholeReads(), reads);
		assert.equal(mine.copies.takeChanges(), true);
	});

	it('after another window\'s Reset All, an answer is stored under the new base and the mirror catches up', async () => {
		const global = new SharedState();
		const a = open(windowStorage(global));
		const bStorage = windowStorage(global);
		const b = open(bStorage);
		await answer(a.copies, 'l', 'q1');
		await answer(b.copies, 'l', 'q2');
		await a.copies.write(undefined, () => emptyProgress());
		await answer(b.copies, 'm', 'q1');
		assert.deepEqual(Object.keys(b.copies.current().lessons), ['m']);
		assert.deepEqual(Object.keys(a.copies.current().lessons), ['m']);
		assert.deepEqual(plain(open(windowStorage(new SharedState(), undefined, bStorage.workspace)).copies.current()), plain(b.copies.current()), 'B\'s mirror');
	});

	it('a whole value written over the shared base (as the test hooks do) is read whole, and the next answer adds to it', async () => {
		const global = new SharedState();
		const { copies } = open(windowStorage(global));
		const other = windowStorage(global);
		await answer(copies, 'l', 'q1');
		await answer(copies, 'l', 'q2');
		const whole = plain(copies.stored().shared) as { lessons: Record<string, { quizzes: Record<string, unknown> }> };
		assert.equal(Object.hasOwn(whole, 'generation'), false, 'a flattened copy is whole by itself');
		const lesson = whole.lessons.l;
		assert.ok(lesson);
		lesson.quizzes.q3 = quizRecord();
		await other.shared.update(copies.sharedKey, whole);
		assert.deepEqual(Object.keys(copies.current().lessons.l?.quizzes ?? {}).sort(), ['q1', 'q2', 'q3']);
		await answer(copies, 'l', 'q4');
		const stored = copies.stored().shared as typeof whole;
		assert.deepEqual(Object.keys(stored.lessons.l?.quizzes ?? {}).sort(), ['q1', 'q2', 'q3', 'q4']);
	});
});
