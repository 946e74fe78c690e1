/**
 * Bounds on how many diagnostics one block and one file report. A hostile lesson can hold hundreds of thousands of
 * problems; past the first ones an author learns nothing more, and every further diagnostic costs time and memory
 * in the parser, the Problems view and the CLI's output. Pure.
 */
import type { Diagnostic } from './lesson';
import { createDiagnostic, LINT_RULES } from './rules';
import type { RuleId, SourceSpan } from './rules';

/** The most diagnostics one front matter or quiz block reports; the rest become one "more problems" diagnostic. */
export const MAX_BLOCK_DIAGNOSTICS = 100;
/** The most diagnostics one file reports. */
export const MAX_FILE_DIAGNOSTICS = 1_000;

/** Problems that were counted but never made into diagnostics (see `validateFrontMatterData`'s limit). */
export interface Uncounted {
	readonly count: number;
	readonly rule: RuleId;
}

/** Orders diagnostics by line, then column. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
	return a.line - b.line || a.column - b.column;
}

/**
 * The first `limit` diagnostics by position, then, when there are more (`uncounted` included), one diagnostic that
 * says how many. It takes the rule, and so the severity, of the first error among those left out (else of the
 * first warning), so that capping never hides that a file has errors. `where` names the block in its message.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[], limit: number, where: string, file: string, anchor: SourceSpan, uncounted: readonly Uncounted[] = []): Diagnostic[] {
	const extra = uncounted.reduce((sum, u) => sum + u.count, 0);
	if (diagnostics.length <= limit && extra === 0) {
		return [...diagnostics];
	}
	const sorted = [...diagnostics].sort(byPosition);
	const kept = sorted.slice(0, limit);
	const left = sorted.slice(limit);
	const counted = uncounted.filter((u) => u.count > 0);
	const rule = (left.find((d) => d.severity === 'error')?.code as RuleId | undefined)
		?? counted.find((u) => LINT_RULES[u.rule] === 'error')?.rule
		?? (left[0]?.code as RuleId | undefined)
		?? counted[0]?.rule
		?? 'yaml-syntax';
	const more = left.length + extra;
	// Where the first problem left out is, else just after the last one shown (sorting by position keeps it last).
	const at = left[0] ?? kept[kept.length - 1] ?? anchor;
	const message = `${more} more problem${more === 1 ? ' is' : 's are'} in ${where} and not shown; fix the ones above first`;
	kept.push(createDiagnostic(file, rule, message, { line: at.line, column: at.column }));
	return kept;
}
