/**
 * Markup for one quiz. The answer key never reaches the page: correctness and explanations arrive only in
 * the extension's `graded` message, so the HTML holds the prompt, the choices and the controls.
 */
import { escapeHtml, ID_PREFIX } from '../shared/html';
import { formatLabel, type RenderLabels } from './labels';
import type { Quiz } from '../lessons/lesson';
import { gradeAnswer } from '../lessons/grade';
import { displayOrder, quizSeed } from './shuffle';

/** Which shuffle a quiz is shown in: the learner's seed for it (see ./shuffle `quizSeed`) and the attempt, 0 first. */
export interface QuizShuffle {
	readonly seed: number;
	readonly attempt: number;
}

/**
 * The order a quiz shows its choices or steps in (indices into the quiz's own lists). An order quiz is never shown
 * already solved: an order that would be right as shown is turned by one place, which no right order survives
 * (its first and last steps would have to share a group holding every step, which the parser refuses).
 */
export function quizDisplayOrder(quiz: Quiz, shuffle: QuizShuffle): number[] {
	const count = quiz.type === 'order' ? quiz.steps.length : quiz.choices.length;
	const order = displayOrder(shuffle.seed, shuffle.attempt, count);
	if (quiz.type === 'order' && count > 1 && gradeAnswer(quiz, order)?.correct === true) {
		order.push(order.shift() as number);
	}
	return order;
}

function choicesHtml(quiz: Quiz & { type: 'single' | 'multiple' }, base: string, order: readonly number[]): string {
	const inputType = quiz.type === 'single' ? 'radio' : 'checkbox';
	// Inputs carry the choice's own index, never its place on screen: that index is what is sent and graded.
	// Plain blocks, not list items: the fieldset gives the group its name, and a list inside would be read twice.
	return order.map((i) => `<div class="il-choice" data-index="${i}">`
		+ `<input type="${inputType}" id="${base}_c${i}" name="${base}" value="${i}" aria-describedby="${base}_c${i}_fb">`
		+ `<label for="${base}_c${i}">${escapeHtml(quiz.choices[i]?.text ?? '')}</label>`
		+ `<div class="il-feedback" id="${base}_c${i}_fb" hidden></div></div>`).join('');
}

function stepsHtml(quiz: Quiz & { type: 'order' }, base: string, order: readonly number[], labels: RenderLabels): string {
	return order.map((stepIndex) => {
		const step = quiz.steps[stepIndex];
		return `<li class="il-step" data-index="${stepIndex}" tabindex="0" aria-describedby="${base}_hint">`
			+ `<span class="il-step-pos" aria-hidden="true"></span><span class="il-step-text">${escapeHtml(step?.text ?? '')}</span>`
			+ `<span class="il-step-moves"><button type="button" class="il-move" data-move="-1" aria-label="${escapeHtml(labels.moveUp)}" title="${escapeHtml(labels.moveUp)}">↑</button>`
			+ `<button type="button" class="il-move" data-move="1" aria-label="${escapeHtml(labels.moveDown)}" title="${escapeHtml(labels.moveDown)}">↓</button></span>`
			+ `<div class="il-feedback" hidden></div></li>`;
	}).join('');
}

/**
 * Renders a quiz as a labelled group with its controls. `number` is 1-based. Choices and steps are shown in the order
 * of `shuffle` (default: the same for everyone); the page script reshuffles choices for the next attempt from the
 * seed and attempt the markup carries. The quiz is `il-quiz-<id>` and its parts `il-quiz-<id>_<part>`: quiz ids are
 * kebab-case, never `_`, so no part's id can be another quiz's (quiz `a-prompt` and quiz `a`'s prompt).
 */
export function renderQuiz(quiz: Quiz, lessonId: string, number: number, count: number, labels: RenderLabels,
	shuffle: QuizShuffle = { seed: quizSeed('', lessonId, quiz.id), attempt: 0 }): string {
	const base = `${ID_PREFIX}quiz-${quiz.id}`;
	const order = quizDisplayOrder(quiz, shuffle);
	const hint = quiz.type === 'single' ? labels.chooseOne : quiz.type === 'multiple' ? labels.chooseAll : labels.putInOrder;
	const prompt = escapeHtml(quiz.prompt);
	const hintHtml = `<p class="il-quiz-hint" id="${base}_hint">${escapeHtml(hint)}</p>`;
	// Native radios and checkboxes in a fieldset named by its legend (the prompt); steps are a real ordered list.
	const body = quiz.type === 'order'
		? `<p class="il-quiz-prompt" id="${base}_prompt">${prompt}</p>${hintHtml}`
			+ `<ol class="il-steps" aria-labelledby="${base}_prompt">${stepsHtml(quiz, base, order, labels)}</ol>`
		: `<fieldset class="il-choices" aria-describedby="${base}_hint"><legend class="il-quiz-prompt" id="${base}_prompt">${prompt}</legend>`
			+ `${hintHtml}${choicesHtml(quiz, base, order)}</fieldset>`;
	return `<section class="il-quiz" id="${base}" data-quiz-id="${escapeHtml(quiz.id)}" data-quiz-type="${quiz.type}" data-seed="${shuffle.seed >>> 0}" data-attempt="${Math.max(0, Math.floor(shuffle.attempt))}" aria-labelledby="${base}_prompt">`
		+ `<p class="il-quiz-number">${escapeHtml(formatLabel(labels.quizNumber, number, count))}</p>`
		+ body
		+ `<div class="il-quiz-actions"><button type="button" class="il-check">${escapeHtml(labels.checkAnswer)}</button>`
		+ `<button type="button" class="il-retry" hidden>${escapeHtml(labels.tryAgain)}</button>`
		+ `<span class="il-verdict" aria-hidden="true"></span></div>`
		+ `<div class="il-quiz-explain" hidden></div>`
		+ `</section>\n`;
}
