/**
 * The progress report a learner exports and hands in (or commits): one versioned JSON document with their lessons,
 * scores, attempts and times, and the assignment it answers. Building it from progress, and reading one back
 * from a file that may be anything. Pure.
 */
import type { AssignedLesson } from './assignments';
import { jsonShape, TOO_DEEP_MESSAGE } from '../shared/jsonText';
import { lessonStatus, type ExerciseProgress, type LessonStatus, type Progress } from '../progress/progress';
import { validateReportData } from '../shared/schemaValidation';
import { isRecord, ownEntry } from '../shared/records';
import { createPositionMapper, stripBom } from '../shared/text';

/** The value of `format`: what tells a report apart from any other JSON file. */
export const REPORT_FORMAT = 'incident-lessons-progress-report';

/**
 * The version of {@link ProgressReport} this release writes and the newest it reads. Version 2 adds each quiz's
 * chosen answer and the lesson versions answered; version 1 reports (without them) are still read.
 */
export const REPORT_SCHEMA_VERSION = 2;

/** The largest report file `readReport` callers should accept (a report of every lesson is a few kB). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/** The most lessons (and assigned lessons) a report may list: the schema's `maxItems`, checked before validating. */
export const MAX_REPORT_LESSONS = 2000;

/** The most quiz answers a report may list, over all its lessons (a real one has a few hundred at most). */
export const MAX_REPORT_QUIZZES = 10_000;

/**
 * The most arrays and objects a report within the limits above can hold: per lesson its object, quiz and exercise
 * arrays and up to four exercises with their failed checks; per quiz its object and answer; a few top-level ones.
 */
const MAX_REPORT_CONTAINERS = 11 * MAX_REPORT_LESSONS + 2 * MAX_REPORT_QUIZZES + 16;

export interface ReportQuiz {
	readonly id: string;
	readonly correct: boolean;
	readonly attempts: number;
	readonly answeredAt: string;
	/**
	 * The latest answer: 0-based choice positions (an order quiz: step positions in the order given), never their
	 * text. Absent in version 1 reports.
	 */
	readonly answer?: readonly number[];
	/** The lesson's content hash (`hashQuizContent`) the answer was given to; absent when unknown. */
	readonly contentHash?: string;
}

/** An exercise the learner checked or asked help for: its stored record without the lesson version. */
export interface ReportExercise extends Omit<ExerciseProgress, 'contentHash'> {
	readonly id: string;
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
	/** The lesson's content hash at the latest answer or check (version 2); absent when not started. */
	readonly contentHash?: string;
	readonly quizzes: readonly ReportQuiz[];
	/** Absent when the lesson has no exercise the learner touched. */
	readonly exercises?: readonly ReportExercise[];
}

export interface ReportAssignment {
	/** The assignments file, relative to the workspace folder. */
	readonly file: string;
	readonly lessons: readonly { readonly id: string; readonly due: string; readonly audience?: string; readonly note?: string }[];
}

