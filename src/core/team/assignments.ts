/**
 * Assignments: the lessons a team lead assigns in `.incident-lessons/assignments.json`, committed to the
 * repository. Reading the file (with located diagnostics), expanding tracks, reporting unknown ids, and
 * where a learner stands. Pure; see docs/for-leads.md for the format.
 */
import { cycleOn, parsePeriod, recurrenceProblem, type Cycle, type Recurrence } from './cycles';
import { daysBetween, isDueDate, isOverdue } from './dueDates';
import { parseJsonText, type ParsedJson } from '../shared/jsonText';
import type { Diagnostic, Severity } from '../lessons/lesson';
import type { SourceSpan } from '../lessons/rules';
import { closestWord, validateAssignmentsData } from '../shared/schemaValidation';
import { isRecord } from '../shared/records';

/** Where the file lives, relative to a workspace folder. */
export { ASSIGNMENTS_PATH } from '../shared/paths';

/** The format version this release reads and writes. */
export const ASSIGNMENTS_VERSION = 1;

/** Rule id → severity, for problems in an assignments file (documented in docs/for-leads.md). */
export const ASSIGNMENT_RULES = {
	'assignments-json-syntax': 'error',
	'assignments-version': 'error',
	'assignments-schema': 'error',
	'assignments-unknown-key': 'warning',
	'assignments-invalid-date': 'error',
	'assignments-invalid-cycle': 'error',
	'assignments-empty': 'error',
	'assignments-unknown-lesson': 'warning',
	'assignments-unknown-track': 'warning',
} as const satisfies Record<string, Severity>;

export type AssignmentRuleId = keyof typeof ASSIGNMENT_RULES;

/** A lesson id or track name in the file, with where it is written. */
export interface AssignmentRef {
	readonly kind: 'lesson' | 'track';
	readonly id: string;
	readonly span: SourceSpan;
}

/** One entry of `assignments`, valid on its own. */
export interface Assignment {
	/** Index in the file's `assignments` list. */
	readonly index: number;
	readonly lessons: readonly string[];
	readonly tracks: readonly string[];
	/** `YYYY-MM-DD`, the last day. */
	readonly due: string;
	/** Present when the entry recurs (`every` and `from`); `due` is then the first cycle's. */
	readonly recurrence?: Recurrence;
	readonly audience?: string;
	readonly note?: string;
	readonly refs: readonly AssignmentRef[];
}

/** A lesson assigned to the learner: the earliest due date wins when several entries assign it. */
export interface AssignedLesson {
	readonly lessonId: string;
	readonly due: string;
	readonly audience?: string;
	readonly note?: string;
	/** Index of the entry that set `due`. */
	readonly assignment: number;
	/** The cycle `due` belongs to, for a recurring entry: only answers given since its start count. */
	readonly cycle?: Cycle;
}

/** What resolving needs to know about a lesson. */
export interface AssignableLesson {
	readonly id: string;
	readonly track: string;
}

/** Builds a diagnostic whose severity is the rule's. */
export function assignmentDiagnostic(file: string, rule: AssignmentRuleId, message: string, span: SourceSpan): Diagnostic {
	const { line, column, endLine, endColumn } = span;
	const base = { file, line, column, severity: ASSIGNMENT_RULES[rule], message, code: rule };
	return endLine !== undefined && endColumn !== undefined ? { ...base, endLine, endColumn } : base;
}

/** The first character of a span: a missing key is reported at the `{` of its object, not across all of it. */
function opening(span: SourceSpan): SourceSpan {
	return { line: span.line, column: span.column, endLine: span.line, endColumn: span.column };
}

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Checks the rules a schema cannot say, for entry `index`; returns the problems (empty when the entry is usable). */
function checkEntry(entry: Readonly<Record<string, unknown>>, index: number, parsed: ParsedJson, file: string): Diagnostic[] {
	const path = ['assignments', index];
	const problems: Diagnostic[] = [];
	if (strings(entry.lessons).length === 0 && strings(entry.tracks).length === 0) {
		problems.push(assignmentDiagnostic(file, 'assignments-empty', 'the assignment names no lesson and no track: add "lessons" or "tracks"', opening(parsed.spanOf(path))));
	}
	for (const key of ['due', 'from'] as const) {
		const date = entry[key];
		if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isDueDate(date)) {
			problems.push(assignmentDiagnostic(file, 'assignments-invalid-date', `"${date}" is not a real date`, parsed.spanOf([...path, key])));
		}
	}
	const recurrence = recurrenceOf(entry);
	const problem = recurrence && recurrenceProblem(recurrence);
	if (problem) {
		problems.push(assignmentDiagnostic(file, 'assignments-invalid-cycle', problem, parsed.spanOf([...path, 'due'])));
	}
	return problems;
}

