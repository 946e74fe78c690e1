// Answers and review cards in their compact stored form (src/core/compactRecords.ts): damaged compact fields dropped
// or repaired one by one, with a problem naming each, the rest kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CURRENT_PROGRESS_VERSION } from '../../src/core/migrations';
import { migrateProgress } from '../../src/core/progress';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const T = Date.parse('2025-03-03T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

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