/** The report (schemas/progress-report.schema.json), as written by this release or read from an older one. */
export interface ProgressReport {
	readonly format: typeof REPORT_FORMAT;
	readonly schemaVersion: 1 | typeof REPORT_SCHEMA_VERSION;
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
	readonly exerciseIds?: readonly string[];
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
	const { status, score, answered, total, correct } = lessonStatus(lesson.quizIds, lp, passMark, lesson.exerciseIds);
	const quizzes = lesson.quizIds.flatMap((id): ReportQuiz[] => {
		const q = ownEntry(lp?.quizzes, id);
		const hash = q?.contentHash ?? lp?.contentHash;
		return q ? [{ id, correct: q.correct, attempts: q.attempts, answeredAt: q.answeredAt, answer: [...q.answer], ...(hash !== undefined ? { contentHash: hash } : {}) }] : [];
	});
	const exercises = (lesson.exerciseIds ?? []).flatMap((id): ReportExercise[] => {
		const e = ownEntry(lp?.exercises, id);
		return e ? [{
			id, passed: e.passed, attempts: e.attempts, failedChecks: [...e.failedChecks], hintsUsed: e.hintsUsed, solutionShown: e.solutionShown,
			...(e.checkedAt !== undefined ? { checkedAt: e.checkedAt } : {}),
		}] : [];
	});
	return {
		id: lesson.id, title: lesson.title, track: lesson.track, origin: lesson.origin,
		status, score, answered, total, correct,
		attempts: quizzes.reduce((sum, q) => sum + q.attempts, 0) + exercises.reduce((sum, e) => sum + e.attempts, 0),
		...(lp && answered > 0 ? { startedAt: lp.startedAt, updatedAt: lp.updatedAt } : {}),
		...(lp?.contentHash !== undefined && answered > 0 ? { contentHash: lp.contentHash } : {}),
		quizzes,
		...(exercises.length > 0 ? { exercises } : {}),
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

function length(value: unknown): number {
	return Array.isArray(value) ? value.length : 0;
}

/**
 * Why a report is too big to validate, or undefined. Validation lists every schema error with the data it is about,
 * so its time and memory grow with the entries: a file of 200,000 `{}` lessons took over a gigabyte. Counting first
 * keeps a hostile report to one line of problem.
 */
function oversized(value: Readonly<Record<string, unknown>>): string | undefined {
	const assignment = isRecord(value.assignment) ? value.assignment : {};
	for (const [what, count] of [['lessons', length(value.lessons)], ['assigned lessons', length(assignment.lessons)]] as const) {
		if (count > MAX_REPORT_LESSONS) {
			return `too large: ${count} ${what}, more than the ${MAX_REPORT_LESSONS} a report may list`;
		}
	}
	const lessons: unknown[] = Array.isArray(value.lessons) ? value.lessons : [];
	const quizzes = lessons.reduce<number>((sum, lesson) => sum + (isRecord(lesson) ? length(lesson.quizzes) : 0), 0);
	return quizzes > MAX_REPORT_QUIZZES ? `too large: ${quizzes} quiz answers, more than the ${MAX_REPORT_QUIZZES} a report may list` : undefined;
}

/**
 * Reads a report from parsed JSON of unknown origin. Returns the report, or a one-line reason it is not one this
 * release can read: not an object, not a progress report (no `format`), a newer schema version, more entries than
 * {@link MAX_REPORT_LESSONS} or {@link MAX_REPORT_QUIZZES}, or a field that does not fit the schema (the first such
 * field is named). Never throws.
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
	const tooLarge = oversized(value);
	if (tooLarge) {
		return { problem: tooLarge };
	}
	const [first] = validateReportData(value);
	if (first) {
		return { problem: `not a valid version ${typeof version === 'number' ? version : REPORT_SCHEMA_VERSION} report: ${first.message}` };
	}
	return { report: value as unknown as ProgressReport };
}

/**
 * Reads a report from the text of a file (a BOM is ignored). Nesting deeper than the JSON limit (refused with its
 * line) and more arrays and objects than a report within the limits holds are refused before a value is built;
 * then JSON syntax, then as {@link readReport}.
 * Never throws.
 */
export function parseReportText(text: string): { report: ProgressReport } | { problem: string } {
	const body = stripBom(text);
	const shape = jsonShape(body);
	if (shape.tooDeepAt !== undefined) {
		return { problem: `${TOO_DEEP_MESSAGE} (line ${createPositionMapper(body)(shape.tooDeepAt).line})` };
	}
	// Building a value of millions of `{}` costs seconds and hundreds of MiB; no report within the limits has as many.
	if (shape.containers > MAX_REPORT_CONTAINERS) {
		return { problem: `too large: ${shape.containers} arrays and objects, more than the ${MAX_REPORT_CONTAINERS} a report may hold` };
	}
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// Engines name the offset; a person looks for the line.
		const at = /at position (\d+)(?! \(line)/.exec(message);
		const line = at ? ` (line ${createPositionMapper(body)(Number(at[1])).line})` : '';
		return { problem: `not valid JSON (${message})${line}` };
	}
	return readReport(value);
}