/** The entry's recurrence when it has a well-formed `every` and `from` (the schema requires both or neither). */
function recurrenceOf(entry: Readonly<Record<string, unknown>>): Recurrence | undefined {
	const every = typeof entry.every === 'string' ? parsePeriod(entry.every) : undefined;
	return every && typeof entry.from === 'string' && typeof entry.due === 'string' ? { every, from: entry.from, due: entry.due } : undefined;
}

function toAssignment(entry: Readonly<Record<string, unknown>>, index: number, parsed: ParsedJson): Assignment {
	const recurrence = recurrenceOf(entry);
	const refs = (kind: 'lesson' | 'track', key: 'lessons' | 'tracks'): AssignmentRef[] =>
		strings(entry[key]).map((id, i) => ({ kind, id, span: parsed.spanOf(['assignments', index, key, i]) }));
	return {
		index,
		lessons: strings(entry.lessons),
		tracks: strings(entry.tracks),
		due: String(entry.due),
		...(recurrence ? { recurrence } : {}),
		...(typeof entry.audience === 'string' ? { audience: entry.audience } : {}),
		...(typeof entry.note === 'string' && entry.note.trim() !== '' ? { note: entry.note } : {}),
		refs: [...refs('lesson', 'lessons'), ...refs('track', 'tracks')],
	};
}

/**
 * Reads an assignments file. Returns every entry that is valid on its own (a broken entry is left out; the others
 * still count) and the diagnostics: JSON syntax (then nothing is read), a newer format version (nothing is read),
 * schema problems, unknown keys (warnings), impossible dates and entries without lessons or tracks. Never throws.
 */
export function parseAssignments(text: string, file: string): { assignments: Assignment[]; diagnostics: Diagnostic[] } {
	const { parsed, problems } = parseJsonText(text);
	if (!parsed) {
		return { assignments: [], diagnostics: problems.map((p) => assignmentDiagnostic(file, 'assignments-json-syntax', p.message, p.span)) };
	}
	const value = parsed.value;
	if (isRecord(value) && typeof value.version === 'number' && value.version > ASSIGNMENTS_VERSION) {
		const message = `the file has format version ${value.version}, newer than this release reads (${ASSIGNMENTS_VERSION}); update Incident Lessons`;
		return { assignments: [], diagnostics: [assignmentDiagnostic(file, 'assignments-version', message, parsed.spanOf(['version']))] };
	}
	const diagnostics: Diagnostic[] = [];
	const broken = new Set<number>();
	for (const problem of validateAssignmentsData(value)) {
		const [first, index] = problem.path;
		if (first === 'assignments' && typeof index === 'number' && problem.kind === 'error') {
			broken.add(index);
		}
		diagnostics.push(problem.kind === 'unknownKey'
			? assignmentDiagnostic(file, 'assignments-unknown-key', problem.message, parsed.keySpanOf(problem.path, problem.key ?? ''))
			: assignmentDiagnostic(file, 'assignments-schema', problem.message, problem.key === undefined ? parsed.spanOf(problem.path) : opening(parsed.spanOf(problem.path))));
	}
	const entries = isRecord(value) && Array.isArray(value.assignments) ? value.assignments as unknown[] : [];
	const assignments: Assignment[] = [];
	entries.forEach((entry, index) => {
		if (!isRecord(entry) || broken.has(index)) {
			return;
		}
		const problems = checkEntry(entry, index, parsed, file);
		diagnostics.push(...problems);
		if (problems.length === 0) {
			assignments.push(toAssignment(entry, index, parsed));
		}
	});
	diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
	return { assignments, diagnostics };
}

