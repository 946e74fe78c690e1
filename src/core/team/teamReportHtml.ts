/**
 * The team view as one self-contained HTML page: no script, no external request (a CSP says so), styles inline,
 * and the average score per lesson drawn as an inline SVG bar chart. Every string from a report is escaped. Pure.
 */
import { escapeHtml } from '../shared/html';
import type { ItemView } from './itemAnalysis';
import { itemsSection } from './itemAnalysisHtml';
import { describeCell } from './teamReportFormat';
import type { TeamCell, TeamView } from './teamReport';

/** The team pages' styles: light and dark, no external resource. */
const STYLE = `
:root { color-scheme: light dark; --ok: #2e7d32; --bad: #c62828; --warn: #b26a00; --muted: #6b6b6b; --line: #d0d0d0; --bar: #1565c0; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Yu Gothic UI", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.facts { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: rgba(127, 127, 127, .12); font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: .92em; }
.passed { color: var(--ok); } .failed { color: var(--bad); } .inProgress { color: var(--bar); } .notStarted, .notAssigned { color: var(--muted); }
td.overdue { color: var(--bad); background: rgba(198, 40, 40, .08); font-weight: 600; }
svg text { fill: currentColor; font-size: 12px; } .bar { fill: var(--bar); } .bar.below { fill: var(--warn); } .track { fill: rgba(127, 127, 127, .15); }
.passline { stroke: var(--bad); stroke-dasharray: 4 3; } .skipped, .warn { color: var(--bad); }
figure { margin: 0 0 1rem; } figcaption, caption { color: var(--muted); text-align: left; padding: .25rem 0; }
@media (prefers-color-scheme: dark) {
  :root { --ok: #81c995; --bad: #ff8a80; --warn: #ffb74d; --muted: #b0b0b0; --line: #5a5a5a; --bar: #8ab4f8; }
  body { background: #1e1e1e; color: #e8e8e8; }
  td.overdue { background: rgba(255, 138, 128, .12); }
}
`;

const CHART = { width: 760, label: 260, bar: 400, row: 26, top: 24 };

function cellClass(cell: TeamCell): string {
	return cell.overdue ? `${cell.status} overdue` : cell.status;
}

/** A horizontal bar per lesson: its average score out of 100, with the pass mark as a dashed line. */
function barChart(view: TeamView): string {
	const height = CHART.top + view.lessons.length * CHART.row + 8;
	const x = (score: number): number => CHART.label + (CHART.bar * score) / 100;
	const rows = view.lessons.map((lesson, i) => {
		const y = CHART.top + i * CHART.row;
		const label = lesson.id.length > 36 ? `${lesson.id.slice(0, 35)}…` : lesson.id;
		const average = lesson.averageScore;
		const below = view.passMark !== undefined && average !== undefined && average < view.passMark;
		const bar = average === undefined
			? `<text x="${CHART.label + 6}" y="${y + 15}">no answers yet</text>`
			: `<rect class="bar${below ? ' below' : ''}" x="${CHART.label}" y="${y + 3}" width="${(CHART.bar * average) / 100}" height="16"/>`
				+ `<text x="${x(100) + 8}" y="${y + 15}">${average}%</text>`;
		return `<g><title>${escapeHtml(`${lesson.title}: ${average === undefined ? 'no answers yet' : `${average}%`}`)}</title>`
			+ `<text x="${CHART.label - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`
			+ `<rect class="track" x="${CHART.label}" y="${y + 3}" width="${CHART.bar}" height="16"/>${bar}</g>`;
	});
	const passLine = view.passMark === undefined ? ''
		: `<line class="passline" x1="${x(view.passMark)}" y1="${CHART.top - 6}" x2="${x(view.passMark)}" y2="${height - 6}"/>`
			+ `<text x="${x(view.passMark)}" y="${CHART.top - 10}" text-anchor="middle">pass mark ${view.passMark}%</text>`;
	const description = view.lessons.map((l) => `${l.id} ${l.averageScore === undefined ? 'no answers' : `${l.averageScore}%`}`).join(', ');
	return `<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${CHART.width} ${height}" width="${CHART.width}" height="${height}">`
		+ `<title id="chart-title">Average score per lesson</title><desc id="chart-desc">${escapeHtml(description)}</desc>${rows.join('')}${passLine}</svg>`;
}

