// The split layout of stored progress (src/core/progress/progressLayout.ts): entries laid over a base of their generation,
// left-overs and garbage, refreshing by stamp, and the flattened single value reading back the same progress.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { emptyProgress, lessonParts, migrateProgress, recordAnswer, resetLesson, type Progress } from '../../../../src/core/progress/progress';
import { baseGeneration, baseValue, entryMarks, entryValue, flattenStored, readLaidOut, refreshLaidOut } from '../../../../src/core/progress/progressLayout';
import { addUnsharedAnswers } from '../../../../src/core/progress/progressMerge';
import { propertyParams } from '../../helpers/propertySeed';

const T = new Date('2025-03-03T10:00:00.000Z');
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const result = (quizId: string, correct = true): QuizResult => ({ quizId, correct, feedback: [], explain: '' });
const answered = (p: Progress, lessonId: string, quizId: string): Progress => recordAnswer(p, lessonId, 'h', result(quizId), [0], T);

/** A stored base of generation `g` holding `p`, and the stored entries of `lessons` from `q`. */
function stored(p: Progress, q: Progress, lessons: string[], g = 'g1'): { base: unknown; entries: [string, unknown][] } {
	return { base: plain(baseValue(p, g)), entries: lessons.map((id, n) => [id, plain(entryValue(q, id, g, `s${n}`))]) };
}

describe('the split layout', () => {
	it('lays entries of the base\'s generation over it: a changed lesson, a new one, a reset one', () => {
		const base = answered(answered(emptyProgress(), 'a', 'q1'), 'b', 'q1');
		const now = resetLesson(answered(answered(base, 'a', 'q2'), 'c', 'q1'), 'b');
		const { base: raw, entries } = stored(base, now, ['a', 'b', 'c']);
		const read = readLaidOut(raw, entries);
		assert.deepEqual(plain(read.progress), plain(now));
		assert.deepEqual(read.problems, []);
		assert.equal(read.generation, 'g1');
		assert.deepEqual([...read.stamps], [['a', 's0'], ['b', 's1'], ['c', 's2']]);
	});

	it('ignores entries of another generation, and every entry beside a base without one', () => {
		const base = answered(emptyProgress(), 'a', 'q1');
		const { entries } = stored(base, answered(base, 'a', 'q2'), ['a'], 'g0');
		assert.deepEqual(plain(readLaidOut(plain(baseValue(base, 'g1')), entries).progress), plain(base));
		const whole = { schemaVersion: 2, lessons: plain(base.lessons), reviews: {} };
		const read = readLaidOut(whole, entries);
		assert.equal(read.generation, undefined);
		assert.deepEqual(plain(read.progress), plain(base));
		assert.equal(baseGeneration({ schemaVersion: 2, generation: 'g1' }), undefined, 'only a value of version 3 or later has entries');
	});

	it('drops garbage entries and unreadable lessons with a problem each, keeping the rest', () => {
		const base = answered(emptyProgress(), 'a', 'q1');
		const raw = plain(baseValue(base, 'g'));
		const read = readLaidOut(raw, [
			['a', 'garbage'],
			['__proto__', { generation: 'g', stamp: 's', lesson: plain(base.lessons.a) }],
			['b', { generation: 'g', stamp: 's', lesson: { quizzes: 7 } }],
			['c', { generation: 'g', stamp: 'x'.repeat(65) }],
		]);
		assert.deepEqual(Object.keys(read.progress.lessons), ['a'], 'the base\'s record of a stays');
		assert.equal(read.problems.length, 4);
		assert.equal(({} as Record<string, unknown>).quizzes, undefined);
	});

	it('refreshes by reading only the entries whose stamp changed', () => {
		const base = answered(emptyProgress(), 'a', 'q1');
		const { base: raw, entries } = stored(base, answered(answered(base, 'a', 'q2'), 'b', 'q1'), ['a', 'b']);
		const current = readLaidOut(raw, entries);
		// An entry with a known stamp is taken as read, even if it would not pass the checks now: it is not read again.
		const unchanged = readLaidOut(raw, entries);
		const refreshed = refreshLaidOut(unchanged, [['a', { generation: 'g1', stamp: 's0', lesson: 'not read' }], entries[1] ?? ['b', undefined]]);
		assert.equal(refreshed?.changed, false);
		assert.equal(refreshed?.laidOut.progress, unchanged.progress);
		const later = answered(current.progress, 'c', 'q1');
		const more = refreshLaidOut(current, [...entries, ['c', plain(entryValue(later, 'c', 'g1', 'new'))]]);
		assert.equal(more?.changed, true);
		assert.deepEqual(plain(more?.laidOut.progress), plain(later));
		assert.equal(more?.laidOut.stamps.get('c'), 'new');
		assert.equal(current.stamps.has('c'), false, 'the input is not changed');
	});

	it('asks for a whole read when an entry went away, turned to garbage or to another generation', () => {
		const base = answered(emptyProgress(), 'a', 'q1');
		const { base: raw, entries } = stored(base, answered(base, 'b', 'q1'), ['a', 'b']);
		const current = readLaidOut(raw, entries);
		assert.equal(refreshLaidOut(current, entries.slice(1)), undefined);
		assert.equal(refreshLaidOut(current, [entries[0] ?? ['a', undefined], ['b', 'garbage']]), undefined);
		assert.equal(refreshLaidOut(current, [entries[0] ?? ['a', undefined], ['b', { generation: 'g0', stamp: 'other' }]]), undefined);
		assert.ok(refreshLaidOut(current, [...entries, ['z', { generation: 'g0', stamp: 'left over' }]]), 'a left-over of another base is ignored');
	});

	it('flattens a copy to one value that reads back as the same progress, and is whole by itself', (t) => {
		const id = fc.constantFrom('a', 'b', 'c');
		fc.assert(fc.property(fc.array(fc.tuple(id, fc.constantFrom('q1', 'q2'), fc.boolean()), { maxLength: 12 }), fc.array(id, { maxLength: 3 }), (answers, resets) => {
			const base = answers.slice(0, answers.length / 2).reduce((p, [l, q]) => answered(p, l, q), emptyProgress());
			let now = answers.slice(answers.length / 2).reduce((p, [l, q]) => answered(p, l, q), base);
			now = resets.reduce((p, l) => resetLesson(p, l), now);
			const { base: raw, entries } = stored(base, now, ['a', 'b', 'c']);
			const flat = flattenStored(raw, entries);
			assert.deepEqual(plain(migrateProgress(flat).progress), plain(now));
			assert.deepEqual(plain(readLaidOut(flat, entries).progress), plain(now), 'entries do not apply to it again');
			assert.deepEqual(plain(readLaidOut(raw, entries).progress), plain(now));
		}), propertyParams(t));
	});

	it('flattens anything but a split-layout base to itself', () => {
		for (const value of [undefined, null, 'x', { schemaVersion: 2, lessons: {} }, { schemaVersion: 9, generation: 'g' }]) {
			assert.equal(flattenStored(value, [['a', { generation: 'g', stamp: 's' }]]), value);
		}
	});
});

