// Progress of earlier releases, kept per workspace, becomes the learner's: both old copies are found once, merged
// without losing an answer, left as they were for an older release, and not merged again; the learner's keys are the
// ones Settings Sync is told about.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuizResult } from '../../../../src/core/lessons/lesson';
import { emptyProgress, recordAnswer, type Progress } from '../../../../src/core/progress/progress';
import { baseValue } from '../../../../src/core/progress/progressLayout';
import { mergeProgress } from '../../../../src/core/progress/progressMerge';
import { ProgressCopies, PROGRESS_KEY } from '../../../../src/extension/progress/progressCopies';
import { sharedBaseKey } from '../../../../src/extension/progress/storedCopy';
import { SyncedKeys } from '../../../../src/extension/progress/syncedKeys';
import { ADOPTED_KEY, markAdopted, workspaceProgressToAdopt } from '../../../../src/extension/progress/workspaceAdoption';
import { FakeMemento, SharedState, windowStorage } from '../../helpers/fakeMementos';

const T = Date.parse('2026-02-01T10:00:00.000Z');
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const answered = (p: Progress, lessonId: string, quizId: string, at: number): Progress =>
	recordAnswer(p, lessonId, 'hash', { quizId, correct: true, feedback: [], explain: '' } satisfies QuizResult, [0], new Date(at));

describe('a workspace\'s earlier progress becomes the learner\'s', () => {
	it('finds the old shared copy and the workspace copy, merges every answer once, and leaves both in place', async () => {
		const global = new SharedState();
		const workspace = new FakeMemento();
		const storage = windowStorage(global, 'file:///home/dev/project', workspace);
		const oldShared = answered(answered(emptyProgress(), 'a', 'q1', T), 'b', 'q1', T + 1000);
		const oldMirror = answered(oldShared, 'a', 'q2', T + 2000); // an answer the old shared copy never got
		await storage.shared.update(sharedBaseKey('file:///home/dev/project'), baseValue(oldShared, 'g-old'));
		await workspace.update(PROGRESS_KEY, baseValue(oldMirror, 'g-old'));
		// Read as the store starts, before its first write makes the workspace copy the learner's mirror.
		const found = workspaceProgressToAdopt(storage);
		assert.equal(found?.length, 2);
		// The learner's progress already has an answer from another workspace.
		const copies = new ProgressCopies(storage, () => undefined);
		await copies.write(undefined, () => answered(emptyProgress(), 'c', 'q1', T + 3000));
		for (const p of found ?? []) {
			const { progress } = mergeProgress(copies.current(), p);
			await copies.write(undefined, () => progress);
		}
		await markAdopted(storage);
		const learner = new ProgressCopies(windowStorage(global, 'file:///home/dev/elsewhere'), () => undefined).current();
		assert.deepEqual(Object.keys(learner.lessons).sort(), ['a', 'b', 'c']);
		assert.deepEqual(Object.keys(learner.lessons.a?.quizzes ?? {}).sort(), ['q1', 'q2'], 'the unshared answer too');
		assert.deepEqual(plain(storage.shared.get(sharedBaseKey('file:///home/dev/project'))), plain(baseValue(oldShared, 'g-old')), 'the old copy is left for an older release');
		assert.equal(workspace.get(ADOPTED_KEY), true);
		assert.equal(workspaceProgressToAdopt(storage), undefined, 'not merged again');
	});

	it('finds nothing to merge in a workspace that never had progress', () => {
		assert.deepEqual(workspaceProgressToAdopt(windowStorage(new SharedState())), []);
	});
});

describe('keys for Settings Sync', () => {
	it('are the learner\'s base and lesson entries, told again only when they change', async () => {
		const told: string[][] = [];
		const synced = new SyncedKeys((keys) => told.push([...keys]));
		const storage = windowStorage(new SharedState());
		const copies = new ProgressCopies(storage, () => undefined);
		await copies.write(undefined, () => emptyProgress());
		await copies.write('a', (p) => answered(p, 'a', 'q1', T));
		synced.reset(copies.sharedKeys());
		synced.add('incidentLessons.progressLesson:a:learner');
		synced.add('incidentLessons.progressLesson:b:learner');
		assert.deepEqual(told, [
			['incidentLessons.progress:learner', 'incidentLessons.progressLesson:a:learner'],
			['incidentLessons.progress:learner', 'incidentLessons.progressLesson:a:learner', 'incidentLessons.progressLesson:b:learner'],
		]);
		assert.ok(copies.sharedKeys().every((key) => key.endsWith(':learner')), 'no workspace in any synced key');
	});
});
