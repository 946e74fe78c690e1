/**
 * The readable side of a progress report: a short Markdown summary written next to the JSON, for the learner to
 * read or paste into a pull request. The words come in as labels so the extension can translate them. Pure.
 */
import { appendAll } from '../shared/arrays';
import { isOverdue } from './dueDates';
import { formatLabel } from '../page/labels';
import type { LessonStatus } from '../progress/progress';
import type { ProgressReport, ReportLesson } from './learnerReport';
import { markdownCell } from '../shared/markdownText';

export interface ReportSummaryLabels {
	readonly heading: string;
	/** `{0}` = learner, `{1}` = date and time. */
	readonly byline: string;
	/** `{0}` = passed, `{1}` = lessons. */
	readonly passedCount: string;
	/** `{0}` = done, `{1}` = assigned, `{2}` = overdue. */
	readonly assignedCount: string;
	readonly assignedHeading: string;
	readonly otherHeading: string;
	readonly lessonColumn: string;
	readonly dueColumn: string;
	readonly statusColumn: string;
	readonly scoreColumn: string;
	readonly attemptsColumn: string;
	readonly lastAnswerColumn: string;
	readonly overdue: string;
	readonly statuses: Readonly<Record<LessonStatus, string>>;
	readonly noneStarted: string;
}

export const DEFAULT_SUMMARY_LABELS: ReportSummaryLabels = {
	heading: 'Security lessons: progress report',
	byline: '{0} · written {1}',
	passedCount: '{0} of {1} lessons passed.',
	assignedCount: 'Assigned: {0} of {1} done, {2} overdue.',
	assignedHeading: 'Assigned lessons',
	otherHeading: 'Other lessons started',
	lessonColumn: 'Lesson',
	dueColumn: 'Due',
	statusColumn: 'Status',
	scoreColumn: 'Score',
	attemptsColumn: 'Attempts',
	lastAnswerColumn: 'Last answer',
	overdue: 'overdue',
	statuses: { notStarted: 'not started', inProgress: 'in progress', passed: 'passed', failed: 'below the pass mark' },
	noneStarted: 'No other lesson started yet.',
};

function row(lesson: ReportLesson | undefined, id: string, labels: ReportSummaryLabels, due?: string, today?: string): string {
	const status = lesson?.status ?? 'notStarted';
	const late = due !== undefined && today !== undefined && status !== 'passed' && isOverdue(due, today);
	const cells = [
		`${markdownCell(lesson?.title ?? id)} (\`${markdownCell(id)}\`)`,
		...(due === undefined ? [] : [late ? `${due} (${labels.overdue})` : due]),
		labels.statuses[status],
		lesson && lesson.answered > 0 ? `${lesson.score}%` : '—',
		String(lesson?.attempts ?? 0),
		lesson?.updatedAt?.slice(0, 16).replace('T', ' ') ?? '—',
	];
	return `| ${cells.join(' | ')} |`;
}

/** The summary of `report` as Markdown; `today` (`YYYY-MM-DD`) decides what is overdue. */
export function formatReportSummary(report: ProgressReport, today: string, labels: ReportSummaryLabels = DEFAULT_SUMMARY_LABELS): string {
	const passed = report.lessons.filter((l) => l.status === 'passed').length;
	const out = [
		`# ${labels.heading}`, '',
		formatLabel(labels.byline, markdownCell(report.learner.name), report.generatedAt.slice(0, 16).replace('T', ' ')), '',
		formatLabel(labels.passedCount, passed, report.lessons.length),
	];
	const assigned = report.assignment?.lessons ?? [];
	const byId = new Map(report.lessons.map((l) => [l.id, l]));
	const columns = (withDue: boolean): string[] => {
		const names = [labels.lessonColumn, ...(withDue ? [labels.dueColumn] : []), labels.statusColumn, labels.scoreColumn, labels.attemptsColumn, labels.lastAnswerColumn];
		return [`| ${names.join(' | ')} |`, `| ${names.map(() => '---').join(' | ')} |`];
	};
	if (assigned.length > 0) {
		const done = assigned.filter((a) => byId.get(a.id)?.status === 'passed').length;
		const overdue = assigned.filter((a) => byId.get(a.id)?.status !== 'passed' && isOverdue(a.due, today)).length;
		out.push(formatLabel(labels.assignedCount, done, assigned.length, overdue), '', `## ${labels.assignedHeading}`, '', ...columns(true));
		appendAll(out, assigned.map((a) => row(byId.get(a.id), a.id, labels, a.due, today)));
	}
	const assignedIds = new Set(assigned.map((a) => a.id));
	const others = report.lessons.filter((l) => !assignedIds.has(l.id) && l.answered > 0);
	out.push('', `## ${labels.otherHeading}`, '');
	appendAll(out, others.length > 0 ? [...columns(false), ...others.map((l) => row(l, l.id, labels))] : [labels.noneStarted]);
	return `${out.join('\n')}\n`;
}
