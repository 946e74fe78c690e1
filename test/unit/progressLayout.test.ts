// The split layout of stored progress (src/core/progressLayout.ts): entries laid over a base of their generation,
// left-overs and garbage, refreshing by stamp, and the flattened single value reading back the same progress.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../src/core/lesson';
import { emptyProgress, migrateProgress, recordAnswer, resetLesson, type Progress } from '../../src/core/progress';
import { baseGeneration, baseValue, entryValue, flattenStored, readLaidOut, refreshLaidOut } from '../../src/core/progressLayout';
import { propertyParams } from './propertySeed';

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
		assert.equal(baseGeneration({ schemaVersion: 2, generation: 'g1' }), undefined, 'only a version 3 value has entries');
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
