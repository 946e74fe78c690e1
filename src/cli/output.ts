/** How the CLI writes: one-line messages to stdout and stderr, with author text made safe for terminals. */
import type { Diagnostic } from '../core/lesson';

/** Where the CLI writes; the entry point binds it to the process, tests capture it. */
export interface CliOutput {
	/** Writes text to standard output as is. */
	stdout(text: string): void;
	/** Writes text to standard error as is. */
	stderr(text: string): void;
}

/** Replaces control characters (newlines, terminal escapes) from lesson content with spaces, so one problem is one line. */
export function oneLine(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** `path:line:column: severity: message (rule)` — the format editors' problem matchers understand. */
export function formatDiagnostic(d: Diagnostic): string {
	return oneLine(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.code})`);
}

/** `3 files, 1 error, 0 warnings`. */
export function formatSummary(files: number, errors: number, warnings: number): string {
	const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `${count(files, 'file')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}
