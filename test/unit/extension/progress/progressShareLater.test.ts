// Answers whose shared write is coalesced (src/extension/progress/progressCopies.ts `shareLater`, ./progressWrites.ts): the
// workspace copy is written at once, the shared copy once per flush; another window's change to the same lesson is
// not overwritten (the waiting answer is replayed over it); a window that closed before its flush gets its answers
// back from its workspace copy; and the flush timing. Over mementos that behave as VS Code's (./fakeMementos).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { emptyProgress, recordAnswer, resetLesson, type Progress } from '../../../../src/core/progress/progress';
import { withCard } from '../../../../src/core/reviews/reviewCards';
import { scheduleCard } from '../../../../src/core/reviews/reviewScheduler';
import { ProgressCopies } from '../../../../src/extension/progress/progressCopies';
import { ProgressWrites, type FlushTiming } from '../../../../src/extension/progress/progressWrites';
import { FakeMemento, SharedState, windowStorage } from '../../helpers/fakeMementos';
import { propertyParams } from '../../helpers/propertySeed';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const result = (quizId: string, correct: boolean): QuizResult => ({ quizId, correct, feedback: [], explain: '' });
let clock = Date.parse('2025-03-03T10:00:00.000Z');

/** An answer and its card as the lesson panel stores them, its time fixed once (so a replay records the same). */
function answerChange(lessonId: string, quizId: string, correct = true): (p: Progress) => Progress {
	const now = new Date(clock += 1000);
	return (p) => {
		const after = recordAnswer(p, lessonId, 'hash-1', result(quizId, correct), [0], now);
		return { ...after, reviews: withCard(after.reviews, lessonId, quizId, scheduleCard(undefined, correct ? 'good' : 'again', now, 'q')) };
	};
}

function answer(copies: ProgressCopies, lessonId: string, quizId: string, shareLater = true): Promise<Progress | undefined> {
	return copies.write(lessonId, answerChange(lessonId, quizId), { shareLater });
}

const open = (storage: ReturnType<typeof windowStorage>): ProgressCopies => new ProgressCopies(storage, () => undefined);
const quizzesOf = (p: Progress, lessonId: string): string[] => Object.keys(p.lessons[lessonId]?.quizzes ?? {}).sort();
/** What a window that never wrote in this workspace reads: the shared copy alone. */
const sharedOnly = (global: SharedState): Progress => open(windowStorage(global, undefined, new FakeMemento())).current();

describe('shared write later: one workspace write per answer, one shared write per flush', () => {
	it('writes each answer to the workspace copy only, then every changed lesson to the shared copy in one flush', async () => {
		const global = new SharedState();
		const storage = windowStorage(global);
		const copies = open(storage);
		await copies.write('a', answerChange('a', 'q0')); // the first write starts the layout in both copies
		const shared = storage.shared.updates.length;
		for (let n = 1; n <= 40; n++) {
			const workspace = storage.workspace.updates.length;
			await answer(copies, `lesson-${n % 8}`, `q${n}`);
			assert.equal(storage.workspace.since(workspace).length, 1, `answer ${n}: one workspaceState update`);
		}
		assert.equal(storage.shared.updates.length, shared, 'no globalState update before the flush');
		assert.equal(copies.hasUnshared(), true);
		assert.deepEqual(quizzesOf(sharedOnly(global), 'lesson-1'), [], 'another window does not see them yet');
		const workspace = storage.workspace.updates.length;
		await copies.flushShared();
		assert.deepEqual(storage.shared.since(shared).map((u) => u.key).sort(), Array.from({ length: 8 }, (_, n) => `incidentLessons.progressLesson:lesson-${n}:learner`).sort(), 'one entry per lesson changed');
		assert.equal(storage.workspace.updates.length, workspace, 'the workspace copy had them already');
		assert.equal(copies.hasUnshared(), false);
		assert.deepEqual(plain(sharedOnly(global)), plain(copies.current()), 'another window now reads everything');
		await copies.flushShared();
		assert.equal(storage.shared.updates.length, shared + 8, 'nothing left to flush');
	});

	it('a reset is written to both copies at once, and shares what was waiting in the same update', async () => {
		const global = new SharedState();
		const storage = windowStorage(global);
		const copies = open(storage);
		await copies.write('a', answerChange('a', 'q0'));
		await answer(copies, 'a', 'q1');
		await answer(copies, 'b', 'q1');
		const before = storage.shared.updates.length;
		await copies.write('a', (p) => resetLesson(p, 'a'));
		assert.equal(sharedOnly(global).lessons.a, undefined, 'the reset is shared at once');
		assert.deepEqual(quizzesOf(sharedOnly(global), 'b'), ['q1'], 'with the other lesson\'s answer');
		assert.equal(storage.shared.updates.length, before + 2);
		assert.equal(copies.hasUnshared(), false);
		assert.deepEqual(plain(sharedOnly(global)), plain(copies.current()));
		assert.equal(copies.current().lessons.a, undefined);
	});
});

