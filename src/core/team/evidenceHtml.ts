/**
 * The evidence pack's summary page: the cycle and requirement, who completed which assigned lesson when, who is
 * overdue, and the hashes of the reports and lessons it rests on. Self-contained (no script, no request, a CSP says
 * so); every string from a report, a lesson or the command line is escaped. Pure.
 */
import { escapeHtml } from '../shared/html';
import { completedOn, type EvidenceInput, type EvidenceManifest } from './evidence';
import { describeCell } from './teamReportFormat';
import { standalonePage } from './teamReportHtml';

/** The plain statement of what the pack shows, on the page itself so it travels with it. */
export const SELF_REPORTED = 'These are self-reported progress reports: evidence of completion as the learners\' editors reported it, not proof. '
	+ 'The hashes show that these are the files given and which lesson content each completion refers to; they do not show who wrote the files.';

function roster(input: EvidenceInput): string {
	const { view } = input;
	const head = view.lessons.map((l) => `<th scope="col"><code>${escapeHtml(l.id)}</code>${l.due ? `<br>due ${escapeHtml(l.due)}` : ''}</th>`).join('');
	const rows = view.learners.map((learner) => {
		const cells = learner.cells.map((cell) => {
			const done = completedOn(cell);
			const text = !cell.assigned ? '—' : done !== undefined ? `✔ ${done}` : describeCell(cell);
			return `<td class="${cell.overdue ? `${cell.status} overdue` : cell.status}">${escapeHtml(text)}</td>`;
		}).join('');
		return `<tr><th scope="row">${escapeHtml(learner.name)}</th>${cells}<td class="num">${learner.done}/${learner.assigned}</td></tr>`;
	});
	return '<table><caption>Last completion date per assigned lesson (the day of the passing answer), or where the learner stands</caption>'
		+ `<thead><tr><th scope="col">Learner</th>${head}<th scope="col">Done</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function overdue(input: EvidenceInput): string {
	const late = input.view.learners.filter((l) => l.overdue > 0);
	if (late.length === 0) {
		return '<p>Nobody is overdue.</p>';
	}
	const items = late.map((l) => {
		const lessons = input.view.lessons.filter((_, i) => l.cells[i]?.overdue).map((lesson) => `${lesson.id} (due ${lesson.due ?? '?'})`);
		return `<li>${escapeHtml(`${l.name}: ${lessons.join(', ')}`)}</li>`;
	});
	return `<ul class="warn">${items.join('')}</ul>`;
}

function hashTables(manifest: EvidenceManifest): string {
	const reports = manifest.reports.map((r) => `<tr><td><code>${escapeHtml(r.file)}</code></td><td>${escapeHtml(r.learner)}</td><td>${escapeHtml(r.generatedAt)}</td>`
		+ `<td>${r.used ? 'yes' : 'no (an older report of this learner)'}</td><td><code class="hash">${escapeHtml(r.sha256)}</code></td></tr>`);
	const lessons = manifest.lessons.map((l) => {
		const files = l.files.map((f) => `<code>${escapeHtml(f.file)}</code> <code class="hash">${escapeHtml(f.sha256)}</code>`);
		const missing = l.missingVersions.length === 0 ? '' : `<br><span class="warn">${escapeHtml(`answered on versions not given: ${l.missingVersions.join(', ')}`)}</span>`;
		return `<tr><td><code>${escapeHtml(l.id)}</code></td><td>${escapeHtml(l.taughtVersions.join(', ') || '—')}</td><td>${files.join('<br>') || '—'}${missing}</td></tr>`;
	});
	return '<h2>Reports read</h2><table><caption>SHA-256 of every report file read</caption><thead><tr><th scope="col">File</th><th scope="col">Learner</th>'
		+ `<th scope="col">Written</th><th scope="col">Used</th><th scope="col">SHA-256</th></tr></thead><tbody>${reports.join('')}</tbody></table>`
		+ '<h2>Lesson content taught</h2><table><caption>Lesson versions the reports answered, and the SHA-256 of the lesson files that are those versions</caption>'
		+ `<thead><tr><th scope="col">Lesson</th><th scope="col">Versions answered</th><th scope="col">Lesson files (SHA-256)</th></tr></thead><tbody>${lessons.join('')}</tbody></table>`;
}

/** The summary page (UTF-8). */
export function formatEvidenceHtml(input: EvidenceInput, manifest: EvidenceManifest): string {
	const title = input.cycle !== undefined ? `Training evidence: ${input.cycle}` : 'Training evidence';
	const facts = [`As of ${input.view.today}`, `${input.view.learners.length} learner${input.view.learners.length === 1 ? '' : 's'}`,
		`${input.view.lessons.length} assigned lesson${input.view.lessons.length === 1 ? '' : 's'}`, `written ${input.generatedAt.slice(0, 16).replace('T', ' ')} UTC`];
	const skipped = manifest.skipped.length === 0 ? ''
		: `<h2>Skipped files</h2><ul class="skipped">${manifest.skipped.map((s) => `<li>${escapeHtml(`${s.file}: ${s.reason}`)}</li>`).join('')}</ul>`;
	return standalonePage(title, `<h1>${escapeHtml(title)}</h1>
${input.requirement !== undefined ? `<p class="requirement">Requirement: <strong>${escapeHtml(input.requirement)}</strong></p>` : ''}
<p class="facts">${escapeHtml(facts.join(' · '))}</p>
<p>${escapeHtml(SELF_REPORTED)}</p>
<h2>Roster</h2>
${input.view.learners.length > 0 && input.view.lessons.length > 0 ? roster(input) : '<p>No assigned lessons in these reports.</p>'}
<h2>Overdue</h2>
${overdue(input)}
${hashTables(manifest)}
${skipped}`, ' .hash { font-size: .8em; word-break: break-all; } .requirement { font-size: 1.05rem; }');
}
