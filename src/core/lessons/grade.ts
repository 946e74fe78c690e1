/** Grading one answer to one quiz: the only grader, used by the panel, the extension API and the tests. Pure. */
import type { ChoiceFeedback, ChoiceQuiz, OrderQuiz, Quiz, QuizResult } from './lesson';
import { stepRanges } from './stepGroups';

/**
 * Reads `answer` as a list of distinct integer indices below `size`, or returns undefined.
 * Untrusted input (a webview message, stored progress) is expected here, so nothing is assumed.
 */
function readIndices(answer: unknown, size: number): number[] | undefined {
	if (!Array.isArray(answer)) {
		return undefined;
	}
	const seen = new Set<number>();
	for (const item of answer) {
		if (typeof item !== 'number' || !Number.isInteger(item) || item < 0 || item >= size || seen.has(item)) {
			return undefined;
		}
		seen.add(item);
	}
	return [...seen];
}

function gradeChoices(quiz: ChoiceQuiz, chosen: readonly number[]): QuizResult | undefined {
	if (quiz.type === 'single' ? chosen.length !== 1 : chosen.length === 0) {
		return undefined;
	}
	const picked = new Set(chosen);
	const feedback: ChoiceFeedback[] = quiz.choices.map((choice, index) =>
		({ index, correct: choice.correct, chosen: picked.has(index), explain: choice.explain }));
	const correct = feedback.every((entry) => entry.correct === entry.chosen);
	return { quizId: quiz.id, correct, feedback, explain: quiz.explain };
}

function gradeOrder(quiz: OrderQuiz, order: readonly number[]): QuizResult | undefined {
	if (order.length !== quiz.steps.length) {
		return undefined;
	}
	const ranges = stepRanges(quiz.steps);
	const feedback: ChoiceFeedback[] = order.map((stepIndex, position) => {
		const range = ranges[stepIndex];
		const correct = range !== undefined && position >= range.first && position <= range.last;
		return { index: stepIndex, correct, chosen: true, explain: quiz.steps[stepIndex]?.explain ?? '' };
	});
	const correct = feedback.every((entry) => entry.correct);
	return { quizId: quiz.id, correct, feedback, explain: quiz.explain };
}

/**
 * Grades `answer` (untrusted) against `quiz`. A quiz is right or wrong as a whole.
 *
 * - `single`/`multiple`: the answer is the chosen choice indices (`single`: exactly one; `multiple`: at least one).
 *   Feedback has one entry per choice, in the quiz's order; the quiz is right when exactly the correct choices
 *   are chosen.
 * - `order`: the answer is a permutation of all step indices, in the learner's order. Feedback has one entry per
 *   position: the step placed there, `correct` when it belongs there (anywhere in its group's positions, for steps
 *   sharing a `group`), `chosen: true`. Right when all are in place.
 * The answer holds choice or step indices in the quiz's own order, never display positions, so the order the page
 * shows them in (see ../page/shuffle) cannot change a grade.
 *
 * Returns undefined for a malformed answer: not an array of integers, an index out of range, a repeated index,
 * or the wrong number of indices.
 */
export function gradeAnswer(quiz: Quiz, answer: unknown): QuizResult | undefined {
	const size = quiz.type === 'order' ? quiz.steps.length : quiz.choices.length;
	const indices = readIndices(answer, size);
	if (!indices) {
		return undefined;
	}
	return quiz.type === 'order' ? gradeOrder(quiz, indices) : gradeChoices(quiz, indices);
}
