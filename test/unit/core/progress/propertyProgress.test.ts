// Stored progress of any age or state: the migration table, v1 → current, the unversioned layout, garbage,
// huge values and data from a newer release; and answers kept, but marked, when a lesson's quizzes change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { CURRENT_PROGRESS_VERSION, PROGRESS_MIGRATIONS, UNVERSIONED_PROGRESS } from '../../../../src/core/progress/migrations';
import { emptyProgress, lessonStatus, migrateProgress, outdatedQuizIds, PROGRESS_SCHEMA_VERSION, recordAnswer, resetLesson, type Progress } from '../../../../src/core/progress/progress';
import { propertyParams } from '../../helpers/propertySeed';

/** Plain-object view (records are null-prototype objects). */
function plain(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

/** Empty progress of the current version holding `lessons`. */
function emptyProgressWith(lessons: Progress['lessons']): Progress {
	return { ...emptyProgress(), lessons };
}

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/);
const hash = fc.stringMatching(/^[0-9a-f]{16}$/);
const time = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });
const step = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ lessonId: id, quizId: id, correct: fc.boolean(), answer: fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 5 }), hash, time }) },
	{ weight: 1, arbitrary: fc.record({ reset: id }) },
);

/** Valid progress, made the only way the extension makes it: a sequence of answers and resets. */
const validProgress = fc.array(step, { maxLength: 25 }).map((steps) => steps.reduce<Progress>((p, s) => {
	if ('reset' in s) {
		return resetLesson(p, s.reset);
	}
	const result: QuizResult = { quizId: s.quizId, correct: s.correct, feedback: [], explain: '' };
	return recordAnswer(p, s.lessonId, s.hash, result, s.answer, s.time);
}, emptyProgress()));

const POLLUTION = ['__proto__', 'constructor', 'prototype', 'toString'];
const garbage = fc.anything({ withNullPrototype: true, withBigInt: false, maxDepth: 3, key: fc.oneof(fc.string(), fc.constantFrom(...POLLUTION)) });

describe('the migration table', () => {
	it('has a step from every older version, and none beyond the current one', () => {
		for (let version = UNVERSIONED_PROGRESS; version < CURRENT_PROGRESS_VERSION; version++) {
			assert.equal(typeof PROGRESS_MIGRATIONS[version], 'function', `a migration from version ${version}`);
		}
		assert.ok(Object.keys(PROGRESS_MIGRATIONS).map(Number).every((v) => v < CURRENT_PROGRESS_VERSION));
		assert.equal(PROGRESS_SCHEMA_VERSION, CURRENT_PROGRESS_VERSION);
	});

	it('reads the current version unchanged (the identity migration)', (t) => {
		fc.assert(fc.property(validProgress, (progress) => {
			const stored = plain(progress);
			const { progress: read, problems, readOnly } = migrateProgress(stored);
			assert.deepEqual(plain(read), stored);
			assert.deepEqual(problems, []);
			assert.equal(readOnly, false);
		}), propertyParams(t));
	});

	it('upgrades version 1, as release 0.1.0 stored it, to the current version with every answer kept', (t) => {
		fc.assert(fc.property(validProgress, (progress) => {
			// Version 1 had the lessons only; later versions add fields beside them.
			const { lessons } = plain(progress) as { lessons: unknown };
			const { progress: read, problems, readOnly } = migrateProgress({ schemaVersion: 1, lessons });
			assert.equal(read.schemaVersion, CURRENT_PROGRESS_VERSION);
			assert.deepEqual(plain(read.lessons), lessons);
			assert.deepEqual(plain(read), plain(emptyProgressWith(read.lessons)), 'nothing but the lessons carried over, the rest at its defaults');
			assert.deepEqual(problems, []);
			assert.equal(readOnly, false);
			assert.deepEqual(plain(migrateProgress(plain(read)).progress), plain(read), 'and is then current');
		}), propertyParams(t));
	});

	it('upgrades the unversioned layout, with or without its envelope, to the current one', (t) => {
		fc.assert(fc.property(validProgress.filter((p) => Object.keys(p.lessons).length > 0), fc.boolean(), (progress, withEnvelope) => {
			const { lessons } = plain(progress) as { lessons: Record<string, unknown> };
			const { progress: read, problems, readOnly } = migrateProgress(withEnvelope ? { lessons } : lessons);
			assert.deepEqual(plain(read), plain(progress));
			assert.equal(problems.length, 1, 'the upgrade is logged once');
			assert.equal(readOnly, false);
			assert.deepEqual(migrateProgress(plain(read)).problems, [], 'and is then current');
		}), propertyParams(t));
	});
});

