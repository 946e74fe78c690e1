/**
 * The question-level analysis as a section of the team page: a figure (inline SVG of the first-try rate of the
 * hardest questions, with a caption; the table below it holds the same figures) and the tables. No script; every
 * string from a report or a lesson is escaped. Pure.
 */
import { escapeHtml } from '../shared/html';
import type { ItemView } from './itemAnalysis';
import { describeWrong, truncatedNote } from './itemAnalysisFormat';

/** Questions drawn in the chart: the hardest ones; the table lists them all. */
export const CHART_QUESTIONS = 20;

const CHART = { width: 760, label: 300, bar: 360, row: 24, top: 8 };

function chart(view: ItemView): string {
	const shown = view.questions.slice(0, CHART_QUESTIONS);
	const height = CHART.top + shown.length * CHART.row + 8;
	const rows = shown.map((q, i) => {
		const y = CHART.top + i * CHART.row;
		const name = `${q.lessonId} · ${q.quizId}`;
		const label = name.length > 44 ? `${name.slice(0, 43)}…` : name;
		return `<g><title>${escapeHtml(`${name}: ${q.firstTryRate}% right first try (${q.firstTry} of ${q.answered})`)}</title>`
			+ `<text x="${CHART.label - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`
			+ `<rect class="track" x="${CHART.label}" y="${y + 3}" width="${CHART.bar}" height="16"/>`
			+ `<rect class="bar below" x="${CHART.label}" y="${y + 3}" width="${(CHART.bar * q.firstTryRate) / 100}" height="16"/>`
			+ `<text x="${CHART.label + CHART.bar + 8}" y="${y + 15}">${q.firstTryRate}%</text></g>`;
	});
	const description = shown.map((q) => `${q.lessonId} ${q.quizId} ${q.firstTryRate}%`).join(', ');
	return `<svg role="img" aria-labelledby="items-chart-title items-chart-desc" viewBox="0 0 ${CHART.width} ${height}" width="${CHART.width}" height="${height}">`
		+ `<title id="items-chart-title">Right at the first try, hardest questions first</title><desc id="items-chart-desc">${escapeHtml(description)}</desc>${rows.join('')}</svg>`;
}

function questionTable(view: ItemView): string {
	const rows = view.questions.map((q) => `<tr><td><code>${escapeHtml(q.lessonId)}</code></td>`
		+ `<td><code>${escapeHtml(q.quizId)}</code>${q.prompt !== undefined ? `<br>${escapeHtml(q.prompt)}` : ''}</td>`
		+ `<td class="num">${q.answered}</td><td class="num">${q.firstTryRate}% (${q.firstTry})</td><td class="num">${q.wrongNow}</td>`
		+ `<td>${escapeHtml(describeWrong(q.topWrong))}</td></tr>`);
	return '<table><caption>Questions, hardest first</caption><thead><tr><th scope="col">Lesson</th><th scope="col">Question</th><th scope="col">Answered</th>'
		+ '<th scope="col">Right first try</th><th scope="col">Wrong now</th><th scope="col">Most held wrong answer</th></tr></thead>'
		+ `<tbody>${rows.join('')}</tbody></table>`;
}

function checkTable(view: ItemView): string {
	if (view.checks.length === 0) {
		return '';
	}
	const rows = view.checks.map((c) => `<tr><td><code>${escapeHtml(c.lessonId)}</code></td><td><code>${escapeHtml(c.exerciseId)}</code></td>`
		+ `<td><code>${escapeHtml(c.checkId)}</code>${c.hint !== undefined ? `<br>${escapeHtml(c.hint)}` : ''}</td>`
		+ `<td class="num">${c.failing}/${c.checked}</td><td class="num">${c.hintsUsed}</td></tr>`);
	return '<h3>Exercise checks</h3><table><caption>Checks failing at learners\' latest check, most failing first</caption><thead><tr><th scope="col">Lesson</th>'
		+ '<th scope="col">Exercise</th><th scope="col">Check</th><th scope="col">Failing</th><th scope="col">Hints opened</th></tr></thead>'
		+ `<tbody>${rows.join('')}</tbody></table>`;
}

/** The section (`<h2>` and below) for the team page. */
export function itemsSection(view: ItemView): string {
	const cut = truncatedNote(view);
	const note = (view.withoutAnswers > 0 ? `<p>${view.withoutAnswers} version 1 report${view.withoutAnswers === 1 ? '' : 's'} (no answers recorded) not counted here.</p>` : '')
		+ (cut !== undefined ? `<p class="warn">⚠ ${escapeHtml(cut)}</p>` : '');
	if (view.questions.length === 0 && view.checks.length === 0) {
		return `<h2>Questions the team gets wrong</h2>${note}<p>No answers in these reports.</p>`;
	}
	const caption = `Share of learners right at their first answer, for the ${Math.min(view.questions.length, CHART_QUESTIONS)} hardest questions; the table below has every question.`;
	const figure = view.questions.length === 0 ? '' : `<figure>${chart(view)}<figcaption>${escapeHtml(caption)}</figcaption></figure>${questionTable(view)}`;
	return `<h2>Questions the team gets wrong</h2>${note}${figure}${checkTable(view)}`;
}
