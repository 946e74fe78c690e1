// Schema version 4: answers and review cards stored compactly (src/core/progress/compactRecords.ts). Any progress reads back
// exactly as it was written, from a base, from entries and flattened; a version 3 layout (base, entries, unshared
// marks) is read as it is and rewritten in version 4 with the next write; the stored size on a realistic history;
// damaged compact fields dropped or repaired one by one, the rest kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { CURRENT_PROGRESS_VERSION } from '../../../../src/core/progress/migrations';
import { createRecord } from '../../../../src/core/shared/records';
import { emptyProgress, migrateProgress, recordAnswer, type LessonProgress, type Progress, type QuizProgress } from '../../../../src/core/progress/progress';
import { baseValue, entryValue, flattenStored, readLaidOut } from '../../../../src/core/progress/progressLayout';
import { cardOf, withCard, type ReviewCard } from '../../../../src/core/reviews/reviewCards';
import { scheduleCard } from '../../../../src/core/reviews/reviewScheduler';
import { ProgressCopies, PROGRESS_KEY } from '../../../../src/extension/progress/progressCopies';
import { LEARNER_SCOPE } from '../../../../src/extension/progress/storedCopy';
import { FakeMemento, SharedState, windowStorage } from '../../helpers/fakeMementos';
import { propertyParams } from '../../helpers/propertySeed';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const T = Date.parse('2025-03-03T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/);
const hash = fc.string({ maxLength: 20 });
const time = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
const count = fc.nat({ max: 1_000_000 });

/** A record of `value` by id (null-prototype, as the reader makes them). */
function recordOf<T>(value: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<Record<string, T>> {
	return fc.uniqueArray(fc.tuple(id, value), { maxLength, selector: ([key]) => key }).map((pairs) => Object.assign(createRecord<T>(), Object.fromEntries(pairs)));
}

/**
 * Any lesson record the reader can give: every answer's own hash the lesson's, another one or none (kept before
 * hashes were kept per answer), with or without a lesson hash.
 */
const lesson: fc.Arbitrary<LessonProgress> = fc.record({
	contentHash: fc.option(hash, { nil: undefined }),
	quizzes: recordOf(fc.record({
		correct: fc.boolean(), answer: fc.array(fc.nat({ max: 31 }), { maxLength: 6 }), attempts: fc.integer({ min: 1, max: 1e9 }), answeredAt: time,
		hash: fc.oneof(fc.constant('lesson' as const), fc.constant(undefined), hash),
	}), 5),
	startedAt: time, updatedAt: time,
}).map(({ contentHash, quizzes, startedAt, updatedAt }) => {
	const answers = createRecord<QuizProgress>();
	for (const [quizId, { hash: own, ...quiz }] of Object.entries(quizzes)) {
		const ownHash = own === 'lesson' ? contentHash : own;
		answers[quizId] = { ...quiz, ...(ownHash !== undefined ? { contentHash: ownHash } : {}) };
	}
	return { quizzes: answers, ...(contentHash !== undefined ? { contentHash } : {}), startedAt, updatedAt };
});

const card: fc.Arbitrary<ReviewCard> = fc.record({
	due: time, stability: fc.double({ min: 0, max: 1e6, noNaN: true }), difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
	scheduledDays: count, learningSteps: count, reps: count, lapses: count, state: fc.constantFrom('new', 'learning', 'review', 'relearning'),
	lastReview: time, lastRating: fc.constantFrom('again', 'hard', 'good', 'easy'), createdAt: time, quizHash: hash,
}, { requiredKeys: ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'createdAt', 'quizHash'] });

const progress: fc.Arbitrary<Progress> = fc.record({ lessons: recordOf(lesson, 6), reviews: recordOf(recordOf(card, 4), 4) })
	.map(({ lessons, reviews }) => ({ ...emptyProgress(), lessons, reviews }));

/** Every lesson of `p`, with or without cards, as entries of generation `g` over an empty base. */
function asEntries(p: Progress, g = 'g'): { base: unknown; entries: [string, unknown][] } {
	const ids = new Set([...Object.keys(p.lessons), ...Object.keys(p.reviews)]);
	return { base: plain(baseValue(emptyProgress(), g)), entries: [...ids].map((lessonId, n) => [lessonId, plain(entryValue(p, lessonId, g, `s${n}`))]) };
}

describe('compact records (schema version 4): reading back what was written', () => {
	it('reads any progress back exactly, from a base, from entries and flattened', (t) => {
		fc.assert(fc.property(progress, (p) => {
			const fromBase = readLaidOut(plain(baseValue(p, 'g')), []);
			assert.deepEqual(plain(fromBase.progress), plain(p));
			assert.deepEqual(fromBase.problems, []);
			const { base, entries } = asEntries(p);
			const fromEntries = readLaidOut(base, entries);
			assert.deepEqual(plain(fromEntries.progress), plain(p));
			assert.deepEqual(fromEntries.problems, []);
			assert.deepEqual(plain(migrateProgress(plain(flattenStored(base, entries))).progress), plain(p));
		}), propertyParams(t));
	});

	it('stores answers and cards as arrays of their fields, times as milliseconds, an answer\'s hash only where it is not the lesson\'s', () => {
		let p = recordAnswer(emptyProgress(), 'l', 'h1', result('q1', true), [1], new Date(T));
		p = recordAnswer(p, 'l', 'h2', result('q2', false), [0, 2], new Date(T + 1000));
		p = { ...p, reviews: withCard(p.reviews, 'l', 'q2', scheduleCard(undefined, 'again', new Date(T + 1000), 'qh')) };
		const due = Date.parse(cardOf(p.reviews, 'l', 'q2')?.due ?? '');
		assert.deepEqual(plain(entryValue(p, 'l', 'g', 's')), {
			generation: 'g', stamp: 's',
			lesson: { quizzes: { q1: [true, [1], 1, T, 'h1'], q2: [false, [0, 2], 1, T + 1000] }, contentHash: 'h2', startedAt: T, updatedAt: T + 1000 },
			reviews: { q2: [due, cardOf(p.reviews, 'l', 'q2')?.stability, cardOf(p.reviews, 'l', 'q2')?.difficulty, 0, 0, 1, 0, 'learning', T + 1000, 'again', T + 1000, 'qh'] },
		});
		const legacy = migrateProgress({ schemaVersion: 1, lessons: { l: { quizzes: { q: { correct: true, answer: [0], attempts: 2, answeredAt: iso(T) } }, contentHash: 'h', startedAt: iso(T), updatedAt: iso(T) } } }).progress;
		assert.deepEqual((plain(baseValue(legacy, 'g')) as { lessons: unknown }).lessons, { l: { quizzes: { q: [true, [0], 2, T, null] }, contentHash: 'h', startedAt: T, updatedAt: T } },
			'an answer kept before hashes were kept per answer has none of its own (null), not the lesson\'s');
	});

	it('is at most 55 % of the version 3 size for 300 lessons with 3 to 5 answered quizzes each, and their cards', () => {
		const p = realisticHistory(300);
		const v3 = { schemaVersion: 3, generation: 'g', lessons: p.lessons, reviews: p.reviews };
		const v3Entry = (lessonId: string): unknown => ({ generation: 'g', stamp: 's', lesson: p.lessons[lessonId], reviews: p.reviews[lessonId] });
		const size = (value: unknown): number => JSON.stringify(value).length;
		const ids = Object.keys(p.lessons);
		const entries = { v3: ids.reduce((n, l) => n + size(v3Entry(l)), 0), v4: ids.reduce((n, l) => n + size(entryValue(p, l, 'g', 's')), 0) };
		assert.ok(entries.v4 <= 0.55 * entries.v3, `entries: ${entries.v4} bytes, ${entries.v3} in version 3`);
		assert.ok(size(baseValue(p, 'g')) <= 0.55 * size(v3), `base: ${size(baseValue(p, 'g'))} bytes, ${size(v3)} in version 3`);
	});
});

/** 300 lessons answered quiz by quiz over weeks, each answer with its card, as the lesson panel stores them. */
function realisticHistory(lessons: number): Progress {
	let p = emptyProgress();
	let now = T;
	for (let l = 0; l < lessons; l++) {
		const lessonId = `incident-lesson-${l}`;
		for (let q = 0; q < 3 + (l % 3); q++) {
			now += 20_000 + ((l * 7 + q * 13) % 50) * 1000;
			const correct = (l + q) % 4 !== 0;
			const quizId = `q${q + 1}-first-response`;
			p = recordAnswer(p, lessonId, 'a1b2c3d4e5f60718', result(quizId, correct), [q % 4], new Date(now));
			p = { ...p, reviews: withCard(p.reviews, lessonId, quizId, scheduleCard(undefined, correct ? 'good' : 'again', new Date(now), `${quizId}-${l}`)) };
		}
	}
	return p;
}

function result(quizId: string, correct: boolean): QuizResult {
	return { quizId, correct, feedback: [], explain: '' };
}

describe('compact records: damage', () => {
	const good = [true, [0], 1, T] as const;
	const goodCard = [T, 2.3, 5.1, 2, 0, 1, 0, 'review', T, 'good', T, 'qh'] as const;

	it('drops each damaged answer or card with a problem naming it, repairs damaged lesson times, and keeps the rest', () => {
		const raw = {
			schemaVersion: CURRENT_PROGRESS_VERSION,
			lessons: {
				l: {
					quizzes: {
						ok: good, 'own-hash': [...good, 'other'], 'no-hash': [...good, null], 'newer-fields': [...good, 'h', 'more'],
						'bad-time': [true, [0], 1, 'yesterday'], 'far-time': [true, [0], 1, 1e300], 'not-whole-ms': [true, [0], 1, T + 0.5],
						short: [true, [0]], 'bad-answer': [true, [99], 1, T], 'no-answer': [true, null, 1, T], object: { correct: true },
					},
					contentHash: 'h', startedAt: 'soon', updatedAt: null,
				},
				m: { quizzes: [good] },
			},
			reviews: {
				l: {
					ok: goodCard, 'no-last': [T, 2.3, 5.1, 2, 0, 1, 0, 'review', null, null, T, 'qh'],
					'bad-state': goodCard.map((v, i) => (i === 7 ? 'asleep' : v)), 'bad-last-review': goodCard.map((v, i) => (i === 8 ? 'x' : v)),
					'bad-due': goodCard.map((v, i) => (i === 0 ? -1e20 : v)), short: goodCard.slice(0, 11), number: 7,
				},
			},
		};
		const { progress: read, problems } = migrateProgress(plain(raw));
		const l = read.lessons.l;
		assert.deepEqual(Object.keys(l?.quizzes ?? {}).sort(), ['newer-fields', 'no-hash', 'ok', 'own-hash']);
		assert.equal(l?.quizzes.ok?.contentHash, 'h', 'the lesson\'s hash');
		assert.equal(l?.quizzes['own-hash']?.contentHash, 'other');
		assert.equal(l?.quizzes['no-hash']?.contentHash, undefined);
		assert.equal(l?.quizzes.object, undefined, 'an object without the fields of an answer is dropped too');
		assert.deepEqual([l?.startedAt, l?.updatedAt], [iso(T), iso(T)], 'repaired from the answers');
		assert.equal(read.lessons.m, undefined);
		assert.deepEqual(Object.keys(read.reviews.l ?? {}).sort(), ['no-last', 'ok']);
		assert.equal(read.reviews.l?.['no-last']?.lastReview, undefined);
		for (const name of ['bad-time', 'far-time', 'not-whole-ms', 'short', 'bad-answer', 'no-answer', 'bad-state', 'bad-last-review', 'bad-due', 'number']) {
			assert.ok(problems.some((m) => m.includes(`"${name}"`)), `a problem names ${name}`);
		}
		assert.ok(problems.some((m) => m.includes('start or update time of lesson "l"')));
		assert.ok(problems.some((m) => m.includes('lesson "m"')));
	});
});

describe('compact records: a version 3 layout', () => {
	const answerAt = (p: Progress, lessonId: string, quizId: string, ms: number): Progress => {
		const after = recordAnswer(p, lessonId, 'h', result(quizId, true), [0], new Date(ms));
		return { ...after, reviews: withCard(after.reviews, lessonId, quizId, scheduleCard(undefined, 'good', new Date(ms), 'q')) };
	};
	/** Lesson entries as the previous release wrote them: the records themselves, as JSON. */
	const v3Entry = (p: Progress, lessonId: string, stamp: string, unshared?: { base: string; since: number }): unknown =>
		plain({ generation: 'g3', stamp, lesson: p.lessons[lessonId], reviews: p.reviews[lessonId], ...(unshared ? { unshared } : {}) });

	it('reads a version 3 base and its entries as they are, marked to be laid out again', (t) => {
		fc.assert(fc.property(progress, progress, (base, now) => {
			const ids = [...new Set([...Object.keys(now.lessons), ...Object.keys(now.reviews)])];
			const read = readLaidOut(plain({ schemaVersion: 3, generation: 'g3', lessons: base.lessons, reviews: base.reviews }), ids.map((l, n) => [l, v3Entry(now, l, `s${n}`)]));
			const expected = { ...base, lessons: { ...base.lessons }, reviews: { ...base.reviews } };
			for (const l of ids) {
				Object.assign(expected.lessons, { [l]: now.lessons[l] });
				Object.assign(expected.reviews, { [l]: now.reviews[l] });
			}
			assert.deepEqual(plain(read.progress), plain(expected));
			assert.deepEqual(read.problems, []);
			assert.equal(read.olderLayout, true);
			assert.equal(read.generation, 'g3');
			assert.equal(readLaidOut(plain(baseValue(read.progress, 'g4')), []).olderLayout, false);
		}), propertyParams(t, 100));
	});

	it('takes back an answer the previous release left unshared, and the first write lays both copies out in version 4', async () => {
		const global = new SharedState();
		const workspace = new FakeMemento();
		const storage = windowStorage(global, undefined, workspace);
		const shared = answerAt(answerAt(emptyProgress(), 'a', 'q1', T), 'b', 'q1', T + 1000);
		const unshared = answerAt(shared, 'a', 'q2', T + 2000);
		const key = (lessonId: string, suffix: string): string => `incidentLessons.progressLesson:${lessonId}${suffix}`;
		const v3Base = plain({ schemaVersion: 3, generation: 'g3', lessons: {}, reviews: {} });
		await storage.shared.update(`incidentLessons.progress:${LEARNER_SCOPE}`, v3Base);
		await workspace.update(PROGRESS_KEY, v3Base);
		for (const [n, lessonId] of ['a', 'b'].entries()) {
			await storage.shared.update(key(lessonId, `:${LEARNER_SCOPE}`), v3Entry(shared, lessonId, `s${n}`));
			await workspace.update(key(lessonId, ''), v3Entry(shared, lessonId, `s${n}`));
		}
		await workspace.update(key('a', ''), v3Entry(unshared, 'a', 'w1', { base: 's0', since: T + 2000 }));

		const copies = new ProgressCopies(storage, () => undefined);
		assert.deepEqual(plain(copies.current()), plain(unshared), 'the unshared answer is taken back');
		assert.equal(copies.hasUnshared(), true);
		await copies.flushShared();
		for (const memento of [storage.shared, workspace]) {
			const base = memento.get(memento === workspace ? PROGRESS_KEY : `incidentLessons.progress:${LEARNER_SCOPE}`) as { schemaVersion: number; lessons: Record<string, { startedAt: unknown }> };
			assert.equal(base.schemaVersion, CURRENT_PROGRESS_VERSION);
			assert.equal(base.lessons.a?.startedAt, T, 'compact');
			assert.deepEqual(memento.keys().filter((k) => k.startsWith('incidentLessons.progressLesson:')), [], 'the version 3 entries are gone');
		}
		assert.deepEqual(plain(new ProgressCopies(windowStorage(global, undefined, new FakeMemento()), () => undefined).current()), plain(unshared));
		const next = new ProgressCopies(windowStorage(global, undefined, workspace), () => undefined);
		await next.write('b', (p) => answerAt(p, 'b', 'q2', T + 3000));
		assert.equal(global.window().keys().filter((k) => k.startsWith('incidentLessons.progressLesson:')).length, 1, 'then an answer writes one entry');
	});
});
