/**
 * The YAML front matter of a lesson: finding it between the `---` lines, validating it against
 * `schemas/lesson-front-matter.schema.json`, and turning it into {@link LessonMeta} with defaults. Pure.
 */
import { appendAll } from '../shared/arrays';
import { capDiagnostics, MAX_BLOCK_DIAGNOSTICS } from './diagnosticLimits';
import { checkIncident } from './incident';
import type { BreakdownItem, Diagnostic, Incident, LessonMeta, LessonWeakness, Level, Source, TimelineEvent } from './lesson';
import { createDiagnostic, hasErrors } from './rules';
import type { RuleId } from './rules';
import { validateFrontMatterData } from '../shared/schemaValidation';
import type { SchemaProblem } from '../shared/schemaValidation';
import { readTriggers } from '../suggestions/triggerFrontMatter';
import { parseYamlBlock } from '../shared/yamlBlock';
import type { ParsedYaml, PathSegment } from '../shared/yamlBlock';

/** Where the front matter is in the file's lines. */
export interface FrontMatterBlock {
	/** The YAML lines between the two `---` lines. */
	readonly lines: readonly string[];
	/** 1-based file line of the first YAML line (always 2). */
	readonly firstLine: number;
	/** 0-based index (into the file's lines) of the first line after the closing `---`. */
	readonly bodyIndex: number;
}

const DELIMITER = /^---[ \t]*$/;

/**
 * Finds the front matter: the first line must be `---` and a later `---` line closes it. Reports
 * `front-matter-missing` or `front-matter-unterminated` (at line 1) otherwise.
 */
export function findFrontMatter(lines: readonly string[], file: string): { block?: FrontMatterBlock; diagnostics: Diagnostic[] } {
	const first = lines[0] ?? '';
	const firstLineSpan = { line: 1, column: 1, endLine: 1, endColumn: Math.max(first.length, 1) };
	if (!DELIMITER.test(first)) {
		const message = 'the file must start with YAML front matter: a "---" line, the fields, and a closing "---" line';
		return { diagnostics: [createDiagnostic(file, 'front-matter-missing', message, firstLineSpan)] };
	}
	const closing = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
	if (closing < 0) {
		return { diagnostics: [createDiagnostic(file, 'front-matter-unterminated', 'the front matter opened here has no closing "---" line', firstLineSpan)] };
	}
	return { block: { lines: lines.slice(1, closing), firstLine: 2, bodyIndex: closing + 1 }, diagnostics: [] };
}

/** The front matter data after schema validation (see the schema for the rules). */
interface FrontMatterData {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly track?: string;
	readonly order?: number;
	readonly minutes?: number;
	readonly level?: Level;
	readonly tags?: readonly string[];
	readonly attack?: readonly string[];
	readonly cwe?: readonly (string | { readonly id: string; readonly section?: string; readonly why?: string })[];
	readonly owasp?: readonly string[];
	readonly incident?: {
		readonly organization?: string;
		readonly date?: string;
		readonly records?: number;
		readonly timeline?: readonly TimelineEvent[];
		readonly breakdown?: readonly (Omit<BreakdownItem, 'subsets'> & { readonly subsets?: BreakdownItem['subsets'] })[];
	};
	readonly sources?: readonly Source[];
}

function ruleFor(path: readonly PathSegment[]): RuleId {
	if (path[0] === 'incident' && path[1] === 'timeline' && path[3] === 'date') {
		return 'timeline-invalid-date';
	}
	if (path[0] === 'incident' && path[1] === 'breakdown' && path[path.length - 1] === 'count') {
		return 'breakdown-invalid';
	}
	return 'front-matter-schema';
}

function problemToDiagnostic(problem: SchemaProblem, parsed: ParsedYaml, file: string): Diagnostic {
	if (problem.kind === 'unknownKey' && problem.key !== undefined) {
		return createDiagnostic(file, 'front-matter-unknown-key', problem.message, parsed.keySpanOf(problem.path, problem.key));
	}
	const message = problem.path.length === 0 && problem.keyword === 'type' ? 'the front matter must be a mapping of keys to values' : problem.message;
	return createDiagnostic(file, ruleFor(problem.path), message, parsed.spanOf(problem.path));
}

