import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LessonEntry } from '../../../../src/core/catalog/lessonEntry';
import { emptyProgress, recordAnswer, type Progress } from '../../../../src/core/progress/progress';
import { summarizer } from '../../../../src/extension/progress/lessonStatus';

function entry(id: string, quizIds: readonly string[]): LessonEntry {
	return { meta: { id, title: id, summary: '', track: 'developer', order: 1 }, locale: 'en', quizIds, hasTriggers: false };
}

function answered(p: Progress, lessonId: string, quizId: string, correct: boolean): Progress {
	return recordAnswer(p, lessonId, 'hash', { quizId, correct, feedback: [], explain: '' }, [0], new Date('2026-01-01T00:00:00Z'));
}

describe('summarizer', () => {
	it('judges every lesson of a list against one read of progress and of the pass mark', () => {
		let progress = answered(answered(answered(emptyProgress(), 'a', 'q1', true), 'a', 'q2', false), 'b', 'q1', false);
		let reads = 0;
		const summaryOf = summarizer({ get: () => { reads++; return progress; } }, () => { reads++; return { passMark: 50 }; });
		progress = emptyProgress(); // a later change does not reach a list already being judged
		const [a, b, c] = [entry('a', ['q1', 'q2']), entry('b', ['q1', 'q2']), entry('c', ['q1'])].map(summaryOf);
		assert.equal(reads, 2);
		assert.deepEqual([a?.status, a?.score, a?.passMark], ['passed', 50, 50]);
		assert.deepEqual([b?.status, b?.answered], ['inProgress', 1]);
		assert.deepEqual([c?.status, c?.answered], ['notStarted', 0]);
	});
});
