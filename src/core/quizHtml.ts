/**
 * Markup for one quiz. The answer key never reaches the page: correctness and explanations arrive only in
 * the extension's `graded` message, so the HTML holds the prompt, the choices and the controls.
 */
import { escapeHtml, ID_PREFIX } from './html';
import { formatLabel, type RenderLabels } from './labels';
import type { Quiz } from './lesson';
import { fnv1a } from './hash';

/** Presentation order of an order quiz's steps: a shuffle seeded by lesson and quiz id, never the solved order. */
export function shuffledStepOrder(lessonId: string, quizId: string, count: number): number[] {
	const order = Array.from({ length: count }, (_, i) => i);
	let seed = fnv1a(`${lessonId}/${quizId}`) || 1;
	const next = (): number => {
		// xorshift32: tiny, deterministic, good enough to shuffle a handful of steps
		seed ^= seed << 13;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		return (seed >>> 0) / 0x100000000;
	};
	for (let i = count - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[order[i], order[j]] = [order[j] as number, order[i] as number];
	}
	if (count > 1 && order.every((v, i) => v === i)) {
		order.push(order.shift() as number);
	}
	return order;
}

function choicesHtml(quiz: Quiz & { type: 'single' | 'multiple' }, base: string): string {
	const inputType = quiz.type === 'single' ? 'radio' : 'checkbox';
	return quiz.choices.map((choice, i) => `<li class="il-choice" data-index="${i}">`
		+ `<input type="${inputType}" id="${base}_c${i}" name="${base}" value="${i}">`
		+ `<label for="${base}_c${i}">${escapeHtml(choice.text)}</label>`
		+ `<div class="il-feedback" id="${base}_c${i}_fb" hidden></div></li>`).join('');
}

function stepsHtml(quiz: Quiz & { type: 'order' }, base: string, lessonId: string, labels: RenderLabels): string {
	return shuffledStepOrder(lessonId, quiz.id, quiz.steps.length).map((stepIndex) => {
		const step = quiz.steps[stepIndex];
		return `<li class="il-step" data-index="${stepIndex}" tabindex="0" aria-describedby="${base}_hint">`
			+ `<span class="il-step-pos" aria-hidden="true"></span><span class="il-step-text">${escapeHtml(step?.text ?? '')}</span>`
			+ `<span class="il-step-moves"><button type="button" class="il-move" data-move="-1" aria-label="${escapeHtml(labels.moveUp)}" title="${escapeHtml(labels.moveUp)}">↑</button>`
			+ `<button type="button" class="il-move" data-move="1" aria-label="${escapeHtml(labels.moveDown)}" title="${escapeHtml(labels.moveDown)}">↓</button></span>`
			+ `<div class="il-feedback" hidden></div></li>`;
	}).join('');
}

/**
 * Renders a quiz as a labelled group with its controls. `number` is 1-based. The quiz is `il-quiz-<id>` and its
 * parts `il-quiz-<id>_<part>`: quiz ids are kebab-case, never `_`, so no part's id can be another quiz's (quiz
 * `a-prompt` and quiz `a`'s prompt), and headings and fixed elements use other prefixes.
 */
export function renderQuiz(quiz: Quiz, lessonId: string, number: number, count: number, labels: RenderLabels): string {
	const base = `${ID_PREFIX}quiz-${quiz.id}`;
	const hint = quiz.type === 'single' ? labels.chooseOne : quiz.type === 'multiple' ? labels.chooseAll : labels.putInOrder;
	const list = quiz.type === 'order'
		? `<ol class="il-steps" aria-labelledby="${base}_prompt">${stepsHtml(quiz, base, lessonId, labels)}</ol>`
		: `<ul class="il-choices" role="${quiz.type === 'single' ? 'radiogroup' : 'group'}" aria-labelledby="${base}_prompt">${choicesHtml(quiz, base)}</ul>`;
	return `<section class="il-quiz" id="${base}" data-quiz-id="${escapeHtml(quiz.id)}" data-quiz-type="${quiz.type}" aria-labelledby="${base}_prompt">`
		+ `<p class="il-quiz-number">${escapeHtml(formatLabel(labels.quizNumber, number, count))}</p>`
		+ `<p class="il-quiz-prompt" id="${base}_prompt">${escapeHtml(quiz.prompt)}</p>`
		+ `<p class="il-quiz-hint" id="${base}_hint">${escapeHtml(hint)}</p>`
		+ list
		+ `<div class="il-quiz-actions"><button type="button" class="il-check">${escapeHtml(labels.checkAnswer)}</button>`
		+ `<button type="button" class="il-retry" hidden>${escapeHtml(labels.tryAgain)}</button>`
		+ `<span class="il-verdict" aria-hidden="true"></span></div>`
		+ `<div class="il-quiz-explain" hidden></div>`
		+ `</section>\n`;
}
