/** A stable fingerprint of what makes quiz answers and exercise fixes right or wrong. Pure. */
import { fnv1a } from '../shared/hash';
import type { Exercise } from '../exercises/exercise';
import type { Quiz } from './lesson';
import { stepGroupKey } from './stepGroups';

/** A second FNV offset basis, so the two halves of the fingerprint are independent. */
const SECOND_SEED = 0x050c5d1f;

function hex32(value: number): string {
	return value.toString(16).padStart(8, '0');
}

/**
 * Two 32-bit FNV-1a hashes of `text` with different offset bases, as 16 lowercase hex digits.
 * Not cryptographic; only for noticing that content changed.
 */
export function fnv1a64(text: string): string {
	return hex32(fnv1a(text)) + hex32(fnv1a(text, SECOND_SEED));
}

/**
 * Hashes the answer key of a lesson's quizzes: ids, types, the number of choices with their `correct` flags,
 * and the number of steps with the positions grouped steps share; and of its exercises: ids and each check's file,
 * kind, patterns and ignore options. Wording does not count: translations of a lesson share one hash (progress is
 * kept per lesson id, whatever the language), and rewording keeps learners' progress.
 */
export function hashQuizContent(quizzes: readonly Quiz[], exercises: readonly Exercise[] = []): string {
	const gradable: unknown[] = quizzes.map((quiz) => {
		if (quiz.type !== 'order') {
			return [quiz.id, quiz.type, quiz.choices.map((choice) => choice.correct)];
		}
		// Groups join the key only when there are any, so the hash of every ungrouped quiz stays what it was.
		const groups = stepGroupKey(quiz.steps);
		return groups === '' ? [quiz.id, quiz.type, quiz.steps.length] : [quiz.id, quiz.type, quiz.steps.length, groups];
	});
	// Likewise exercises join only when there are any, so lessons without one keep their hash.
	if (exercises.length > 0) {
		gradable.push(['exercises', exercises.map((exercise) => [exercise.id, exercise.checks.map((c) =>
			[c.id, c.file, c.kind, c.patterns, c.ignoreComments, c.ignoreWhitespace])])]);
	}
	return fnv1a64(JSON.stringify(gradable));
}