describe('shared write later: two windows on one workspace', () => {
	it('an answer waiting in one window is replayed over the other window\'s change to the same lesson, never lost', async () => {
		const global = new SharedState();
		const a = open(windowStorage(global));
		const b = open(windowStorage(global));
		await a.write('l', answerChange('l', 'q0'), { shareLater: false });
		await answer(a, 'l', 'q1');
		await answer(b, 'l', 'q2', false);
		assert.deepEqual(quizzesOf(a.current(), 'l'), ['q0', 'q1', 'q2'], 'A holds its own waiting answer and B\'s');
		assert.equal(a.takeChanges(), true);
		await a.flushShared();
		assert.deepEqual(quizzesOf(b.current(), 'l'), ['q0', 'q1', 'q2'], 'B sees both after A\'s flush');
		assert.deepEqual(plain(b.current()), plain(a.current()));
		assert.deepEqual(plain(open(windowStorage(new SharedState(), undefined, (a as unknown as { workspace: { memento: FakeMemento } }).workspace.memento)).current()), plain(a.current()), 'A\'s workspace copy has the replayed lesson too');
	});

	it('a replay counts attempts and cards over the other window\'s answer to the same quiz', async () => {
		const global = new SharedState();
		const a = open(windowStorage(global));
		const b = open(windowStorage(global));
		await a.write('l', answerChange('l', 'q0'), { shareLater: false });
		await b.write('l', answerChange('l', 'q1'), { shareLater: false });
		await answer(a, 'l', 'q1');
		assert.equal(a.current().lessons.l?.quizzes.q1?.attempts, 2, 'A read B\'s answer before its own');
		await answer(b, 'l', 'q1', false);
		await a.flushShared();
		assert.equal(sharedOnly(global).lessons.l?.quizzes.q1?.attempts, 3, 'B\'s second answer, then A\'s replayed');
	});

	it('after another window\'s Reset All, a waiting answer is replayed on the new base', async () => {
		const global = new SharedState();
		const a = open(windowStorage(global));
		const b = open(windowStorage(global));
		await a.write('l', answerChange('l', 'q0'), { shareLater: false });
		await answer(a, 'm', 'q1');
		await b.write(undefined, () => emptyProgress());
		await a.flushShared();
		assert.deepEqual(Object.keys(sharedOnly(global).lessons), ['m']);
		assert.deepEqual(plain(b.current()), plain(a.current()));
	});
});

/** A window that answered q0 of lesson l, shared, then q1 (shared too when `flushed`), and a second window. */
async function answeredThenClosing(flushed: boolean): Promise<{ global: SharedState; workspace: FakeMemento; other: ProgressCopies }> {
	const global = new SharedState();
	const workspace = new FakeMemento();
	const closing = open(windowStorage(global, undefined, workspace));
	await closing.write('l', answerChange('l', 'q0'), { shareLater: false });
	await answer(closing, 'l', 'q1');
	if (flushed) {
		await closing.flushShared();
	}
	return { global, workspace, other: open(windowStorage(global)) };
}

