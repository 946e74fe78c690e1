/**
 * Markup for one exercise section. Like a quiz, the page holds no answer: the reference solution opens in the
 * editor as a diff, and the checks' verdicts arrive in the extension's `exercise` message. The prompt and the
 * explanation are the author's Markdown, rendered by the caller through the page's own renderer (raw HTML off).
 */
import type { Exercise } from '../exercises';
import { escapeHtml, ID_PREFIX } from '../shared/html';
import { formatLabel, type ExerciseLabels } from './labels';

/** The section's id: `il-ex-<id>`; its parts `il-ex-<id>_<part>` (ids are kebab-case, never `_`). */
export function exerciseElementId(exerciseId: string): string {
	return `${ID_PREFIX}ex-${exerciseId}`;
}

function button(action: string, label: string, base: string): string {
	return `<button type="button" class="il-ex-action il-ex-${action}" data-action="${action}" aria-describedby="${base}_title">${escapeHtml(label)}</button>`;
}

/**
 * Renders an exercise as a labelled region: title, prompt, the files to edit, the buttons (Show hint and Show
 * solution start disabled: the page script enables them from the stored state), an empty results list and hints
 * list that the script fills, its own live region, and the explanation, hidden until a pass.
 */
export function renderExercise(exercise: Exercise, labels: ExerciseLabels, markdown: (text: string) => string): string {
	const base = exerciseElementId(exercise.id);
	const files = exercise.files.map((f) => `<li><code>${escapeHtml(f.path)}</code></li>`).join('');
	return `<section class="il-exercise" id="${base}" data-exercise-id="${escapeHtml(exercise.id)}" aria-labelledby="${base}_title">`
		+ `<h3 class="il-ex-title" id="${base}_title">${escapeHtml(formatLabel(labels.heading, exercise.title))}</h3>`
		+ `<div class="il-ex-prompt">${markdown(exercise.prompt)}</div>`
		+ `<p class="il-ex-files-label" id="${base}_files">${escapeHtml(labels.files)}</p><ul class="il-ex-files" aria-labelledby="${base}_files">${files}</ul>`
		+ `<p class="il-ex-howto">${escapeHtml(labels.howTo)}</p>`
		+ `<div class="il-ex-actions" role="group" aria-labelledby="${base}_title">`
		+ button('start', labels.start, base) + button('check', labels.check, base) + button('hint', labels.hint, base)
		+ button('solution', labels.solution, base) + button('reset', labels.reset, base) + button('save', labels.save, base)
		+ `</div>`
		+ `<div class="il-ex-status" id="${base}_status" role="status" aria-live="polite" aria-atomic="true"></div>`
		+ `<p class="il-ex-results-label" id="${base}_results" hidden>${escapeHtml(labels.results)}</p>`
		+ `<ul class="il-ex-results" aria-labelledby="${base}_results" hidden></ul>`
		+ `<p class="il-ex-hints-label" id="${base}_hints" hidden>${escapeHtml(labels.hints)}</p>`
		+ `<ol class="il-ex-hints" aria-labelledby="${base}_hints" hidden></ol>`
		+ `<div class="il-ex-explain" hidden><p class="il-ex-explain-label">${escapeHtml(labels.explain)}</p>${markdown(exercise.explain)}</div>`
		+ `</section>\n`;
}
