/**
 * The lint rules: every diagnostic code the core and the CLI can report, with its severity.
 * docs/lesson-format.md documents the same table for authors; a unit test keeps the two in step.
 */
import type { Diagnostic, Severity } from './lesson';

/** Rule id → severity. The severity of a diagnostic always comes from here. */
export const LINT_RULES = {
	'file-empty': 'error',
	'file-too-large': 'error',
	'file-binary': 'error',
	'file-unreadable': 'error',
	'front-matter-missing': 'error',
	'front-matter-unterminated': 'error',
	'yaml-syntax': 'error',
	'front-matter-schema': 'error',
	'front-matter-unknown-key': 'warning',
	'id-mismatch': 'error',
	'fence-unterminated': 'error',
	'quiz-schema': 'error',
	'quiz-unknown-key': 'warning',
	'quiz-unknown-type': 'error',
	'quiz-no-correct': 'error',
	'quiz-single-many-correct': 'error',
	'quiz-duplicate-id': 'error',
	'quiz-duplicate-step': 'error',
	'quiz-missing-explain': 'warning',
	'quiz-invalid-group': 'error',
	'quiz-answer-longest': 'warning',
	'exercise-schema': 'error',
	'exercise-unknown-key': 'warning',
	'exercise-duplicate-id': 'error',
	'exercise-invalid-pattern': 'error',
	'exercise-invalid-path': 'error',
	'exercise-unknown-file': 'error',
	'exercise-file-missing': 'error',
	'exercise-starter-passes': 'error',
	'exercise-solution-fails': 'error',
	'set-answer-longest': 'warning',
	'set-answers-first': 'warning',
	'lesson-minutes-low': 'warning',
	'lesson-no-quiz': 'warning',
	'timeline-invalid-date': 'error',
	'timeline-unordered': 'error',
	'breakdown-invalid': 'error',
	'sources-missing': 'warning',
	'duplicate-lesson-id': 'error',
	'translation-missing': 'error',
	'translation-mismatch': 'error',
	'trigger-invalid-pattern': 'error',
	'trigger-invalid-glob': 'error',
	'trigger-unknown-section': 'warning',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof LINT_RULES;

/** A place in a lesson file: 1-based line and column, with an optional inclusive end. */
export interface SourceSpan {
	readonly line: number;
	readonly column: number;
	readonly endLine?: number;
	readonly endColumn?: number;
}

/** Builds a diagnostic whose severity is the rule's. Pure. */
export function createDiagnostic(file: string, rule: RuleId, message: string, span: SourceSpan): Diagnostic {
	const diagnostic: Diagnostic = { file, line: span.line, column: span.column, severity: LINT_RULES[rule], message, code: rule };
	if (span.endLine !== undefined && span.endColumn !== undefined) {
		return { ...diagnostic, endLine: span.endLine, endColumn: span.endColumn };
	}
	return diagnostic;
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
	return diagnostics.some((d) => d.severity === 'error');
}
