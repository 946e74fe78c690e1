/**
 * The team view as text: a Markdown summary (for a pull request, a wiki or the terminal) and CSV (for a
 * spreadsheet). Every learner-supplied string is escaped for its format. Pure.
 */
import { markdownCell } from '../shared/markdownText';
import type { TeamCell, TeamView } from './teamReport';

/** What a cell says, in words (with a mark for scanning): `✔ passed (100%)`, `⚠ overdue: not started`. */
export function describeCell(cell: TeamCell): string {
	const text = ((): string => {
		switch (cell.status) {
			case 'passed': return `✔ passed (${cell.score}%)`;
			case 'failed': return `✘ below pass mark (${cell.score}%)`;
			case 'inProgress': return `… in progress (${cell.answered}/${cell.total})`;
			case 'notStarted': return '○ not started';
			case 'notAssigned': return '—';
		}
	})();
	return cell.overdue ? `⚠ overdue: ${text.replace(/^\S+ /, '')}` : text;
}

function percent(value: number | undefined): string {
	return value === undefined ? '—' : `${value}%`;
}

/** The team view as Markdown: the learner × lesson table, then one row per lesson, then notes and skipped files. */
export function formatTeamMarkdown(view: TeamView): string {
	const out: string[] = [`# Team progress (${view.today})`, ''];
	const facts = [`${view.learners.length} learner${view.learners.length === 1 ? '' : 's'}`, `${view.lessons.length} lesson${view.lessons.length === 1 ? '' : 's'}`];
	if (view.passMark !== undefined) {
		facts.push(`pass mark ${view.passMark}%`);
	}
	out.push(facts.join(' · '), '');
	if (view.warnings.length > 0) {
		out.push('## ⚠ Check these reports', '', ...view.warnings.map((w) => `- ⚠ ${markdownCell(w)}`), '');
	}
	if (view.learners.length > 0 && view.lessons.length > 0) {
		out.push(`| Learner | ${view.lessons.map((l) => `\`${markdownCell(l.id)}\`${l.due ? ` (due ${l.due})` : ''}`).join(' | ')} | Done | Overdue |`);
		out.push(`| --- | ${view.lessons.map(() => '---').join(' | ')} | --- | --- |`);
		for (const learner of view.learners) {
			out.push(`| ${markdownCell(learner.name)}${learner.warning === undefined ? '' : ' ⚠'} | ${learner.cells.map(describeCell).join(' | ')} | ${learner.done}/${learner.assigned} | ${learner.overdue} |`);
		}
		out.push('', '## Lessons', '', '| Lesson | Due | Passed | Started | Average score |', '| --- | --- | --- | --- | --- |');
		for (const lesson of view.lessons) {
			out.push(`| ${markdownCell(lesson.title)} (\`${markdownCell(lesson.id)}\`) | ${lesson.due ?? '—'} | ${lesson.passed}/${view.learners.length} | ${lesson.started}/${view.learners.length} | ${percent(lesson.averageScore)} |`);
		}
	} else {
		out.push('No assigned or started lessons in these reports.');
	}
	if (view.notes.length > 0) {
		out.push('', '## Notes', '', ...view.notes.map((n) => `- ${markdownCell(n)}`));
	}
	if (view.skipped.length > 0) {
		out.push('', '## Skipped files', '', ...view.skipped.map((s) => `- ${markdownCell(s.file)}: ${markdownCell(s.reason)}`));
	}
	return `${out.join('\n')}\n`;
}

/**
 * One CSV field (RFC 4180). Numbers and booleans are written bare; text is always quoted (quotes doubled), so a
 * separator inside it (`,` here, `;` in many locales) never starts a new cell, and text a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or carriage return; also after spaces, and their full-width forms,
 * which some spreadsheets accept) gets a leading `'` (OWASP's CSV injection advice).
 */
export function csvField(value: string | number | boolean | undefined): string {
	if (value === undefined) {
		return '';
	}
	if (typeof value !== 'string') {
		return String(value);
	}
	const safe = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/.test(value) ? `'${value}` : value;
	return `"${safe.replace(/"/g, '""')}"`;
}

const CSV_COLUMNS = ['learner', 'lesson', 'title', 'assigned', 'due', 'status', 'overdue', 'score', 'answered', 'total', 'attempts', 'updated_at', 'report_file', 'warning'];

/** The team view as CSV: a header, then one row per learner × lesson (with the learner's warning, if any), CRLF line endings. */
export function formatTeamCsv(view: TeamView): string {
	const rows = [CSV_COLUMNS.join(',')];
	for (const learner of view.learners) {
		view.lessons.forEach((lesson, i) => {
			const cell = learner.cells[i];
			if (!cell) {
				return;
			}
			rows.push([learner.name, lesson.id, lesson.title, cell.assigned, cell.due, cell.status, cell.overdue, cell.score, cell.answered, cell.total,
				cell.attempts, cell.updatedAt, learner.file, learner.warning].map(csvField).join(','));
		});
	}
	return `${rows.join('\r\n')}\r\n`;
}
