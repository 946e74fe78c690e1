/**
 * The team view: many learners' progress reports folded into one table of learner × assigned lesson, with
 * overdue work and the average score per lesson. Pure; the formats are in teamReportFormat.ts and teamReportHtml.ts.
 */
import { isOverdue } from './dueDates';
import type { LessonStatus } from '../progress/progress';
import type { AssignedInReport, ProgressReport, ReportLesson } from './learnerReport';

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
	/** Set when other reports claim this learner and contradict this one: what the reader must check. */
	readonly warning?: string;
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
	/** Things the reader should know (a learner with several reports that read as successive exports). */
	readonly notes: readonly string[];
	/** Things the reader must check: reports that claim the same learner and contradict each other (one per learner). */
	readonly warnings: readonly string[];
	readonly skipped: readonly SkippedReport[];
}

/** A report with the file it was read from. */
export interface ReportFile {
	readonly file: string;
	readonly report: ProgressReport;
}

/**
 * Could `newer` be a later export of the progress in `older`? Every answer in `older` is still in `newer`, with the
 * same attempts, time and result, or with more attempts answered later; a lesson keeps the time it was started.
 */
function continues(older: ProgressReport, newer: ProgressReport): boolean {
	const lessons = firstById(newer.lessons);
	return older.lessons.every((lesson) => {
		const later = lessons.get(lesson.id);
		if (lesson.quizzes.length === 0) {
			return true;
		}
		if (!later || (lesson.startedAt !== undefined && later.startedAt !== undefined && later.startedAt !== lesson.startedAt)) {
			return false;
		}
		const quizzes = firstById(later.quizzes);
		return lesson.quizzes.every((quiz) => {
			const now = quizzes.get(quiz.id);
			return now !== undefined && (now.attempts > quiz.attempts
				? now.answeredAt >= quiz.answeredAt
				: now.attempts === quiz.attempts && now.answeredAt === quiz.answeredAt && now.correct === quiz.correct);
		});
	});
}

/** The newest report of one learner, and the warning when their reports do not all say the same. */
interface Chosen extends ReportFile {
	readonly warning?: string;
}

/**
 * One report per learner (names compared ignoring case and spacing): the newest wins. Reports that read as one
 * learner's successive exports get a note; reports that contradict each other get a warning, since anyone can
 * write any name into a report.
 */
function newestPerLearner(reports: readonly ReportFile[], notes: string[], warnings: string[]): Chosen[] {
	const byName = new Map<string, ReportFile[]>();
	for (const entry of reports) {
		const key = entry.report.learner.name.trim().replace(/\s+/g, ' ').toLowerCase();
		const group = byName.get(key);
		if (group) {
			group.push(entry);
		} else {
			byName.set(key, [entry]);
		}
	}
	return [...byName.values()].map((all): Chosen => {
		const sorted = [...all].sort((a, b) => Date.parse(b.report.generatedAt) - Date.parse(a.report.generatedAt) || a.file.localeCompare(b.file));
		const [newest] = sorted;
		if (!newest) {
			throw new Error('a learner group is never empty');
		}
		if (sorted.length === 1) {
			return newest;
		}
		if (sorted.every((newer, i) => { const older = sorted[i + 1]; return !older || continues(older.report, newer.report); })) {
			notes.push(`${newest.report.learner.name}: ${sorted.length} reports; used the newest (${newest.file})`);
			return newest;
		}
		const files = sorted.map((r) => r.file).sort((a, b) => a.localeCompare(b));
		const warning = `${sorted.length} reports claim this learner and contradict each other (${files.join(', ')}); used the newest (${newest.file}): ask the learner which is theirs`;
		warnings.push(`${newest.report.learner.name}: ${warning}`);
		return { ...newest, warning };
	});
}

/** The lessons shown: every lesson assigned in any report; when nothing is assigned, every lesson anyone started. */
function chooseLessons(reports: readonly ReportFile[]): { id: string; title: string; due?: string }[] {
	const titles = new Map<string, string>();
	for (const lesson of reports.flatMap((r) => r.report.lessons)) {
		if (!titles.has(lesson.id)) {
			titles.set(lesson.id, lesson.title);
		}
	}
	const found = new Map<string, { id: string; title: string; due?: string }>();
	for (const { report } of reports) {
		for (const a of report.assignment?.lessons ?? []) {
			const current = found.get(a.id);
			if (!current || (current.due !== undefined && a.due < current.due)) {
				found.set(a.id, { id: a.id, title: titles.get(a.id) ?? a.id, due: a.due });
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

/** `id → first entry with that id`, so each cell is one lookup however many lessons a report has. */
function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
	const byId = new Map<string, T>();
	for (const item of items) {
		if (!byId.has(item.id)) {
			byId.set(item.id, item);
		}
	}
	return byId;
}

/** `entry`: the learner's assignment of the lesson; a recurring one is judged by its current cycle's status. */
function cellFor(lesson: ReportLesson | undefined, entry: AssignedInReport | undefined, today: string): TeamCell {
	const due = entry?.due;
	const assigned = due !== undefined;
	const started = lesson !== undefined && lesson.answered > 0;
	const status: CellStatus = entry?.cycle ? entry.cycle.status : started ? lesson.status : assigned ? 'notStarted' : 'notAssigned';
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
	const warnings: string[] = [];
	const used = newestPerLearner(reports, notes, warnings).sort((a, b) => a.report.learner.name.localeCompare(b.report.learner.name) || a.file.localeCompare(b.file));
	const chosen = chooseLessons(used);
	const learners: TeamLearner[] = used.map(({ file, report, warning }) => {
		const lessons = firstById(report.lessons);
		const due = firstById(report.assignment?.lessons ?? []);
		const cells = chosen.map((l) => cellFor(lessons.get(l.id), due.get(l.id), today));
		return {
			name: report.learner.name, file, generatedAt: report.generatedAt, cells, ...(warning !== undefined ? { warning } : {}),
			assigned: cells.filter((c) => c.assigned).length,
			done: cells.filter((c) => c.assigned && c.status === 'passed').length,
			overdue: cells.filter((c) => c.overdue).length,
		};
	});
	const lessonRows: TeamLesson[] = chosen.map((l, i) => {
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
	return { today, lessons: lessonRows, learners, ...(passMarks.size === 1 && passMark !== undefined ? { passMark } : {}), notes, warnings, skipped };
}