describe('shared write later: a window that closed before its flush', () => {
	it('takes its answers back from its workspace copy at the next start, and shares them with the next flush', async () => {
		const global = new SharedState();
		const workspace = new FakeMemento();
		const closed = open(windowStorage(global, undefined, workspace));
		await closed.write('l', answerChange('l', 'q0'), { shareLater: false });
		await answer(closed, 'l', 'q1');
		await answer(closed, 'm', 'q1');
		const held = plain(closed.current());
		// closed without a flush
		const next = open(windowStorage(global, undefined, workspace));
		assert.deepEqual(plain(next.current()), held, 'nothing lost');
		assert.equal(next.hasUnshared(), true);
		assert.deepEqual(quizzesOf(sharedOnly(global), 'l'), ['q0']);
		await next.flushShared();
		assert.deepEqual(plain(sharedOnly(global)), held);
		assert.equal(open(windowStorage(global, undefined, workspace)).hasUnshared(), false, 'once shared, nothing to take back');
		assert.deepEqual(plain(open(windowStorage(global, undefined, workspace)).current()), held);
	});

	it('adds them to another window\'s change of the same lesson made before they are shared', async () => {
		const global = new SharedState();
		const workspace = new FakeMemento();
		const closed = open(windowStorage(global, undefined, workspace));
		await closed.write('l', answerChange('l', 'q0'), { shareLater: false });
		await answer(closed, 'l', 'q1');
		// closed without a flush; the next start takes q1 back, and another window answers before that is shared
		const next = open(windowStorage(global, undefined, workspace));
		assert.deepEqual(quizzesOf(next.current(), 'l'), ['q0', 'q1']);
		const other = open(windowStorage(global));
		await other.write('l', answerChange('l', 'q2'), { shareLater: false });
		assert.deepEqual(quizzesOf(next.current(), 'l'), ['q0', 'q1', 'q2']);
		assert.ok(next.current().reviews.l?.q1, 'the recovered answer keeps its card');
		await next.flushShared();
		assert.deepEqual(plain(other.current()), plain(next.current()));
	});

	it('leaves a lesson another window changed after the window closed as that window left it (a reset stays a reset)', async () => {
		const { global, workspace, other } = await answeredThenClosing(false);
		await other.write('l', (p) => resetLesson(p, 'l'));
		const next = open(windowStorage(global, undefined, workspace));
		assert.equal(next.current().lessons.l, undefined);
		assert.equal(next.hasUnshared(), false);
	});

	it('does not take back what was shared and changed since by another window', async () => {
		const { global, workspace, other } = await answeredThenClosing(true);
		await other.write('l', (p) => resetLesson(p, 'l'));
		await other.write('l', answerChange('l', 'q2'), { shareLater: false });
		const next = open(windowStorage(global, undefined, workspace));
		assert.deepEqual(quizzesOf(next.current(), 'l'), ['q2'], 'the reset lesson stays reset');
		assert.equal(next.hasUnshared(), false);
	});
});