describe('corrupt and foreign stored progress', () => {
	it('never throws, and what it returns reads back unchanged', (t) => {
		fc.assert(fc.property(fc.oneof(garbage, fc.record({ schemaVersion: fc.oneof(fc.constant(1), garbage), lessons: garbage })), (raw) => {
			const { progress, problems } = migrateProgress(raw);
			assert.ok(Array.isArray(problems) && problems.every((p) => typeof p === 'string'));
			const again = migrateProgress(plain(progress));
			assert.deepEqual(plain(again.progress), plain(progress));
			assert.deepEqual(again.problems, []);
			assert.equal(({} as Record<string, unknown>).quizzes, undefined, 'Object.prototype untouched');
		}), propertyParams(t, 300));
	});

	it('keeps every valid entry when garbage is mixed in, and drops only the garbage', (t) => {
		fc.assert(fc.property(validProgress, fc.uniqueArray(fc.tuple(fc.oneof(id, fc.constantFrom(...POLLUTION)), garbage), { maxLength: 5, selector: ([key]) => key }), (progress, junk) => {
			const stored = plain(progress) as { schemaVersion: number; lessons: Record<string, { quizzes: Record<string, unknown> }> };
			const ids = new Set(Object.keys(stored.lessons));
			const target = Object.values(stored.lessons)[0];
			for (const [key, value] of junk) {
				if (target && !Object.hasOwn(target.quizzes, key)) {
					Object.defineProperty(target.quizzes, `${key}-junk`, { value, enumerable: true });
				}
				if (!ids.has(key)) {
					Object.defineProperty(stored.lessons, key, { value, enumerable: true, configurable: true });
				}
			}
			const read = plain(migrateProgress(stored).progress) as typeof stored;
			for (const [lessonId, lesson] of Object.entries((plain(progress) as typeof stored).lessons)) {
				for (const [quizId, quiz] of Object.entries(lesson.quizzes)) {
					assert.deepEqual(read.lessons[lessonId]?.quizzes[quizId], quiz, `${lessonId}/${quizId} kept`);
				}
			}
		}), propertyParams(t));
	});

	it('reads data from a newer release read-only, keeping what it understands', () => {
		const newer = { schemaVersion: CURRENT_PROGRESS_VERSION + 1, lessons: { a: { quizzes: { q: { correct: true, answer: [0], attempts: 1, answeredAt: '2025-01-01T00:00:00.000Z', confidence: 0.9 } }, startedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' } }, devices: ['x'] };
		const { progress, readOnly, problems } = migrateProgress(newer);
		assert.equal(readOnly, true);
		assert.equal(progress.lessons.a?.quizzes.q?.correct, true);
		assert.equal(problems.length, 1);
	});

	it('handles huge values quickly: drops the oversized, keeps the rest', () => {
		const when = '2025-01-01T00:00:00.000Z';
		const quiz = { correct: true, answer: [0], attempts: 1, answeredAt: when };
		const lessons: Record<string, unknown> = {};
		for (let i = 0; i < 50_000; i++) {
			lessons[`lesson-${i}`] = { quizzes: { q: quiz }, startedAt: when, updatedAt: when };
		}
		lessons['huge-answer'] = { quizzes: { q: { ...quiz, answer: Array.from({ length: 1_000_000 }, () => 0) } }, startedAt: when, updatedAt: when };
		lessons['huge-hash'] = { quizzes: { q: quiz }, contentHash: 'h'.repeat(10_000_000), startedAt: when, updatedAt: when };
		lessons['x'.repeat(100_000)] = { quizzes: { q: quiz }, startedAt: when, updatedAt: when };
		lessons['huge-attempts'] = { quizzes: { q: { ...quiz, attempts: 1e300 } }, startedAt: when, updatedAt: when };
		const started = Date.now();
		const { progress, problems } = migrateProgress({ schemaVersion: 1, lessons });
		assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
		assert.equal(Object.keys(progress.lessons).length, 50_003);
		assert.deepEqual(Object.keys(progress.lessons['huge-answer']?.quizzes ?? {}), []);
		assert.equal(progress.lessons['huge-hash']?.contentHash, undefined);
		assert.deepEqual(Object.keys(progress.lessons['huge-attempts']?.quizzes ?? {}), []);
		assert.equal(problems.length, 4);
	});
});

describe('answers to a lesson whose quizzes changed', () => {
	const result = (quizId: string, correct: boolean): QuizResult => ({ quizId, correct, feedback: [], explain: '' });
	const T = new Date('2025-01-01T00:00:00Z');

	it('are kept and counted, but marked until answered again', () => {
		let p = emptyProgress();
		for (const q of ['a', 'b', 'c']) {
			p = recordAnswer(p, 'l', 'old', result(q, true), [0], T);
		}
		assert.equal(lessonStatus(['a', 'b', 'c'], p.lessons.l, 80).status, 'passed');
		assert.deepEqual(outdatedQuizIds(['a', 'b', 'c'], 'old', p.lessons.l), []);
		assert.deepEqual(outdatedQuizIds(['a', 'b', 'c'], 'new', p.lessons.l), ['a', 'b', 'c'], 'the quizzes changed');
		p = recordAnswer(p, 'l', 'new', result('a', true), [1], T);
		assert.deepEqual(outdatedQuizIds(['a', 'b', 'c'], 'new', p.lessons.l), ['b', 'c'], 'one new answer does not vouch for the others');
		assert.equal(lessonStatus(['a', 'b', 'c'], p.lessons.l, 80).status, 'passed', 'kept and counted');
		p = recordAnswer(recordAnswer(p, 'l', 'new', result('b', true), [0], T), 'l', 'new', result('c', false), [0], T);
		assert.deepEqual(outdatedQuizIds(['a', 'b', 'c'], 'new', p.lessons.l), []);
	});

	it('marks records written before hashes were kept per answer by the lesson hash', () => {
		const legacy = migrateProgress({ schemaVersion: 1, lessons: { l: { quizzes: { a: { correct: true, answer: [0], attempts: 1, answeredAt: T.toISOString() }, b: { correct: true, answer: [0], attempts: 1, answeredAt: T.toISOString() } }, contentHash: 'old', startedAt: T.toISOString(), updatedAt: T.toISOString() } } }).progress;
		assert.deepEqual(outdatedQuizIds(['a', 'b'], 'new', legacy.lessons.l), ['a', 'b']);
		const after = recordAnswer(legacy, 'l', 'new', result('a', true), [0], T);
		assert.deepEqual(outdatedQuizIds(['a', 'b'], 'new', after.lessons.l), ['b'], 'the old record keeps the old hash');
	});

	it('the mark follows the hash in any sequence of answers', (t) => {
		fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('h1', 'h2', 'h3')), { maxLength: 20 }), fc.constantFrom('h1', 'h2', 'h3'), (answers, current) => {
			let p = emptyProgress();
			const lastHash = new Map<string, string>();
			for (const [quizId, h] of answers) {
				p = recordAnswer(p, 'l', h, result(quizId, true), [0], T);
				lastHash.set(quizId, h);
			}
			const expected = ['a', 'b', 'c'].filter((q) => lastHash.has(q) && lastHash.get(q) !== current);
			assert.deepEqual(outdatedQuizIds(['a', 'b', 'c'], current, p.lessons.l), expected);
		}), propertyParams(t));
	});
});
