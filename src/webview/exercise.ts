/** An exercise section of the lesson page: its buttons ask the extension, which checks and sends the new state back. */
import type { ExerciseView, PageConfig } from '../protocol';

type Strings = PageConfig['strings'];

export function sectionOf(exerciseId: string): HTMLElement | null {
	return document.getElementById(`il-ex-${exerciseId}`);
}

function fillList(list: HTMLElement | null, label: HTMLElement | null, items: readonly HTMLElement[]): void {
	if (!list) {
		return;
	}
	list.replaceChildren(...items);
	list.hidden = items.length === 0;
	if (label) {
		label.hidden = items.length === 0;
	}
}

function resultItem(result: ExerciseView['results'][number], strings: Strings): HTMLElement {
	const item = document.createElement('li');
	item.className = result.passed ? 'is-pass' : 'is-fail';
	item.dataset.checkId = result.checkId;
	const verdict = document.createElement('strong');
	verdict.textContent = `${result.passed ? '✓' : '✗'} ${result.passed ? strings.checkPassed : strings.checkFailed}`;
	const id = document.createElement('code');
	id.textContent = result.checkId;
	item.append(verdict, ' ', id);
	if (!result.passed && result.hint) {
		const hint = document.createElement('span');
		hint.className = 'il-ex-check-hint';
		hint.textContent = ` — ${result.hint}`;
		item.append(hint);
	}
	return item;
}

/** Shows `view` in its section: results, hints unlocked, which buttons apply, the explanation once passed. */
export function showExercise(view: ExerciseView, strings: Strings): void {
	const section = sectionOf(view.exerciseId);
	if (!section) {
		return;
	}
	section.classList.toggle('is-passed', view.passed);
	section.classList.toggle('is-failing', !view.passed && view.attempts > 0);
	fillList(section.querySelector('.il-ex-results'), section.querySelector('.il-ex-results-label'), view.results.map((r) => resultItem(r, strings)));
	fillList(section.querySelector('.il-ex-hints'), section.querySelector('.il-ex-hints-label'), view.hints.map((text) => {
		const item = document.createElement('li');
		item.textContent = text;
		return item;
	}));
	const hint = section.querySelector<HTMLButtonElement>('.il-ex-hint');
	if (hint) {
		hint.disabled = !view.moreHints;
	}
	const solution = section.querySelector<HTMLButtonElement>('.il-ex-solution');
	if (solution) {
		solution.disabled = !view.canShowSolution;
	}
	const explain = section.querySelector<HTMLElement>('.il-ex-explain');
	if (explain) {
		explain.hidden = !view.passed;
	}
}

/** Speaks `text` through the section's own live region (role=status), fresh each time so a repeat is announced. */
export function announceIn(exerciseId: string, text: string): void {
	const status = sectionOf(exerciseId)?.querySelector<HTMLElement>('.il-ex-status');
	if (status && text) {
		status.textContent = '';
		window.setTimeout(() => { status.textContent = text; }, 50);
	}
}

/** The exercise and action a click on an exercise button asks for, if it was one. */
export function exerciseClick(button: HTMLButtonElement | null): { exerciseId: string; action: string } | undefined {
	const section = button?.classList.contains('il-ex-action') ? button.closest<HTMLElement>('.il-exercise') : null;
	const exerciseId = section?.dataset.exerciseId;
	const action = button?.dataset.action;
	return exerciseId && action ? { exerciseId, action } : undefined;
}
