import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { CURRENT_PROGRESS_VERSION, PROGRESS_MIGRATIONS } from '../../../../src/core/progress/migrations';
import { emptyProgress, migrateProgress, recordAnswer, resetLesson, type Progress } from '../../../../src/core/progress/progress';
import { withCard } from '../../../../src/core/reviews/reviewCards';
import { scheduleCard } from '../../../../src/core/reviews/reviewScheduler';

const T = new Date('2025-03-03T10:00:00.000Z');

function plain(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

function result(quizId: string, correct: boolean): QuizResult {
	return { quizId, correct, feedback: [], explain: '' };
}

/** Progress exactly as release 0.1.0 (schema version 1) wrote it to workspaceState. */
const FOUNDATION_V1 = {
	schemaVersion: 1,
	lessons: {
		'axa-non-life-unauthorized-access': {
			quizzes: {
				'first-response': { correct: false, answer: [0], attempts: 1, answeredAt: '2025-01-10T09:00:00.000Z' },
				'what-was-exposed': { correct: true, answer: [1, 3], attempts: 2, answeredAt: '2025-01-10T09:05:00.000Z' },
			},
			contentHash: '0123456789abcdef',
			startedAt: '2025-01-10T09:00:00.000Z',
			updatedAt: '2025-01-10T09:05:00.000Z',
		},
		'leaver-usb-customer-db': {
			quizzes: { 'first-step': { correct: true, answer: [2], attempts: 1, answeredAt: '2025-01-11T08:00:00.000Z' } },
			contentHash: 'fedcba9876543210',
			startedAt: '2025-01-11T08:00:00.000Z',
			updatedAt: '2025-01-11T08:00:00.000Z',
		},
	},
};

describe('progress schema version 2 (review cards)', () => {
	it('has a migration step from every older version to the current one', () => {
		assert.equal(CURRENT_PROGRESS_VERSION, 4);
		for (let version = 0; version < CURRENT_PROGRESS_VERSION; version++) {
			assert.ok(Object.hasOwn(PROGRESS_MIGRATIONS, version), `a step from version ${version}`);
		}
	});

	it('migrates the foundation\'s version 1 progress, keeping every entry, with no cards and no problems', () => {
		const { progress, problems, readOnly } = migrateProgress(JSON.parse(JSON.stringify(FOUNDATION_V1)));
		assert.deepEqual(plain(progress), { schemaVersion: CURRENT_PROGRESS_VERSION, lessons: FOUNDATION_V1.lessons, reviews: {} });
		assert.deepEqual(problems, [], 'a normal upgrade is not a problem: no warning, no backup');
		assert.equal(readOnly, false);
	});

	it('round-trips cards through JSON and keeps them when answers are recorded', () => {
		const card = scheduleCard(undefined, 'good', T, 'h');
		let p: Progress = { ...emptyProgress(), reviews: withCard(emptyProgress().reviews, 'a', 'q1', card) };
		p = recordAnswer(p, 'a', 'h', result('q2', true), [0], T);
		const stored = plain(p);
		const read = migrateProgress(stored);
		assert.deepEqual(read.problems, []);
		assert.deepEqual(plain(read.progress), stored);
		assert.deepEqual(plain(read.progress.reviews), { a: { q1: plain(card) } });
	});

	it('drops an invalid card with a problem and keeps the rest', () => {
		const good = plain(scheduleCard(undefined, 'again', T, 'h'));
		const raw = { schemaVersion: 2, lessons: {}, reviews: { a: { good, bad: { due: 'soon' } }, 'Not An Id': { q: good } } };
		const { progress, problems } = migrateProgress(raw);
		assert.deepEqual(plain(progress.reviews), { a: { good } });
		assert.equal(problems.length, 2);
	});

	it('Reset Lesson Progress removes the lesson\'s cards; Reset All starts with none', () => {
		const card = scheduleCard(undefined, 'good', T, 'h');
		const p: Progress = { ...emptyProgress(), reviews: withCard(withCard(emptyProgress().reviews, 'a', 'q', card), 'b', 'q', card) };
		assert.deepEqual(Object.keys(resetLesson(p, 'a').reviews), ['b']);
		assert.deepEqual(Object.keys(emptyProgress().reviews), []);
	});

	it('reads the cards of a newer version as far as it can, read-only', () => {
		const good = plain(scheduleCard(undefined, 'good', T, 'h'));
		const { progress, readOnly } = migrateProgress({ schemaVersion: CURRENT_PROGRESS_VERSION + 1, lessons: {}, reviews: { a: { q: good } }, somethingNew: true });
		assert.equal(readOnly, true);
		assert.deepEqual(plain(progress.reviews), { a: { q: good } });
	});
});
