import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { emptyProgress, lessonStatus, migrateProgress, PROGRESS_SCHEMA_VERSION, recordAnswer, resetLesson, type LessonProgress, type Progress } from '../../../../src/core/progress/progress';

const T1 = new Date('2025-01-02T03:04:05.000Z');
const T2 = new Date('2025-01-03T00:00:00.000Z');

function result(quizId: string, correct: boolean): QuizResult {
	return { quizId, correct, feedback: [], explain: '' };
}

/** Plain-object view (records are null-prototype objects). */
function plain(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

describe('recordAnswer and resetLesson', () => {
	it('records an answer with time, hash and one attempt', () => {
		const p = recordAnswer(emptyProgress(), 'log4shell', 'h1', result('q1', true), [2], T1);
		assert.deepEqual(plain(p), {
			schemaVersion: PROGRESS_SCHEMA_VERSION,
			lessons: { log4shell: { quizzes: { q1: { correct: true, answer: [2], attempts: 1, answeredAt: T1.toISOString(), contentHash: 'h1' } }, contentHash: 'h1', startedAt: T1.toISOString(), updatedAt: T1.toISOString() } },
			reviews: {},
		});
	});

	it('replaces the answer, counts attempts, keeps the start time and other quizzes', () => {
		const first = recordAnswer(emptyProgress(), 'l', 'h1', result('q1', false), [0], T1);
		const second = recordAnswer(first, 'l', 'h1', result('q2', true), [1], T1);
		const third = recordAnswer(second, 'l', 'h2', result('q1', true), [1], T2);
		const lesson = third.lessons.l;
		assert.deepEqual(plain(lesson?.quizzes.q1), { correct: true, answer: [1], attempts: 2, answeredAt: T2.toISOString(), contentHash: 'h2' });
		assert.equal(lesson?.quizzes.q2?.attempts, 1);
		assert.equal(lesson?.quizzes.q2?.contentHash, 'h1', 'the other answer keeps the version it was given to');
		assert.equal(lesson?.startedAt, T1.toISOString());
		assert.equal(lesson?.updatedAt, T2.toISOString());
		assert.equal(lesson?.contentHash, 'h2');
	});

	it('does not change its input', () => {
		const before = recordAnswer(emptyProgress(), 'l', 'h', result('q1', false), [0], T1);
		const snapshot = JSON.stringify(before);
		recordAnswer(before, 'l', 'h', result('q1', true), [1], T2);
		recordAnswer(before, 'other', 'h', result('q1', true), [1], T2);
		resetLesson(before, 'l');
		assert.equal(JSON.stringify(before), snapshot);
	});

	it('resets one lesson only', () => {
		const p = recordAnswer(recordAnswer(emptyProgress(), 'a', 'h', result('q', true), [0], T1), 'b', 'h', result('q', true), [0], T1);
		assert.deepEqual(Object.keys(resetLesson(p, 'a').lessons), ['b']);
	});

	it('treats __proto__ and constructor as ordinary ids', () => {
		const p = recordAnswer(recordAnswer(emptyProgress(), '__proto__', 'h', result('constructor', true), [0], T1), 'constructor', 'h', result('__proto__', true), [0], T1);
		assert.deepEqual(Object.keys(p.lessons).sort(), ['__proto__', 'constructor']);
		assert.equal(({} as Record<string, unknown>).quizzes, undefined, 'Object.prototype untouched');
		assert.equal(Object.hasOwn(emptyProgress().lessons, 'constructor'), false);
		const key: string = 'constructor';
		assert.equal(lessonStatus(['constructor'], emptyProgress().lessons[key], 80).answered, 0);
	});
});

describe('lessonStatus', () => {
	const lp = (answers: Record<string, boolean>): LessonProgress => {
		let p: Progress = emptyProgress();
		for (const [id, correct] of Object.entries(answers)) {
			p = recordAnswer(p, 'l', 'h', result(id, correct), [0], T1);
		}
		return p.lessons.l ?? { quizzes: {}, startedAt: '', updatedAt: '' };
	};

	it('is notStarted without answers', () => {
		assert.deepEqual(lessonStatus(['a', 'b'], undefined, 80), { status: 'notStarted', answered: 0, total: 2, correct: 0, score: 0 });
		assert.equal(lessonStatus([], undefined, 80).status, 'notStarted');
	});

	it('is inProgress while some quizzes are unanswered', () => {
		assert.deepEqual(lessonStatus(['a', 'b', 'c'], lp({ a: true }), 80), { status: 'inProgress', answered: 1, total: 3, correct: 1, score: 33 });
	});

	it('passes when all are answered and the share reaches the pass mark', () => {
		const five = lp({ a: true, b: true, c: true, d: true, e: false });
		assert.deepEqual(lessonStatus(['a', 'b', 'c', 'd', 'e'], five, 80), { status: 'passed', answered: 5, total: 5, correct: 4, score: 80 });
		assert.equal(lessonStatus(['a', 'b', 'c', 'd', 'e'], five, 81).status, 'failed');
	});

	it('does not round up into a pass', () => {
		const three = lp({ a: true, b: true, c: false });
		assert.equal(lessonStatus(['a', 'b', 'c'], three, 67).score, 67);
		assert.equal(lessonStatus(['a', 'b', 'c'], three, 67).status, 'failed');
	});

	it('counts only answers to quizzes that exist', () => {
		assert.deepEqual(lessonStatus(['a'], lp({ gone: true, a: false }), 80), { status: 'failed', answered: 1, total: 1, correct: 0, score: 0 });
	});
});

describe('migrateProgress', () => {
	const valid = {
		schemaVersion: 1,
		lessons: {
			good: { quizzes: { q1: { correct: true, answer: [1], attempts: 2, answeredAt: '2025-01-01T00:00:00.000Z' } }, contentHash: 'abc', startedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
		},
	};
	/** `valid` as this release reads it: the current version, every v1 entry kept, no review cards yet. */
	const upgraded = { ...valid, schemaVersion: PROGRESS_SCHEMA_VERSION, reviews: {} };

	it('gives empty progress and no problems for nothing stored', () => {
		assert.deepEqual(plain(migrateProgress(undefined)), { progress: { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons: {}, reviews: {} }, problems: [], readOnly: false });
	});

	it('reads valid v1 data as the current version with every entry kept, also after a JSON round trip', () => {
		const { progress, problems, readOnly } = migrateProgress(JSON.parse(JSON.stringify(valid)));
		assert.deepEqual(plain(progress), upgraded);
		assert.deepEqual(problems, []);
		assert.equal(readOnly, false);
		const again = recordAnswer(progress, 'good', 'abc', result('q1', false), [0], T1);
		assert.deepEqual(plain(migrateProgress(plain(again)).progress), plain(again));
	});

	for (const garbage of [null, 42, 'progress', [], [valid], true, { foo: 'bar' }, { schemaVersion: 1, lessons: 'x' }]) {
		it(`gives empty progress and a problem for ${JSON.stringify(garbage)}`, () => {
			const { progress, problems, readOnly } = migrateProgress(garbage);
			assert.deepEqual(plain(progress), { schemaVersion: PROGRESS_SCHEMA_VERSION, lessons: {}, reviews: {} });
			assert.ok(problems.length > 0);
			assert.equal(readOnly, false);
		});
	}

	it('keeps valid entries and drops each invalid one with a problem', () => {
		const raw = {
			schemaVersion: 1,
			lessons: {
				...valid.lessons,
				'not-a-lesson': 'x',
				'no-quizzes': { startedAt: 'x' },
				partial: {
					quizzes: {
						ok: { correct: false, answer: [0, 2], attempts: 1, answeredAt: '2025-02-01T00:00:00.000Z' },
						'bad-answer': { correct: true, answer: ['0'], attempts: 1, answeredAt: '2025-02-01T00:00:00.000Z' },
						'bad-attempts': { correct: true, answer: [0], attempts: 0, answeredAt: '2025-02-01T00:00:00.000Z' },
						'bad-time': { correct: true, answer: [0], attempts: 1, answeredAt: 'yesterday' },
						'bad-correct': { correct: 'yes', answer: [0], attempts: 1, answeredAt: '2025-02-01T00:00:00.000Z' },
					},
					contentHash: 7,
				},
			},
		};
		const { progress, problems } = migrateProgress(raw);
		assert.deepEqual(Object.keys(progress.lessons).sort(), ['good', 'partial']);
		const partial = progress.lessons.partial;
		assert.deepEqual(Object.keys(partial?.quizzes ?? {}), ['ok']);
		assert.equal(partial?.contentHash, undefined);
		assert.equal(partial?.startedAt, '2025-02-01T00:00:00.000Z', 'a missing time is repaired from the answers');
		assert.equal(problems.length, 2 + 4 + 1 + 1);
	});

	it('reads data from a newer version as far as it can, read-only', () => {
		const { progress, problems, readOnly } = migrateProgress({ ...valid, schemaVersion: PROGRESS_SCHEMA_VERSION + 1, extra: { anything: true } });
		assert.equal(readOnly, true);
		assert.deepEqual(plain(progress), upgraded);
		assert.equal(problems.length, 1);
	});

	it('reads unversioned data as v1 (then v2) with a problem', () => {
		const withLessons = migrateProgress({ lessons: valid.lessons });
		assert.deepEqual(plain(withLessons.progress), upgraded);
		assert.equal(withLessons.problems.length, 1);
		const bare = migrateProgress(valid.lessons);
		assert.deepEqual(plain(bare.progress), upgraded);
		assert.equal(bare.problems.length, 1);
	});

	it('drops __proto__ keys without polluting prototypes', () => {
		const raw: unknown = JSON.parse('{"schemaVersion":1,"lessons":{"__proto__":{"quizzes":{"polluted":{"correct":true,"answer":[0],"attempts":1,"answeredAt":"2025-01-01T00:00:00.000Z"}}},"good":{"quizzes":{"__proto__":{"correct":true,"answer":[0],"attempts":1,"answeredAt":"2025-01-01T00:00:00.000Z"}},"startedAt":"2025-01-01T00:00:00.000Z","updatedAt":"2025-01-01T00:00:00.000Z"}}}');
		const { progress, problems } = migrateProgress(raw);
		assert.deepEqual(Object.keys(progress.lessons), ['good']);
		assert.deepEqual(Object.keys(progress.lessons.good?.quizzes ?? {}), []);
		assert.equal(Object.getPrototypeOf(progress.lessons), null);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
		assert.equal(({} as Record<string, unknown>).quizzes, undefined);
		assert.equal(problems.length, 2);
	});

	it('keeps a constructor id as an own entry only', () => {
		const { progress } = migrateProgress({ schemaVersion: 1, lessons: { constructor: { quizzes: {}, startedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' } } });
		assert.ok(Object.hasOwn(progress.lessons, 'constructor'));
		assert.equal(migrateProgress(undefined).progress.lessons.constructor, undefined);
	});
});
