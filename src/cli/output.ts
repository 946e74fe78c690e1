/** How the CLI writes: one-line messages to stdout and stderr, with author text made safe for terminals. */
import type { Diagnostic } from '../core/lessons/lesson';
import { oneLine, withoutControls } from '../core/shared/text';

export { oneLine };

/** Where the CLI writes; the entry point binds it to the process, tests capture it. */
export interface CliOutput {
	/** Writes text to standard output as is. */
	stdout(text: string): void;
	/** Writes text to standard error as is. */
	stderr(text: string): void;
}

/**
 * The output every command writes through: control characters and bidi overrides that came from a lesson, an
 * assignments file or a report become spaces (tabs and line breaks stay), so no command can put a terminal escape,
 * an OSC 8 link or a reordered line on the user's screen.
 */
export function terminalSafe(output: CliOutput): CliOutput {
	return {
		stdout: (text) => output.stdout(withoutControls(text)),
		stderr: (text) => output.stderr(withoutControls(text)),
	};
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

/**
 * JSON text with every character a terminal could act on written as a `\uXXXX` escape: the same JSON value, but
 * nothing from a report (bidi overrides, C1 controls, U+2028/2029) reaches the screen as itself.
 */
export function terminalJson(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