function toIncident(raw: NonNullable<FrontMatterData['incident']>): Incident {
	return {
		...(raw.organization !== undefined ? { organization: raw.organization } : {}),
		...(raw.date !== undefined ? { date: raw.date } : {}),
		...(raw.records !== undefined ? { records: raw.records } : {}),
		timeline: (raw.timeline ?? []).map((event) => ({ date: event.date, label: event.label })),
		breakdown: (raw.breakdown ?? []).map((item) => ({
			label: item.label,
			count: item.count,
			subsets: (item.subsets ?? []).map((subset) => ({ label: subset.label, count: subset.count })),
		})),
	};
}

function toWeaknesses(raw: NonNullable<FrontMatterData['cwe']>, parsed: ParsedYaml): LessonWeakness[] {
	return raw.map((entry, index) => {
		const { line } = parsed.spanOf(['cwe', index]);
		return typeof entry === 'string' ? { id: entry, line } : {
			id: entry.id, line,
			...(entry.section !== undefined ? { section: entry.section } : {}),
			...(entry.why !== undefined ? { why: entry.why } : {}),
		};
	});
}

function toMeta(data: FrontMatterData, parsed: ParsedYaml): LessonMeta {
	return {
		id: data.id,
		title: data.title,
		summary: data.summary,
		track: data.track ?? 'general',
		order: data.order ?? 1000,
		...(data.minutes !== undefined ? { minutes: data.minutes } : {}),
		...(data.level !== undefined ? { level: data.level } : {}),
		tags: [...(data.tags ?? [])],
		attack: [...(data.attack ?? [])],
		...(data.cwe !== undefined ? { cwe: toWeaknesses(data.cwe, parsed) } : {}),
		...(data.owasp !== undefined ? { owasp: [...data.owasp] } : {}),
		...(data.incident !== undefined ? { incident: toIncident(data.incident) } : {}),
		sources: (data.sources ?? []).map((source) => source.url !== undefined ? { title: source.title, url: source.url } : { title: source.title }),
		triggers: readTriggers(data, parsed),
	};
}

/**
 * Parses and checks the front matter YAML. With `expectedId` (the file name without `.md`), a different `id`
 * is an `id-mismatch` error. Returns the metadata, with defaults applied, only when there are no errors.
 */
export function parseFrontMatter(block: FrontMatterBlock, file: string, expectedId?: string): { meta?: LessonMeta; diagnostics: Diagnostic[] } {
	const anchor = { line: 1, column: 1, endLine: 1, endColumn: 3 };
	const { parsed, diagnostics } = parseYamlBlock({ lines: block.lines, firstLine: block.firstLine, anchor }, file, 'front matter');
	if (!parsed) {
		return { diagnostics: capDiagnostics(diagnostics, MAX_BLOCK_DIAGNOSTICS, 'the front matter', file, anchor) };
	}
	// An empty front matter is reported as missing fields rather than as a wrong type.
	const data = parsed.value ?? {};
	const check = validateFrontMatterData(data, MAX_BLOCK_DIAGNOSTICS);
	for (const problem of check.problems) {
		diagnostics.push(problemToDiagnostic(problem, parsed, file));
	}
	appendAll(diagnostics, checkIncident(data, parsed, file));
	const id = typeof data === 'object' && data !== null && 'id' in data ? data.id : undefined;
	if (expectedId !== undefined && typeof id === 'string' && id !== expectedId) {
		const message = `id "${id}" does not match the file name "${expectedId}.md"; the id and the file name must be the same`;
		diagnostics.push(createDiagnostic(file, 'id-mismatch', message, parsed.spanOf(['id'])));
	}
	const uncounted = [{ count: check.moreErrors, rule: 'front-matter-schema' as const }, { count: check.moreWarnings, rule: 'front-matter-unknown-key' as const }];
	const capped = capDiagnostics(diagnostics, MAX_BLOCK_DIAGNOSTICS, 'the front matter', file, anchor, uncounted);
	if (hasErrors(capped)) {
		return { diagnostics: capped };
	}
	// The schema has accepted the data, so it has the FrontMatterData shape.
	return { meta: toMeta(data as FrontMatterData, parsed), diagnostics: capped };
}
