/**
 * Translation parity: every locale of a lesson set carries the same lessons with the same quizzes, so progress
 * (kept per lesson id and quiz id) means the same thing whatever language a learner reads. English is the
 * reference; a lesson that exists only in another locale is reported against that locale's file.
 */
import { exerciseKey } from '../exercises/exercise';
import type { Diagnostic, Lesson, Quiz } from './lesson';
import { createDiagnostic } from './rules';
import { stepGroupKey } from './stepGroups';

/** The locale the CLI gives files that are not in a locale folder; they take no part in parity. */
export const UNDETERMINED_LOCALE = 'und';
const REFERENCE_LOCALE = 'en';

export interface LocatedLesson {
	readonly lesson: Lesson;
	readonly file: string;
}

/** What must match between translations of one quiz: everything that decides grading, nothing that is wording. */
function answerKey(quiz: Quiz): string {
	return quiz.type === 'order'
		? `${quiz.id}|order|${quiz.steps.length}|${stepGroupKey(quiz.steps)}`
		: `${quiz.id}|${quiz.type}|${quiz.choices.map((c) => (c.correct ? 'T' : 'F')).join('')}`;
}

function describe(quiz: Quiz | undefined): string {
	if (!quiz) {
		return 'no quiz';
	}
	return quiz.type === 'order'
		? `"${quiz.id}" (order, ${quiz.steps.length} steps${stepGroupKey(quiz.steps) ? `, steps ${stepGroupKey(quiz.steps)} interchangeable` : ''})`
		: `"${quiz.id}" (${quiz.type}, correct choices ${quiz.choices.flatMap((c, i) => (c.correct ? [i + 1] : [])).join(', ')} of ${quiz.choices.length})`;
}

function compareQuizzes(reference: LocatedLesson, other: LocatedLesson): Diagnostic | undefined {
	const count = Math.max(reference.lesson.quizzes.length, other.lesson.quizzes.length);
	for (let i = 0; i < count; i++) {
		const want = reference.lesson.quizzes[i];
		const have = other.lesson.quizzes[i];
		if (want && have && answerKey(want) === answerKey(have)) {
			continue;
		}
		const line = have?.line ?? other.lesson.bodyLine;
		const message = `quiz ${i + 1} does not match the ${reference.lesson.locale} version (${reference.file}): expected ${describe(want)}, found ${describe(have)}`;
		return createDiagnostic(other.file, 'translation-mismatch', message, { line, column: 1 });
	}
	return undefined;
}

/** Exercises must match but for their wording: the same ids, files, checks and solution, in the same order. */
function compareExercises(reference: LocatedLesson, other: LocatedLesson): Diagnostic | undefined {
	const count = Math.max(reference.lesson.exercises.length, other.lesson.exercises.length);
	for (let i = 0; i < count; i++) {
		const want = reference.lesson.exercises[i];
		const have = other.lesson.exercises[i];
		if (want && have && exerciseKey(want) === exerciseKey(have)) {
			continue;
		}
		const name = (exercise: { id: string } | undefined): string => (exercise ? `"${exercise.id}"` : 'no exercise');
		const detail = want && have && want.id === have.id
			? ': its files, checks, solution or solutionAfter differ (only the title, prompt, hints, explain and check hints are translated)'
			: `: expected ${name(want)}, found ${name(have)}`;
		const message = `exercise ${i + 1} does not match the ${reference.lesson.locale} version (${reference.file})${detail}`;
		return createDiagnostic(other.file, 'translation-mismatch', message, { line: have?.line ?? other.lesson.bodyLine, column: 1 });
	}
	return undefined;
}

/**
 * Checks that each locale in `lessons` has every lesson id of the others, and that each translation's quizzes
 * have the reference's ids, types, choice counts and right answers, and its exercises the same ids, files, checks and
 * solution, in the same order. Only runs when the set
 * holds two locales or more (linting one locale folder alone says nothing about the others). Pure.
 */
export function checkTranslations(lessons: readonly LocatedLesson[]): Diagnostic[] {
	const locales = [...new Set(lessons.map((l) => l.lesson.locale))].sort();
	if (locales.length < 2) {
		return [];
	}
	const byId = new Map<string, Map<string, LocatedLesson>>();
	for (const located of lessons) {
		const versions = byId.get(located.lesson.meta.id) ?? new Map<string, LocatedLesson>();
		versions.set(located.lesson.locale, located);
		byId.set(located.lesson.meta.id, versions);
	}
	const diagnostics: Diagnostic[] = [];
	for (const [id, versions] of byId) {
		const reference = versions.get(REFERENCE_LOCALE) ?? [...versions.values()][0];
		if (!reference) {
			continue;
		}
		for (const locale of locales) {
			const version = versions.get(locale);
			if (!version) {
				const message = `lesson "${id}" has no ${locale} translation (expected ${locale}/${id}.md next to ${reference.file})`;
				diagnostics.push(createDiagnostic(reference.file, 'translation-missing', message, { line: 1, column: 1 }));
			} else if (version !== reference) {
				for (const mismatch of [compareQuizzes(reference, version), compareExercises(reference, version)]) {
					if (mismatch) {
						diagnostics.push(mismatch);
					}
				}
			}
		}
	}
	return diagnostics;
}
