/** Turns the bytes of a lesson file into text, or explains why they are not a lesson. Pure. */
import type { Diagnostic } from '../lessons/lesson';
import { createDiagnostic } from '../lessons/rules';
import { stripBom } from './text';

/** The largest lesson file accepted: 1 MiB. */
export const MAX_LESSON_BYTES = 1024 * 1024;

/**
 * The WHATWG decoder exists in Node, browsers and the extension host. It is reached through `globalThis`
 * with this minimal type so the core compiles without DOM or Node type libraries.
 */
interface Utf8Decoder {
	decode(input: Uint8Array): string;
}
type Utf8DecoderConstructor = new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => Utf8Decoder;

function createFatalDecoder(): Utf8Decoder {
	const { TextDecoder } = globalThis as unknown as { TextDecoder: Utf8DecoderConstructor };
	return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/**
 * Decodes a lesson file's bytes as strict UTF-8 and strips a leading byte-order mark.
 * Never throws: an empty file (`file-empty`), a file over {@link MAX_LESSON_BYTES} (`file-too-large`) or
 * bytes that are not UTF-8 text — NUL bytes or invalid sequences (`file-binary`) — give a diagnostic and no text.
 */
export function decodeLessonBytes(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
	const start = { line: 1, column: 1 };
	if (bytes.length === 0) {
		return { diagnostics: [createDiagnostic(file, 'file-empty', 'the file is empty', start)] };
	}
	if (bytes.length > MAX_LESSON_BYTES) {
		const message = `the file is larger than ${MAX_LESSON_BYTES} bytes (1 MiB), the most a lesson may have`;
		return { diagnostics: [createDiagnostic(file, 'file-too-large', message, start)] };
	}
	if (bytes.includes(0)) {
		return { diagnostics: [createDiagnostic(file, 'file-binary', 'the file contains NUL bytes; it is not a text file', start)] };
	}
	let text: string;
	try {
		text = createFatalDecoder().decode(bytes);
	} catch {
		return { diagnostics: [createDiagnostic(file, 'file-binary', 'the file is not valid UTF-8 text', start)] };
	}
	return { text: stripBom(text), diagnostics: [] };
}
