import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addUnsharedAnswers } from '../../../../src/core/progress/progressMerge';
import { withExerciseEvent } from '../../../../src/core/progress/exerciseProgress';
import { storedLesson } from '../../../../src/core/progress/compactRecords';
import { baseValue, readLaidOut } from '../../../../src/core/progress/progressLayout';
import { emptyProgress, lessonStatus, migrateProgress, recordAnswer, withLessons, type Progress } from '../../../../src/core/progress/progress';

const T1 = new Date('2025-01-02T03:04:05.000Z');
const T2 = new Date('2025-01-03T00:00:00.000Z');
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function withExercise(p: Progress, lessonId: string, exerciseId: string, failed: readonly string[], now = T1): Progress {
	const lesson = withExerciseEvent(p.lessons[lessonId], exerciseId, { kind: 'check', failedChecks: failed }, 'h1', now);
	return withLessons(p, new Map([[lessonId, { lesson, cards: undefined }]]));
}

describe('exercise records', () => {
	it('a failed check, a hint, a pass: attempts, failed checks, hints and the pass are kept', () => {
		let lesson = withExerciseEvent(undefined, 'fix', { kind: 'check', failedChecks: ['audit-first', 'no-log'] }, 'h1', T1);
		lesson = withExerciseEvent(lesson, 'fix', { kind: 'hint' }, 'h1', T1);
		lesson = withExerciseEvent(lesson, 'fix', { kind: 'check', failedChecks: [] }, 'h1', T2);
		assert.deepEqual(plain(lesson.exercises?.fix), {
			passed: true, attempts: 2, failedChecks: [], hintsUsed: 1, solutionShown: false, checkedAt: T2.toISOString(), contentHash: 'h1',
		});
		// a pass stays a pass when the learner breaks the file and checks again
		lesson = withExerciseEvent(lesson, 'fix', { kind: 'check', failedChecks: ['no-log'] }, 'h1', T2);
		assert.equal(lesson.exercises?.fix?.passed, true);
		assert.deepEqual(lesson.exercises?.fix?.failedChecks, ['no-log']);
		assert.equal(lesson.startedAt, T1.toISOString());
	});

	it('an exercise counts as one question in the lesson status: answered once checked, right once passed', () => {
		const lp = withExerciseEvent(recordAnswer(emptyProgress(), 'l', 'h1', { quizId: 'q', correct: true, feedback: [], explain: '' }, [0], T1).lessons.l,
			'fix', { kind: 'check', failedChecks: ['a'] }, 'h1', T1);
		assert.deepEqual(lessonStatus(['q'], lp, 100, ['fix']), { status: 'failed', answered: 2, total: 2, correct: 1, score: 50 });
		const passed = withExerciseEvent(lp, 'fix', { kind: 'check', failedChecks: [] }, 'h1', T2);
		assert.deepEqual(lessonStatus(['q'], passed, 100, ['fix']), { status: 'passed', answered: 2, total: 2, correct: 2, score: 100 });
		// a hint alone is not an answer
		const hintOnly = withExerciseEvent(undefined, 'fix', { kind: 'hint' }, 'h1', T1);
		assert.equal(lessonStatus([], hintOnly, 70, ['fix']).answered, 0);
	});

	it('answering a quiz keeps the lesson\'s exercise records', () => {
		const p = withExercise(emptyProgress(), 'l', 'fix', []);
		const after = recordAnswer(p, 'l', 'h1', { quizId: 'q', correct: true, feedback: [], explain: '' }, [0], T2);
		assert.equal(after.lessons.l?.exercises?.fix?.passed, true);
	});

	it('exercise records survive the stored form and a read back; damaged ones are dropped with a problem', () => {
		const p = withExercise(emptyProgress(), 'l', 'fix', ['a']);
		const stored = baseValue(p, 'g1');
		assert.deepEqual(plain(stored.lessons.l?.exercises), plain(p.lessons.l?.exercises));
		const back = readLaidOut(plain(stored), []);
		assert.deepEqual(plain(back.progress.lessons.l?.exercises), plain(p.lessons.l?.exercises));
		assert.deepEqual(back.problems, []);
		const damaged = { ...storedLesson(p.lessons.l!), exercises: { fix: { passed: 'yes' }, ok: plain(p.lessons.l?.exercises?.fix) } };
		const read = migrateProgress({ schemaVersion: 4, lessons: { l: damaged }, reviews: {} });
		assert.deepEqual(Object.keys(read.progress.lessons.l?.exercises ?? {}), ['ok']);
		assert.match(read.problems.join('\n'), /exercise "fix" of lesson "l"/);
	});

	it('progress stored before exercises existed reads as before, with no exercise records', () => {
		const old = { schemaVersion: 4, lessons: { l: { quizzes: { q: [true, [0], 1, T1.getTime()] }, contentHash: 'h', startedAt: T1.getTime(), updatedAt: T1.getTime() } }, reviews: {} };
		const read = migrateProgress(old);
		assert.deepEqual(read.problems, []);
		assert.equal(read.progress.lessons.l?.quizzes.q?.correct, true);
		assert.equal(read.progress.lessons.l?.exercises, undefined);
	});

	it('a closed window\'s unshared exercise check is recovered, and a later one in the shared copy wins', () => {
		const base = recordAnswer(emptyProgress(), 'l', 'h1', { quizId: 'q', correct: true, feedback: [], explain: '' }, [0], T1);
		const ours = withExercise(base, 'l', 'fix', [], T2);
		const merged = addUnsharedAnswers({ lesson: ours.lessons.l, cards: undefined }, { lesson: base.lessons.l, cards: undefined }, T2.getTime());
		assert.equal(merged.took, true);
		assert.equal(merged.parts.lesson?.exercises?.fix?.passed, true);
		const theirs = withExercise(base, 'l', 'fix', ['a'], new Date(T2.getTime() + 1000));
		const kept = addUnsharedAnswers({ lesson: ours.lessons.l, cards: undefined }, { lesson: theirs.lessons.l, cards: undefined }, T2.getTime());
		assert.equal(kept.took, false);
		assert.deepEqual(kept.parts.lesson?.exercises?.fix?.failedChecks, ['a']);
	});
});