function matrix(view: TeamView): string {
	const head = view.lessons.map((l) => `<th scope="col"><code>${escapeHtml(l.id)}</code>${l.due ? `<br>due ${escapeHtml(l.due)}` : ''}</th>`).join('');
	const rows = view.learners.map((learner) => {
		const cells = learner.cells.map((cell) => `<td class="${cellClass(cell)}">${escapeHtml(describeCell(cell))}</td>`).join('');
		const mark = learner.warning === undefined ? '' : ` <span class="warn" title="${escapeHtml(learner.warning)}">⚠</span>`;
		return `<tr><th scope="row">${escapeHtml(learner.name)}${mark}</th>${cells}<td class="num">${learner.done}/${learner.assigned}</td>`
			+ `<td class="num${learner.overdue > 0 ? ' overdue' : ''}">${learner.overdue}</td></tr>`;
	});
	return `<table><thead><tr><th scope="col">Learner</th>${head}<th scope="col">Done</th><th scope="col">Overdue</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function lessonTable(view: TeamView): string {
	const n = view.learners.length;
	const rows = view.lessons.map((l) => `<tr><td>${escapeHtml(l.title)}<br><code>${escapeHtml(l.id)}</code></td><td>${escapeHtml(l.due ?? '—')}</td>`
		+ `<td class="num">${l.passed}/${n}</td><td class="num">${l.started}/${n}</td><td class="num">${l.averageScore === undefined ? '—' : `${l.averageScore}%`}</td></tr>`);
	return `<table><thead><tr><th scope="col">Lesson</th><th scope="col">Due</th><th scope="col">Passed</th><th scope="col">Started</th><th scope="col">Average score</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function list(title: string, items: readonly string[], className = ''): string {
	return items.length === 0 ? '' : `<h2>${escapeHtml(title)}</h2><ul${className ? ` class="${className}"` : ''}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/**
 * A self-contained page (UTF-8) with the team pages' styles and `extraStyle`: no script and no request (a CSP says
 * so). `title` is escaped here; `body` must already be escaped markup.
 */
export function standalonePage(title: string, body: string, extraStyle = ''): string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${extraStyle}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The team view as a complete HTML document (UTF-8), safe to open from disk or attach to a message; with `items`,
 * the question-level analysis too.
 */
export function formatTeamHtml(view: TeamView, items?: ItemView): string {
	const facts = [`${view.learners.length} learner${view.learners.length === 1 ? '' : 's'}`, `${view.lessons.length} lesson${view.lessons.length === 1 ? '' : 's'}`];
	if (view.passMark !== undefined) {
		facts.push(`pass mark ${view.passMark}%`);
	}
	const body = view.learners.length > 0 && view.lessons.length > 0
		? `<h2>Average score per lesson</h2>${barChart(view)}<h2>Learners and assigned lessons</h2>${matrix(view)}<h2>Lessons</h2>${lessonTable(view)}`
		: '<p>No assigned or started lessons in these reports.</p>';
	return standalonePage(`Team progress (${view.today})`, `<h1>Team progress</h1>
<p class="facts">As of ${escapeHtml(view.today)} · ${facts.join(' · ')}</p>
${list('⚠ Check these reports', view.warnings, 'warn')}
${body}
${items ? itemsSection(items) : ''}
${list('Notes', view.notes)}
${list('Skipped files', view.skipped.map((s) => `${s.file}: ${s.reason}`), 'skipped')}`);
}
