/** Reordering the steps of an `order` quiz by buttons or Alt+Up/Down. */
import type { PageConfig } from '../protocol';
import { announce, format } from './dom';

/** Writes each step's visible position number (1-based). */
export function refreshPositions(list: Element): void {
	const steps = list.querySelectorAll<HTMLElement>('.il-step');
	steps.forEach((step, i) => {
		const pos = step.querySelector('.il-step-pos');
		if (pos) {
			pos.textContent = `${i + 1}.`;
		}
		step.querySelector<HTMLButtonElement>('[data-move="-1"]')?.toggleAttribute('data-edge', i === 0);
		step.querySelector<HTMLButtonElement>('[data-move="1"]')?.toggleAttribute('data-edge', i === steps.length - 1);
	});
}

/** Moves `step` one place up (-1) or down (1) and announces where it went. Does nothing while the quiz is locked. */
export function moveStep(step: HTMLElement, delta: number, strings: PageConfig['strings']): void {
	const list = step.parentElement;
	if (!list || step.closest('.il-quiz')?.classList.contains('is-locked')) {
		return;
	}
	const sibling = delta < 0 ? step.previousElementSibling : step.nextElementSibling;
	if (!sibling) {
		return;
	}
	list.insertBefore(step, delta < 0 ? sibling : sibling.nextElementSibling);
	refreshPositions(list);
	const steps = [...list.children];
	announce(format(strings.movedTo, steps.indexOf(step) + 1, steps.length));
}

/** Puts the steps in the order of `answer` (step indices), e.g. when restoring a saved answer. */
export function arrangeSteps(list: Element, answer: readonly number[]): void {
	for (const index of answer) {
		const step = list.querySelector(`.il-step[data-index="${index}"]`);
		if (step) {
			list.appendChild(step);
		}
	}
	refreshPositions(list);
}
