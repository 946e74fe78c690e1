// The learner report carries each exercise record (schemas/progress-report.schema.json), and an exercise counts
// toward the lesson's status and attempts like a quiz.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withExerciseEvent } from '../../../../src/core/progress/exerciseProgress';
import { emptyProgress, recordAnswer, withLessons } from '../../../../src/core/progress/progress';
import { buildReport, readReport } from '../../../../src/core/team/learnerReport';

const NOW = new Date('2026-11-20T10:00:00.000Z');

describe('the learner report and exercises', () => {
	it('lists the exercises touched, counts them in status and attempts, and validates against the schema', () => {
		let lesson = recordAnswer(emptyProgress(), 'export', 'h', { quizId: 'q', correct: true, feedback: [], explain: '' }, [0], NOW).lessons.export;
		lesson = withExerciseEvent(lesson, 'audit-first', { kind: 'check', failedChecks: ['audit'] }, 'h', NOW);
		lesson = withExerciseEvent(lesson, 'audit-first', { kind: 'hint' }, 'h', NOW);
		lesson = withExerciseEvent(lesson, 'audit-first', { kind: 'check', failedChecks: [] }, 'h', NOW);
		const progress = withLessons(emptyProgress(), new Map([['export', { lesson, cards: undefined }]]));
		const report = buildReport({
			learner: 'Ada', now: NOW, passMark: 80, progress,
			lessons: [
				{ id: 'export', title: 'Export', track: 'team', origin: 'workspace', quizIds: ['q'], exerciseIds: ['audit-first', 'untouched'] },
				{ id: 'other', title: 'Other', track: 'team', origin: 'bundled', quizIds: ['x'] },
			],
		});
		const [exportLesson, other] = report.lessons;
		assert.deepEqual({ status: exportLesson?.status, answered: exportLesson?.answered, total: exportLesson?.total, attempts: exportLesson?.attempts },
			{ status: 'inProgress', answered: 2, total: 3, attempts: 3 });
		assert.deepEqual(exportLesson?.exercises, [{ id: 'audit-first', passed: true, attempts: 2, failedChecks: [], hintsUsed: 1, solutionShown: false, checkedAt: NOW.toISOString() }]);
		assert.equal(other?.exercises, undefined, 'no key for a lesson without exercise records');
		assert.ok('report' in readReport(JSON.parse(JSON.stringify(report))), 'the schema takes it');
		const tooMany = JSON.parse(JSON.stringify(report)) as { lessons: { exercises?: unknown[] }[] };
		tooMany.lessons[0]!.exercises = Array.from({ length: 5 }, () => tooMany.lessons[0]!.exercises![0]);
		assert.ok('problem' in readReport(tooMany), 'at most four exercises a lesson');
	});
});