describe('answers a window never shared (core/progressMerge)', () => {
	const at = (ms: number): Date => new Date(T.getTime() + ms);
	const answeredAt = (p: Progress, lessonId: string, quizId: string, ms: number): Progress => recordAnswer(p, lessonId, 'h', result(quizId), [0], at(ms));
	const started = answeredAt(emptyProgress(), 'l', 'q0', 0);

	it('adds the answers given since `since` to the other window\'s lesson, unless it answered the quiz later', () => {
		const ours = lessonParts(answeredAt(answeredAt(started, 'l', 'q1', 10), 'l', 'q2', 20), 'l');
		const theirs = lessonParts(answeredAt(answeredAt(started, 'l', 'q3', 15), 'l', 'q2', 30), 'l');
		const { parts, took } = addUnsharedAnswers(ours, theirs, T.getTime() + 10);
		assert.equal(took, true);
		assert.deepEqual(Object.keys(parts.lesson?.quizzes ?? {}).sort(), ['q0', 'q1', 'q2', 'q3']);
		assert.equal(parts.lesson?.quizzes.q2?.answeredAt, at(30).toISOString(), 'their later answer to q2 stands');
		assert.equal(parts.lesson?.updatedAt, at(30).toISOString());
		assert.equal(parts.lesson?.startedAt, T.toISOString());
	});

	it('takes nothing over a reset lesson, or one restarted after the answer', () => {
		const ours = lessonParts(answeredAt(started, 'l', 'q1', 10), 'l');
		assert.equal(addUnsharedAnswers(ours, { lesson: undefined, cards: undefined }, T.getTime() + 10).took, false);
		const restarted = lessonParts(answeredAt(emptyProgress(), 'l', 'q2', 20), 'l');
		assert.deepEqual(addUnsharedAnswers(ours, restarted, T.getTime() + 10), { parts: restarted, took: false });
	});

	it('keeps answers to a lesson both windows started at about the same time', () => {
		const ours = lessonParts(answeredAt(emptyProgress(), 'l', 'q1', 10), 'l');
		const theirs = lessonParts(answeredAt(emptyProgress(), 'l', 'q2', 20), 'l');
		const { parts } = addUnsharedAnswers(ours, theirs, T.getTime() + 10);
		assert.deepEqual(Object.keys(parts.lesson?.quizzes ?? {}).sort(), ['q1', 'q2']);
	});

	it('reads the mark of an entry not yet shared, and ignores a damaged one', () => {
		const entry = plain(entryValue(started, 'l', 'g1', 's1', { base: 's0', since: 5 }));
		assert.deepEqual(entryMarks(entry, 'g1'), { stamp: 's1', unshared: { base: 's0', since: 5 } });
		assert.deepEqual(entryMarks({ ...(entry as object), unshared: { base: 7, since: 'x' } }, 'g1'), { stamp: 's1', unshared: undefined });
		assert.equal(entryMarks(entry, 'g2'), undefined);
		assert.deepEqual(plain(readLaidOut(plain(baseValue(emptyProgress(), 'g1')), [['l', entry]]).progress), plain(started), 'the mark is not progress');
	});
});
