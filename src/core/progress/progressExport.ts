/**
 * The file Export My Progress… writes and Import Progress… reads: a learner's answers, exercise records and review
 * cards, in the object form of ./records (ISO 8601 times), under a versioned envelope. The file may come from
 * anyone, so reading it is strict: size, nesting and count limits before a value is built, an exact envelope,
 * and every record checked as stored progress is, with any problem refusing the whole file. Pure.
 */
import { CURRENT_PROGRESS_VERSION } from './migrations';
import { migrateProgress, type Progress } from './progress';
import { jsonShape, parseJsonText, TOO_DEEP_MESSAGE } from '../shared/jsonText';
import { isRecord } from '../shared/records';
import { createPositionMapper, stripBom } from '../shared/text';

/** The value of the file's `format` field. */
export const EXPORT_FORMAT = 'incident-lessons-progress';
/** The file layout this release writes and reads; a release that changes it raises this and reads the older ones. */
export const EXPORT_SCHEMA_VERSION = 1;
/** Largest file read, in characters (the caller checks bytes first): 100 lessons all passed take about 350 KB. */
export const MAX_EXPORT_CHARS = 8 * 1024 * 1024;
/** Most lessons a file may hold (the library has a few dozen; a team's own lessons add some more). */
export const MAX_EXPORT_LESSONS = 2000;
/** Most arrays and objects a file may open: a passed lesson with five quizzes and an exercise opens about 20. */
export const MAX_EXPORT_CONTAINERS = 100_000;

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['format', 'schemaVersion', 'exportedAt', 'lessons', 'reviews']);

/** The exported file, as written. */
export interface ProgressExport {
	readonly format: typeof EXPORT_FORMAT;
	readonly schemaVersion: typeof EXPORT_SCHEMA_VERSION;
	readonly exportedAt: string;
	readonly lessons: Progress['lessons'];
	readonly reviews: Progress['reviews'];
}

/** Why a file was refused; `line` (1-based) when the problem has a place in the text. */
export interface ImportProblem {
	readonly problem: string;
	readonly line?: number;
}

/** The text of an export of `p`. */
export function exportProgressText(p: Progress, now: Date): string {
	const file: ProgressExport = { format: EXPORT_FORMAT, schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt: now.toISOString(), lessons: p.lessons, reviews: p.reviews };
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** The progress in an exported file's text, or why it is refused. Never throws. */
export function parseProgressExport(text: string): { progress: Progress } | ImportProblem {
	if (text.length > MAX_EXPORT_CHARS) {
		return { problem: `the file is larger than ${MAX_EXPORT_CHARS} characters` };
	}
	const body = stripBom(text);
	const shape = jsonShape(body);
	if (shape.tooDeepAt !== undefined) {
		return { problem: TOO_DEEP_MESSAGE, line: createPositionMapper(body)(shape.tooDeepAt).line };
	}
	if (shape.containers > MAX_EXPORT_CONTAINERS) {
		return { problem: `the file opens ${shape.containers} arrays and objects, more than the ${MAX_EXPORT_CONTAINERS} an export may hold` };
	}
	const { parsed, problems } = parseJsonText(body);
	if (parsed === undefined) {
		const first = problems[0];
		return { problem: first?.message ?? 'invalid JSON', ...(first ? { line: first.span.line } : {}) };
	}
	return readExport(parsed.value);
}

/** An exported file's parsed value, checked. */
export function readExport(value: unknown): { progress: Progress } | ImportProblem {
	if (!isRecord(value) || value.format !== EXPORT_FORMAT) {
		return { problem: `it is not an Incident Lessons progress export (no "format": "${EXPORT_FORMAT}")` };
	}
	const version = value.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return { problem: 'its "schemaVersion" is not a version number' };
	}
	if (version > EXPORT_SCHEMA_VERSION) {
		return { problem: `it was written by a newer version of Incident Lessons (schema version ${version}; this version reads ${EXPORT_SCHEMA_VERSION})` };
	}
	const unknown = Object.keys(value).find((key) => !ENVELOPE_KEYS.has(key));
	if (unknown !== undefined) {
		return { problem: `it has a field this format does not have: "${unknown.slice(0, 40)}"` };
	}
	const { lessons, reviews } = value;
	if (!isRecord(lessons) || !isRecord(reviews)) {
		return { problem: 'its "lessons" and "reviews" must be objects' };
	}
	if (Object.keys(lessons).length > MAX_EXPORT_LESSONS) {
		return { problem: `it holds more than ${MAX_EXPORT_LESSONS} lessons` };
	}
	// The same checks as stored progress; where those drop one bad record and keep the rest, a file is refused whole.
	const read = migrateProgress({ schemaVersion: CURRENT_PROGRESS_VERSION, lessons, reviews });
	const first = read.problems[0];
	if (first !== undefined) {
		const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more problems)` : '';
		return { problem: `${first}${more}` };
	}
	return { progress: read.progress };
}
