/**
 * Answer cues: shapes of a quiz that give its answer away without reading the lesson. Learners (and test-takers
 * generally) pick the longest, most qualified choice when unsure, and authors tend to write the right choices
 * first; the panel shuffles choices, but a length cue survives any shuffle, and a set where it is the rule teaches
 * learners to guess. Pure.
 */
import type { ChoiceQuiz, Diagnostic, Lesson } from './lesson';
import { createDiagnostic } from './rules';
import type { LocatedLesson } from './translations';

/** A right choice longer than this times the longest wrong one stands out on its own. */
export const LONGEST_RATIO = 1.3;
/** More than this share of a set's single-choice quizzes with the right choice longest is a pattern. */
export const SET_LONGEST_SHARE = 1 / 3;
/** More than this share of a set's multiple-choice quizzes with exactly the first choices right is a pattern. */
export const SET_FIRST_SHARE = 0.4;
/** Shares over fewer quizzes of a kind than this say nothing. */
export const SET_MIN_QUIZZES = 5;

/**
 * A choice's length as a reader sees it: code points of its text with runs of blanks counted as one. Fair across
 * languages only within one (a Japanese character carries more than a Latin letter), and each comparison here is
 * between choices of one quiz.
 */
export function choiceLength(text: string): number {
	return [...text.trim().replace(/\s+/g, ' ')].length;
}

interface Lengths {
	readonly right: number;
	readonly rightIndex: number;
	readonly longestWrong: number;
}

/** The right choice's length and the longest wrong one's, for a single-choice quiz with one right choice. */
function lengths(quiz: ChoiceQuiz): Lengths | undefined {
	const rightIndex = quiz.choices.findIndex((c) => c.correct);
	const right = quiz.choices[rightIndex];
	if (quiz.type !== 'single' || !right) {
		return undefined;
	}
	const wrong = quiz.choices.filter((c) => !c.correct).map((c) => choiceLength(c.text));
	return { right: choiceLength(right.text), rightIndex, longestWrong: Math.max(0, ...wrong) };
}

function choiceQuizzes(lesson: Lesson): ChoiceQuiz[] {
	return lesson.quizzes.filter((q): q is ChoiceQuiz => q.type !== 'order');
}

/** Per quiz: the right choice of a single-choice quiz is more than {@link LONGEST_RATIO} times the longest wrong one. */
export function quizCueDiagnostics(lesson: Lesson, file: string): Diagnostic[] {
	return choiceQuizzes(lesson).flatMap((quiz) => {
		const found = lengths(quiz);
		if (!found || found.right <= LONGEST_RATIO * found.longestWrong) {
			return [];
		}
		const ratio = found.longestWrong > 0 ? (found.right / found.longestWrong).toFixed(1) : '∞';
		const message = `quiz "${quiz.id}": the right choice (choice ${found.rightIndex + 1}, ${found.right} characters) is ${ratio}× as long as `
			+ `the longest wrong one (${found.longestWrong}); the length gives it away — make the wrong choices as specific, or the right one shorter`;
		return [createDiagnostic(file, 'quiz-answer-longest', message, { line: quiz.line, column: 1 })];
	});
}

/** True when the right choices are exactly the first ones (and not all of them). */
function rightAreFirst(quiz: ChoiceQuiz): boolean {
	const count = quiz.choices.filter((c) => c.correct).length;
	return count < quiz.choices.length && quiz.choices.every((c, i) => c.correct === i < count);
}

interface Found {
	readonly quiz: ChoiceQuiz;
	readonly file: string;
}

function setWarnings(hits: readonly Found[], total: number, share: number, rule: 'set-answer-longest' | 'set-answers-first', say: (hits: number) => string): Diagnostic[] {
	if (total < SET_MIN_QUIZZES || hits.length <= share * total) {
		return [];
	}
	return hits.map(({ quiz, file }) => createDiagnostic(file, rule, `quiz "${quiz.id}": ${say(hits.length)}`, { line: quiz.line, column: 1 }));
}

/**
 * Per locale of a lesson set: the right choice is the longest in more than {@link SET_LONGEST_SHARE} of the
 * single-choice quizzes, or the right choices are exactly the first ones in more than {@link SET_FIRST_SHARE} of the
 * multiple-choice quizzes. Each quiz that makes the pattern is named, so each can be fixed where it is.
 */
export function setCueDiagnostics(lessons: readonly LocatedLesson[]): Diagnostic[] {
	const byLocale = new Map<string, Found[]>();
	for (const { lesson, file } of lessons) {
		const found = byLocale.get(lesson.locale) ?? [];
		found.push(...choiceQuizzes(lesson).map((quiz) => ({ quiz, file })));
		byLocale.set(lesson.locale, found);
	}
	const diagnostics: Diagnostic[] = [];
	for (const [locale, found] of byLocale) {
		const singles = found.filter(({ quiz }) => quiz.type === 'single');
		const longest = singles.filter(({ quiz }) => {
			const l = lengths(quiz);
			return l !== undefined && l.right > l.longestWrong;
		});
		diagnostics.push(...setWarnings(longest, singles.length, SET_LONGEST_SHARE, 'set-answer-longest', (n) =>
			`the right choice is the longest, as in ${n} of the ${singles.length} single-choice quizzes of the ${locale} lessons (more than a third): learners can guess by length`));
		const multiples = found.filter(({ quiz }) => quiz.type === 'multiple');
		const first = multiples.filter(({ quiz }) => rightAreFirst(quiz));
		diagnostics.push(...setWarnings(first, multiples.length, SET_FIRST_SHARE, 'set-answers-first', (n) =>
			`the right choices are exactly the first ones, as in ${n} of the ${multiples.length} multiple-choice quizzes of the ${locale} lessons (more than 40%): vary where they are written`));
	}
	return diagnostics;
}
