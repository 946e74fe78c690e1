/**
 * The team view: many learners' progress reports folded into one table of learner × assigned lesson, with
 * overdue work and the average score per lesson. Pure; the formats are in teamReportFormat.ts and teamReportHtml.ts.
 */
import { isOverdue } from './dueDates';
import type { LessonStatus } from './progress';
import type { ProgressReport } from './report';

/** A learner's standing in one lesson; `notAssigned` when the lesson is neither assigned to them nor started. */
export type CellStatus = LessonStatus | 'notAssigned';

export interface TeamCell {
	readonly status: CellStatus;
	readonly assigned: boolean;
	readonly due?: string;
	/** Assigned, not passed, and the due date is before the day of the view. */
	readonly overdue: boolean;
	readonly score: number;
	readonly answered: number;
	readonly total: number;
	readonly attempts: number;
	readonly updatedAt?: string;
}

export interface TeamLearner {
	readonly name: string;
	/** The report file it came from. */
	readonly file: string;
	readonly generatedAt: string;
	/** One per {@link TeamView.lessons}, in the same order. */
	readonly cells: readonly TeamCell[];
	readonly assigned: number;
	readonly done: number;
	readonly overdue: number;
}

export interface TeamLesson {
	readonly id: string;
	readonly title: string;
	/** The earliest due date any learner has for it. */
	readonly due?: string;
	readonly assigned: number;
	readonly started: number;
	readonly passed: number;
	/** Mean score (0..100, rounded) of the learners who answered at least one of its quizzes. */
	readonly averageScore?: number;
}

/** A file that was not used, and why. */
export interface SkippedReport {
	readonly file: string;
	readonly reason: string;
}

export interface TeamView {
	/** `YYYY-MM-DD`: the day overdue is measured against. */
	readonly today: string;
	readonly lessons: readonly TeamLesson[];
	readonly learners: readonly TeamLearner[];
	/** The pass mark when every report has the same one. */
	readonly passMark?: number;
	/** Things the reader should know (a learner with several reports). */
	readonly notes: readonly string[];
	readonly skipped: readonly SkippedReport[];
}

/** A report with the file it was read from. */
export interface ReportFile {
	readonly file: string;
	readonly report: ProgressReport;
}

/** One report per learner (names compared ignoring case and spacing): the newest wins, and a note says so. */
function newestPerLearner(reports: readonly ReportFile[], notes: string[]): ReportFile[] {
	const byName = new Map<string, ReportFile[]>();
	for (const entry of reports) {
		const key = entry.report.learner.name.trim().replace(/\s+/g, ' ').toLowerCase();
		byName.set(key, [...byName.get(key) ?? [], entry]);
	}
	return [...byName.values()].map((all) => {
		const sorted = [...all].sort((a, b) => Date.parse(b.report.generatedAt) - Date.parse(a.report.generatedAt) || a.file.localeCompare(b.file));
		const [newest] = sorted;
		if (!newest) {
			throw new Error('a learner group is never empty');
		}
		if (sorted.length > 1) {
			notes.push(`${newest.report.learner.name}: ${sorted.length} reports; used the newest (${newest.file})`);
		}
		return newest;
	});
}

/** The lessons shown: every lesson assigned in any report; when nothing is assigned, every lesson anyone started. */
function chooseLessons(reports: readonly ReportFile[]): { id: string; title: string; due?: string }[] {
	const found = new Map<string, { id: string; title: string; due?: string }>();
	const titleOf = (id: string): string => reports.flatMap((r) => r.report.lessons).find((l) => l.id === id)?.title ?? id;
	for (const { report } of reports) {
		for (const a of report.assignment?.lessons ?? []) {
			const current = found.get(a.id);
			if (!current || (current.due !== undefined && a.due < current.due)) {
				found.set(a.id, { id: a.id, title: titleOf(a.id), due: a.due });
			}
		}
	}
	if (found.size === 0) {
		for (const lesson of reports.flatMap((r) => r.report.lessons).filter((l) => l.answered > 0)) {
			found.set(lesson.id, { id: lesson.id, title: lesson.title });
		}
	}
	return [...found.values()].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id.localeCompare(b.id));
}

function cellFor(report: ProgressReport, lessonId: string, today: string): TeamCell {
	const lesson = report.lessons.find((l) => l.id === lessonId);
	const due = report.assignment?.lessons.find((a) => a.id === lessonId)?.due;
	const assigned = due !== undefined;
	const started = lesson !== undefined && lesson.answered > 0;
	const status: CellStatus = started ? lesson.status : assigned ? 'notStarted' : 'notAssigned';
	return {
		status, assigned,
		...(due !== undefined ? { due } : {}),
		overdue: assigned && status !== 'passed' && isOverdue(due, today),
		score: started ? lesson.score : 0,
		answered: lesson?.answered ?? 0,
		total: lesson?.total ?? 0,
		attempts: lesson?.attempts ?? 0,
		...(lesson?.updatedAt !== undefined ? { updatedAt: lesson.updatedAt } : {}),
	};
}

/**
 * Folds reports into the team view as of `today` (`YYYY-MM-DD`). Learners are sorted by name; a learner with
 * several reports counts once, with their newest. `skipped` is passed through for the formats to show.
 */
export function aggregateReports(reports: readonly ReportFile[], today: string, skipped: readonly SkippedReport[] = []): TeamView {
	const notes: string[] = [];
	const used = newestPerLearner(reports, notes).sort((a, b) => a.report.learner.name.localeCompare(b.report.learner.name) || a.file.localeCompare(b.file));
	const chosen = chooseLessons(used);
	const learners: TeamLearner[] = used.map(({ file, report }) => {
		const cells = chosen.map((l) => cellFor(report, l.id, today));
		return {
			name: report.learner.name, file, generatedAt: report.generatedAt, cells,
			assigned: cells.filter((c) => c.assigned).length,
			done: cells.filter((c) => c.assigned && c.status === 'passed').length,
			overdue: cells.filter((c) => c.overdue).length,
		};
	});
	const lessons: TeamLesson[] = chosen.map((l, i) => {
		const cells = learners.map((learner) => learner.cells[i]).filter((c): c is TeamCell => c !== undefined);
		const started = cells.filter((c) => c.answered > 0);
		return {
			...l,
			assigned: cells.filter((c) => c.assigned).length,
			started: started.length,
			passed: cells.filter((c) => c.status === 'passed').length,
			...(started.length > 0 ? { averageScore: Math.round(started.reduce((sum, c) => sum + c.score, 0) / started.length) } : {}),
		};
	});
	const passMarks = new Set(used.map((r) => r.report.passMark));
	const [passMark] = passMarks;
	return { today, lessons, learners, ...(passMarks.size === 1 && passMark !== undefined ? { passMark } : {}), notes, skipped };
}
