/**
 * Checks of the `incident` front matter that a JSON Schema cannot express: real dates, timeline order,
 * subset counts within their category, and sources for case lessons. Pure; works on unvalidated data.
 */
import { appendAll } from '../shared/arrays';
import type { Diagnostic } from './lesson';
import { createDiagnostic } from './rules';
import type { ParsedYaml } from '../shared/yamlBlock';
import { isRecord, ownEntry } from '../shared/records';

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

function field(value: unknown, key: string): unknown {
	return isRecord(value) ? ownEntry(value, key) : undefined;
}

/** Days in `month` (1..12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
	return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Is `text` a real calendar date written `YYYY-MM-DD`, or (when `allowMonth`) a real month written `YYYY-MM`?
 * `2024-02-30` and `2024-13` are not.
 */
export function isRealDate(text: string, allowMonth: boolean): boolean {
	const match = DATE.exec(text);
	if (!match) {
		return false;
	}
	const year = Number(match[1]);
	const month = Number(match[2]);
	if (month < 1 || month > 12) {
		return false;
	}
	if (match[3] === undefined) {
		return allowMonth;
	}
	const day = Number(match[3]);
	return day >= 1 && day <= daysInMonth(year, month);
}

/** Compares two timeline dates at their common precision, so `2024-03` neither precedes nor follows `2024-03-19`. */
function compareDates(a: string, b: string): number {
	const length = Math.min(a.length, b.length);
	const left = a.slice(0, length);
	const right = b.slice(0, length);
	return left < right ? -1 : left > right ? 1 : 0;
}

function checkTimeline(timeline: unknown, parsed: ParsedYaml, file: string): Diagnostic[] {
	if (!Array.isArray(timeline)) {
		return [];
	}
	const diagnostics: Diagnostic[] = [];
	let previous: string | undefined;
	timeline.forEach((event: unknown, index) => {
		const date = field(event, 'date');
		if (typeof date !== 'string' || !DATE.test(date)) {
			return; // the schema reports the format
		}
		const path = ['incident', 'timeline', index, 'date'];
		if (!isRealDate(date, true)) {
			diagnostics.push(createDiagnostic(file, 'timeline-invalid-date', `"incident.timeline[${index}].date" ${date} is not a real date`, parsed.spanOf(path)));
			return;
		}
		if (previous !== undefined && compareDates(date, previous) < 0) {
			const message = `timeline event ${date} comes after ${previous} in the list; list events in date order`;
			diagnostics.push(createDiagnostic(file, 'timeline-unordered', message, parsed.spanOf(path)));
		}
		previous = date;
	});
	return diagnostics;
}

function checkBreakdown(breakdown: unknown, parsed: ParsedYaml, file: string): Diagnostic[] {
	if (!Array.isArray(breakdown)) {
		return [];
	}
	const diagnostics: Diagnostic[] = [];
	breakdown.forEach((item: unknown, index) => {
		const count = field(item, 'count');
		const subsets = field(item, 'subsets');
		if (typeof count !== 'number' || !Array.isArray(subsets)) {
			return;
		}
		subsets.forEach((subset: unknown, subsetIndex) => {
			const subsetCount = field(subset, 'count');
			if (typeof subsetCount === 'number' && subsetCount > count) {
				const path = ['incident', 'breakdown', index, 'subsets', subsetIndex, 'count'];
				const message = `"incident.breakdown[${index}].subsets[${subsetIndex}].count" (${subsetCount}) is larger than its category's count (${count})`;
				diagnostics.push(createDiagnostic(file, 'breakdown-invalid', message, parsed.spanOf(path)));
			}
		});
	});
	return diagnostics;
}

/**
 * Checks `incident` and `sources` in front matter data (validated or not): real dates (`incident.date` and
 * timeline dates), timeline order, subset counts, and at least one source when there is an incident.
 */
export function checkIncident(data: unknown, parsed: ParsedYaml, file: string): Diagnostic[] {
	const incident = field(data, 'incident');
	if (!isRecord(incident)) {
		return [];
	}
	const diagnostics: Diagnostic[] = [];
	const date = field(incident, 'date');
	if (typeof date === 'string' && DATE.test(date) && date.length === 10 && !isRealDate(date, false)) {
		diagnostics.push(createDiagnostic(file, 'front-matter-schema', `"incident.date" ${date} is not a real date`, parsed.spanOf(['incident', 'date'])));
	}
	appendAll(diagnostics, checkTimeline(field(incident, 'timeline'), parsed, file));
	appendAll(diagnostics, checkBreakdown(field(incident, 'breakdown'), parsed, file));
	const sources = field(data, 'sources');
	if (!Array.isArray(sources) || sources.length === 0) {
		const message = 'a lesson about an incident needs at least one entry in "sources"';
		diagnostics.push(createDiagnostic(file, 'sources-missing', message, parsed.keySpanOf([], 'incident')));
	}
	return diagnostics;
}
