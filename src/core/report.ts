/**
 * The progress report a learner exports and hands in (or commits): one versioned JSON document with their lessons,
 * scores, attempts and times, and the assignment it answers. Building it from progress, and reading one back
 * from a file that may be anything. Pure.
 */
import type { AssignedLesson } from './assignments';
import { lessonStatus, ownEntry, type LessonStatus, type Progress } from './progress';
import { validateReportData } from './schemaValidation';

/** The value of `format`: what tells a report apart from any other JSON file. */
export const REPORT_FORMAT = 'incident-lessons-progress-report';

/** The version of {@link ProgressReport} this release writes and the newest it reads. */
export const REPORT_SCHEMA_VERSION = 1;

/** The largest report file `readReport` callers should accept (a report of every lesson is a few kB). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export interface ReportQuiz {
	readonly id: string;
	readonly correct: boolean;
	readonly attempts: number;
	readonly answeredAt: string;
}

export interface ReportLesson {
	readonly id: string;
	readonly title: string;
	readonly track: string;
	/** Bundled with the extension, or written by the team under `.incident-lessons/lessons/`. */
	readonly origin: 'bundled' | 'workspace';
	readonly status: LessonStatus;
	/** 0..100: the share of quizzes answered right. */
	readonly score: number;
	readonly answered: number;
	readonly total: number;
	readonly correct: number;
	/** All answers given to the lesson's quizzes, retries included. */
	readonly attempts: number;
	readonly startedAt?: string;
	readonly updatedAt?: string;
	readonly quizzes: readonly ReportQuiz[];
}

export interface ReportAssignment {
	/** The assignments file, relative to the workspace folder. */
	readonly file: string;
	readonly lessons: readonly { readonly id: string; readonly due: string; readonly audience?: string; readonly note?: string }[];
}

/** Version 1 of the report (schemas/progress-report.schema.json). */
export interface ProgressReport {
	readonly format: typeof REPORT_FORMAT;
	readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
	/** ISO 8601. */
	readonly generatedAt: string;
	readonly learner: { readonly name: string };
	readonly workspace?: string;
	readonly tool?: { readonly name: string; readonly version: string };
	readonly passMark: number;
	/** Absent when the workspace has no assignments for the learner (or was not trusted). */
	readonly assignment?: ReportAssignment;
	readonly lessons: readonly ReportLesson[];
}

/** A lesson as the report needs it. */
export interface ReportableLesson {
	readonly id: string;
	readonly title: string;
	readonly track: string;
	readonly origin: 'bundled' | 'workspace';
	readonly quizIds: readonly string[];
}

export interface ReportInput {
	readonly learner: string;
	readonly now: Date;
	readonly passMark: number;
	readonly lessons: readonly ReportableLesson[];
	readonly progress: Progress;
	readonly assigned?: { readonly file: string; readonly lessons: readonly AssignedLesson[] };
	readonly workspace?: string;
	readonly toolVersion?: string;
}

function reportLesson(lesson: ReportableLesson, progress: Progress, passMark: number): ReportLesson {
	const lp = ownEntry(progress.lessons, lesson.id);
	const { status, score, answered, total, correct } = lessonStatus(lesson.quizIds, lp, passMark);
	const quizzes = lesson.quizIds.flatMap((id): ReportQuiz[] => {
		const q = ownEntry(lp?.quizzes, id);
		return q ? [{ id, correct: q.correct, attempts: q.attempts, answeredAt: q.answeredAt }] : [];
	});
	return {
		id: lesson.id, title: lesson.title, track: lesson.track, origin: lesson.origin,
		status, score, answered, total, correct,
		attempts: quizzes.reduce((sum, q) => sum + q.attempts, 0),
		...(lp && answered > 0 ? { startedAt: lp.startedAt, updatedAt: lp.updatedAt } : {}),
		quizzes,
	};
}

/** The report for one learner: every lesson they can see, with status, score, attempts and times. */
export function buildReport(input: ReportInput): ProgressReport {
	const assigned = input.assigned;
	return {
		format: REPORT_FORMAT,
		schemaVersion: REPORT_SCHEMA_VERSION,
		generatedAt: input.now.toISOString(),
		learner: { name: input.learner.trim() },
		...(input.workspace !== undefined ? { workspace: input.workspace } : {}),
		...(input.toolVersion !== undefined ? { tool: { name: 'incident-lessons', version: input.toolVersion } } : {}),
		passMark: input.passMark,
		...(assigned && assigned.lessons.length > 0 ? {
			assignment: {
				file: assigned.file,
				lessons: assigned.lessons.map((a) => ({
					id: a.lessonId, due: a.due,
					...(a.audience !== undefined ? { audience: a.audience } : {}),
					...(a.note !== undefined ? { note: a.note } : {}),
				})),
			},
		} : {}),
		lessons: input.lessons.map((l) => reportLesson(l, input.progress, input.passMark)),
	};
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a report from parsed JSON of unknown origin. Returns the report, or a one-line reason it is not one this
 * release can read: not an object, not a progress report (no `format`), a newer schema version, or a field that
 * does not fit the schema (the first such field is named). Never throws.
 */
export function readReport(value: unknown): { report: ProgressReport } | { problem: string } {
	if (!isRecord(value)) {
		return { problem: 'not an Incident Lessons progress report (the file is not a JSON object)' };
	}
	if (value.format !== REPORT_FORMAT) {
		return { problem: `not an Incident Lessons progress report (no "format": "${REPORT_FORMAT}")` };
	}
	const version = value.schemaVersion;
	if (typeof version === 'number' && Number.isInteger(version) && version > REPORT_SCHEMA_VERSION) {
		return { problem: `report schema version ${version} is newer than this tool reads (${REPORT_SCHEMA_VERSION}); update incident-lessons` };
	}
	const [first] = validateReportData(value);
	if (first) {
		return { problem: `not a valid version ${REPORT_SCHEMA_VERSION} report: ${first.message}` };
	}
	return { report: value as unknown as ProgressReport };
}