describe('shared write later: what is stored reads back', () => {
	const id = fc.constantFrom('a', 'b', 'lesson-c');
	const quiz = fc.constantFrom('q1', 'q2');

	it('a window started from the workspace copy, with or without flushes, holds exactly what the writer holds', async (t) => {
		const step = fc.oneof(
			{ weight: 6, arbitrary: fc.record({ lessonId: id, quizId: quiz }) },
			{ weight: 1, arbitrary: fc.record({ reset: id }) },
			{ weight: 1, arbitrary: fc.constant({ resetAll: true as const }) },
			{ weight: 2, arbitrary: fc.constant({ flush: true as const }) },
		);
		await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
			const global = new SharedState();
			const workspace = new FakeMemento();
			const mine = open(windowStorage(global, undefined, workspace));
			for (const s of steps) {
				if ('flush' in s) {
					await mine.flushShared();
				} else if ('resetAll' in s) {
					await mine.write(undefined, () => emptyProgress());
				} else if ('reset' in s) {
					await mine.write(s.reset, (p) => resetLesson(p, s.reset));
				} else {
					await answer(mine, s.lessonId, s.quizId);
				}
				assert.deepEqual(plain(open(windowStorage(global, undefined, workspace)).current()), plain(mine.current()), 'the workspace copy and what the shared copy has');
			}
			await mine.flushShared();
			assert.deepEqual(plain(sharedOnly(global)), plain(mine.current()), 'the shared copy after a flush');
		}), propertyParams(t, 100));
	});

	it('with a second window writing too, every answer is kept; after a flush both windows and a new one agree', async (t) => {
		const step = fc.oneof(
			{ weight: 6, arbitrary: fc.record({ lessonId: id, quizId: quiz, other: fc.boolean() }) },
			{ weight: 1, arbitrary: fc.record({ reset: id }) },
			{ weight: 2, arbitrary: fc.constant({ flush: true as const }) },
		);
		await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
			const global = new SharedState();
			const mine = open(windowStorage(global));
			const other = open(windowStorage(global));
			const expected = new Map<string, Set<string>>();
			for (const s of steps) {
				if ('flush' in s) {
					await mine.flushShared();
				} else if ('reset' in s) {
					await mine.flushShared();
					await other.write(s.reset, (p) => resetLesson(p, s.reset));
					expected.delete(s.reset);
				} else {
					await (s.other ? other.write(s.lessonId, answerChange(s.lessonId, s.quizId)) : answer(mine, s.lessonId, s.quizId));
					expected.set(s.lessonId, (expected.get(s.lessonId) ?? new Set()).add(s.quizId));
				}
			}
			for (const [lessonId, quizzes] of expected) {
				assert.deepEqual(quizzesOf(mine.current(), lessonId), [...quizzes].sort(), `lesson ${lessonId}`);
			}
			await mine.flushShared();
			assert.deepEqual(plain(other.current()), plain(mine.current()));
			assert.deepEqual(plain(sharedOnly(global)), plain(mine.current()));
		}), propertyParams(t, 100));
	});
});

describe('progress writes: when the shared copy is written', () => {
	function fakeTiming(): FlushTiming & { advance(ms: number): void; pending(): number } {
		let now = 0;
		let timers: { at: number; run: () => void }[] = [];
		return {
			intervalMs: 1000,
			now: () => now,
			setTimer: (run, ms) => {
				const timer = { at: now + ms, run };
				timers.push(timer);
				return timer;
			},
			clearTimer: (timer) => { timers = timers.filter((t) => t !== timer); },
			advance(ms) {
				now += ms;
				const due = timers.filter((t) => t.at <= now);
				timers = timers.filter((t) => t.at > now);
				due.forEach((t) => t.run());
			},
			pending: () => timers.length,
		};
	}
	const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

	it('shares the first answer at once, then at most once per interval however many answers come', async () => {
		const global = new SharedState();
		const storage = windowStorage(global);
		const copies = open(storage);
		const timing = fakeTiming();
		const writes = new ProgressWrites(copies, (e) => assert.fail(String(e)), timing);
		await writes.write('a', answerChange('a', 'q0'));
		await writes.write('a', answerChange('a', 'q1'), { shareLater: true });
		await settle();
		timing.advance(0);
		await settle();
		assert.deepEqual(quizzesOf(sharedOnly(global), 'a'), ['q0', 'q1'], 'shared right after the answer');
		const before = storage.shared.updates.length;
		for (let n = 0; n < 50; n++) {
			await writes.write(`l${n % 5}`, answerChange(`l${n % 5}`, `q${n}`), { shareLater: true });
			timing.advance(10);
			await settle();
		}
		assert.equal(storage.shared.updates.length, before, 'no shared write within the interval');
		timing.advance(500);
		await settle();
		assert.equal(storage.shared.updates.length, before + 5, 'one flush: the five lessons changed, one entry each');
		assert.deepEqual(plain(sharedOnly(global)), plain(copies.current()));
		await writes.write('a', answerChange('a', 'q2'), { shareLater: true });
		await writes.flush();
		assert.deepEqual(plain(sharedOnly(global)), plain(copies.current()), 'a flush (as on deactivate or focus lost) shares at once');
		await writes.write('a', answerChange('a', 'q3'), { shareLater: true });
		await writes.dispose();
		assert.deepEqual(quizzesOf(sharedOnly(global), 'a'), ['q0', 'q1', 'q2', 'q3'], 'so does dispose');
		assert.equal(timing.pending(), 0, 'and nothing is left scheduled');
	});
});
