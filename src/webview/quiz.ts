/** Reading answers from a quiz's controls and showing the extension's verdict on them. */
import { displayOrder } from '../core/page/shuffle';
import type { GradedAnswer, PageConfig } from '../protocol';
import { format } from './dom';
import { arrangeSteps } from './orderQuiz';

type Strings = PageConfig['strings'];

/** The learner's answer as indices: chosen choices, or step indices in their current order. */
export function readAnswer(quiz: HTMLElement): number[] {
	if (quiz.dataset.quizType === 'order') {
		return [...quiz.querySelectorAll<HTMLElement>('.il-step')].map((s) => Number(s.dataset.index));
	}
	return [...quiz.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value));
}

/**
 * Locks or unlocks a quiz's inputs (locked while an answer is checked and after the verdict, until Try again). Check
 * answer is only marked aria-disabled: a disabled button would drop its focus to <body> while the answer is graded.
 */
export function setQuizEnabled(quiz: HTMLElement, enabled: boolean): void {
	quiz.classList.toggle('is-locked', !enabled);
	for (const input of quiz.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, .il-move')) {
		input.disabled = !enabled;
	}
	const check = quiz.querySelector('.il-check');
	if (enabled) {
		check?.removeAttribute('aria-disabled');
	} else {
		check?.setAttribute('aria-disabled', 'true');
	}
}

function setFeedback(item: Element, text: string, explain: string): void {
	const fb = item.querySelector<HTMLElement>('.il-feedback');
	if (!fb) {
		return;
	}
	fb.replaceChildren();
	const head = document.createElement('strong');
	head.textContent = text;
	fb.append(head);
	if (explain) {
		fb.append(` ${explain}`);
	}
	fb.hidden = false;
}

/** Shows a graded answer: the learner's selection, right/wrong per choice or step, every explanation, the verdict. */
export function showResult(quiz: HTMLElement, graded: GradedAnswer, strings: Strings): void {
	const { result, answer } = graded;
	if (quiz.dataset.quizType === 'order') {
		const list = quiz.querySelector('.il-steps');
		if (list) {
			arrangeSteps(list, answer);
		}
		for (const fb of result.feedback) {
			const step = quiz.querySelector(`.il-step[data-index="${fb.index}"]`);
			step?.classList.add(fb.correct ? 'is-correct' : 'is-wrong');
			if (step) {
				setFeedback(step, fb.correct ? strings.stepInPlace : format(strings.stepBelongsAt, fb.index + 1), fb.explain);
			}
		}
	} else {
		for (const fb of result.feedback) {
			const item = quiz.querySelector(`.il-choice[data-index="${fb.index}"]`);
			const input = item?.querySelector('input');
			if (!item || !input) {
				continue;
			}
			input.checked = fb.chosen;
			item.classList.toggle('is-correct', fb.correct);
			item.classList.toggle('is-wrong', fb.chosen && !fb.correct);
			item.classList.toggle('is-chosen', fb.chosen);
			const label = [fb.correct ? strings.rightAnswer : '', fb.chosen ? strings.yourChoice : ''].filter(Boolean).join(' · ');
			setFeedback(item, label || '—', fb.explain);
		}
	}
	const explain = quiz.querySelector<HTMLElement>('.il-quiz-explain');
	if (explain) {
		explain.textContent = result.explain;
		explain.hidden = result.explain === '';
	}
	const verdict = quiz.querySelector<HTMLElement>('.il-verdict');
	if (verdict) {
		verdict.textContent = result.correct ? `✓ ${strings.correct}` : `✗ ${strings.incorrect}`;
	}
	quiz.classList.remove('is-right', 'is-wrong-answer');
	quiz.classList.add(result.correct ? 'is-right' : 'is-wrong-answer');
	setQuizEnabled(quiz, false);
	quiz.querySelector<HTMLElement>('.il-check')?.setAttribute('hidden', '');
	quiz.querySelector<HTMLElement>('.il-retry')?.removeAttribute('hidden');
}

/** Back to an unanswered look, keeping the learner's current selection. */
export function clearResult(quiz: HTMLElement): void {
	quiz.classList.remove('is-right', 'is-wrong-answer');
	for (const el of quiz.querySelectorAll('.is-correct, .is-wrong, .is-chosen')) {
		el.classList.remove('is-correct', 'is-wrong', 'is-chosen');
	}
	for (const fb of quiz.querySelectorAll<HTMLElement>('.il-feedback, .il-quiz-explain')) {
		fb.hidden = true;
	}
	const verdict = quiz.querySelector('.il-verdict');
	if (verdict) {
		verdict.textContent = '';
	}
	quiz.querySelector<HTMLElement>('.il-check')?.removeAttribute('hidden');
	quiz.querySelector<HTMLElement>('.il-retry')?.setAttribute('hidden', '');
}

/**
 * Try again on a choice quiz: the next attempt shows the choices in its own order, the one a reload during that
 * attempt shows too (the extension renders attempt `data-attempt` with the same seed). Steps stay as the learner left them.
 */
export function showNextAttempt(quiz: HTMLElement): void {
	const list = quiz.querySelector('.il-choices');
	if (!list || quiz.dataset.quizType === 'order') {
		return;
	}
	const attempt = Number(quiz.dataset.attempt ?? '0') + 1;
	quiz.dataset.attempt = String(attempt);
	const count = list.querySelectorAll('.il-choice').length;
	for (const index of displayOrder(Number(quiz.dataset.seed ?? '0'), attempt, count)) {
		const item = list.querySelector(`.il-choice[data-index="${index}"]`);
		if (item) {
			list.appendChild(item);
		}
	}
}