/** Does the assignment apply to a learner in `audiences`? Entries without an audience are for everyone. */
export function appliesTo(assignment: Pick<Assignment, 'audience'>, audiences: readonly string[]): boolean {
	return assignment.audience === undefined || audiences.includes(assignment.audience);
}

/**
 * The lessons assigned to a learner in `audiences`: lesson ids as listed, tracks expanded to their lessons in
 * the order of `lessons` (catalog order). A lesson assigned more than once keeps its earliest due date. Sorted by
 * due date, then catalog order. A recurring entry counts with the cycle `today` falls in (its first cycle when
 * `today` is not given). Lesson ids and tracks that match nothing are reported (as warnings, for every
 * audience: a teammate on an older release may lack a lesson a newer one has) and otherwise ignored.
 */
export function resolveAssignments(assignments: readonly Assignment[], lessons: readonly AssignableLesson[], audiences: readonly string[], file: string, today?: string): { assigned: AssignedLesson[]; diagnostics: Diagnostic[] } {
	const known = new Set(lessons.map((l) => l.id));
	const tracks = new Set(lessons.map((l) => l.track));
	const diagnostics: Diagnostic[] = [];
	for (const ref of assignments.flatMap((a) => a.refs)) {
		if (ref.kind === 'lesson' && !known.has(ref.id)) {
			const hint = closestWord(ref.id, [...known]);
			const message = `there is no lesson "${ref.id}"${hint ? ` (did you mean "${hint}"?)` : ''}; it is left out of the assignment`;
			diagnostics.push(assignmentDiagnostic(file, 'assignments-unknown-lesson', message, ref.span));
		} else if (ref.kind === 'track' && !tracks.has(ref.id)) {
			const hint = closestWord(ref.id, [...tracks]);
			const message = `no lesson is in the track "${ref.id}"${hint ? ` (did you mean "${hint}"?)` : ''}; it is left out of the assignment`;
			diagnostics.push(assignmentDiagnostic(file, 'assignments-unknown-track', message, ref.span));
		}
	}
	const order = new Map(lessons.map((l, i) => [l.id, i]));
	const chosen = new Map<string, AssignedLesson>();
	for (const assignment of assignments.filter((a) => appliesTo(a, audiences))) {
		const cycle = assignment.recurrence && cycleOn(assignment.recurrence, today ?? assignment.recurrence.from);
		const due = cycle?.due ?? assignment.due;
		const ids = new Set([...assignment.lessons.filter((id) => known.has(id)), ...lessons.filter((l) => assignment.tracks.includes(l.track)).map((l) => l.id)]);
		for (const lessonId of ids) {
			const current = chosen.get(lessonId);
			if (!current || daysBetween(current.due, due) < 0) {
				chosen.set(lessonId, {
					lessonId, due, assignment: assignment.index,
					...(cycle ? { cycle } : {}),
					...(assignment.audience !== undefined ? { audience: assignment.audience } : {}),
					...(assignment.note !== undefined ? { note: assignment.note } : {}),
				});
			}
		}
	}
	const assigned = [...chosen.values()].sort((a, b) => daysBetween(b.due, a.due) || (order.get(a.lessonId) ?? 0) - (order.get(b.lessonId) ?? 0));
	return { assigned, diagnostics };
}

/** Where a learner stands with their assigned lessons. */
export interface AssignmentProgress {
	readonly total: number;
	readonly done: number;
	/** Assigned lessons not done whose due date has passed. */
	readonly overdue: number;
	/** The earliest due date among lessons not done, when any is left. */
	readonly nextDue?: string;
}

/** Counts done (passed, within its cycle for a recurring one) and overdue lessons among `assigned` on `today` (`YYYY-MM-DD`). */
export function assignmentProgress(assigned: readonly AssignedLesson[], isDone: (lessonId: string, assigned: AssignedLesson) => boolean, today: string): AssignmentProgress {
	const open = assigned.filter((a) => !isDone(a.lessonId, a));
	const nextDue = open.map((a) => a.due).sort()[0];
	return {
		total: assigned.length,
		done: assigned.length - open.length,
		overdue: open.filter((a) => isOverdue(a.due, today)).length,
		...(nextDue !== undefined ? { nextDue } : {}),
	};
}
