// A learner who has passed `lessons` lessons, as the bundled ones are made (five quizzes and one exercise each):
// every quiz answered wrong then right, its review card reviewed three times, the exercise failed once then passed.
// Used by the synced-size test and by the bench (bench/bundles.mjs bundles it), so both measure the same learner.
import type { QuizResult } from '../../../src/core/lessons/lesson';
import { withExerciseEvent } from '../../../src/core/progress/exerciseProgress';
import { emptyProgress, lessonParts, recordAnswer, withLessons, type Progress } from '../../../src/core/progress/progress';
import { exportProgressText } from '../../../src/core/progress/progressExport';
import { cardOf, withCard } from '../../../src/core/reviews/reviewCards';
import { scheduleCard } from '../../../src/core/reviews/reviewScheduler';
import { ProgressCopies } from '../../../src/extension/progress/progressCopies';
import { FakeMemento, SharedState, windowStorage } from './fakeMementos';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-05T09:00:00.000Z');
const QUIZZES = 5;

/** A lesson id as long as the bundled ones (about 30 characters). */
export const lessonIdOf = (n: number): string => `incident-lesson-number-${String(n).padStart(4, '0')}`;
const quizIdOf = (n: number): string => `which-control-stops-it-${n}`;
const hashOf = (n: number): string => (0x9e3779b97f4a7c15n * BigInt(n + 1) % 2n ** 64n).toString(16).padStart(16, '0');

/** One passed lesson's changes, `n` days after the start. */
function passLesson(p: Progress, n: number): Progress {
	const lessonId = lessonIdOf(n);
	const hash = hashOf(n);
	const at = (minutes: number): Date => new Date(START + n * DAY + minutes * 60_000);
	let next = p;
	for (let q = 0; q < QUIZZES; q++) {
		const quizId = quizIdOf(q);
		const result = (correct: boolean): QuizResult => ({ quizId, correct, feedback: [], explain: '' });
		next = recordAnswer(next, lessonId, hash, result(false), [3], at(q * 2));
		next = recordAnswer(next, lessonId, hash, result(true), [0, 2], at(q * 2 + 1));
		let card = scheduleCard(undefined, 'hard', at(q * 2 + 1), hashOf(q));
		for (const [days, rating] of [[1, 'good'], [4, 'good'], [12, 'easy']] as const) {
			card = scheduleCard(cardOf(next.reviews, lessonId, quizId) ?? card, rating, new Date(at(q * 2 + 1).getTime() + days * DAY), hashOf(q));
			next = { ...next, reviews: withCard(next.reviews, lessonId, quizId, card) };
		}
	}
	let lesson = lessonParts(next, lessonId).lesson;
	lesson = withExerciseEvent(lesson, 'fix-the-config', { kind: 'check', failedChecks: ['no-public-bucket', 'logs-on'] }, hash, at(20));
	lesson = withExerciseEvent(lesson, 'fix-the-config', { kind: 'hint' }, hash, at(21));
	lesson = withExerciseEvent(lesson, 'fix-the-config', { kind: 'check', failedChecks: [] }, hash, at(25));
	return withLessons(next, new Map([[lessonId, { lesson, cards: lessonParts(next, lessonId).cards }]]));
}

/** The progress of a learner who passed `lessons` lessons. */
export function passedProgress(lessons: number): Progress {
	let p = emptyProgress();
	for (let n = 0; n < lessons; n++) {
		p = passLesson(p, n);
	}
	return p;
}

/** Bytes of the values under `keys`, as VS Code stores them (JSON). */
function bytesOf(memento: FakeMemento, keys: readonly string[]): number {
	return keys.reduce((sum, key) => sum + Buffer.byteLength(JSON.stringify(memento.get(key)) ?? ''), 0);
}

/**
 * What Settings Sync carries for a learner who passed `lessons` lessons, stored by the real store: `entries` after
 * one answer at a time (a base and an entry per lesson, the usual layout), `base` after a start over (one value),
 * and the size of the exported file; `keys` is how many keys are synced in the usual layout.
 */
export async function syncedProgressSizes(lessons: number): Promise<{ entries: number; base: number; keys: number; exportFile: number }> {
	const full = passedProgress(lessons);
	const storage = windowStorage(new SharedState());
	const copies = new ProgressCopies(storage, () => undefined);
	await copies.write(undefined, () => emptyProgress());
	for (let n = 0; n < lessons; n++) {
		const lessonId = lessonIdOf(n);
		await copies.write(lessonId, (p) => withLessons(p, new Map([[lessonId, lessonParts(full, lessonId)]])));
	}
	const entryKeys = copies.sharedKeys();
	const entries = bytesOf(storage.shared, entryKeys);
	const whole = windowStorage(new SharedState(), undefined, new FakeMemento());
	const wholeCopies = new ProgressCopies(whole, () => undefined);
	await wholeCopies.write(undefined, () => full);
	const base = bytesOf(whole.shared, wholeCopies.sharedKeys());
	return { entries, base, keys: entryKeys.length, exportFile: Buffer.byteLength(exportProgressText(full, new Date(START))) };
}
