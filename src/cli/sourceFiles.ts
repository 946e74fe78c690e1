/** Finding and reading the source files `suggest` scans (the CLI's I/O behind the pure trigger matcher). */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { describeError } from './fileErrors';
import { readCapped } from './readCapped';

/** A source file: how to print its path, and where it is. */
export interface SourceFile {
	readonly display: string;
	readonly absolute: string;
}

/** Folders never scanned: version control and dependencies. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn', 'node_modules']);
/** Files larger than this are skipped (generated code, data dumps). */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** The most files one run scans; the rest are reported as skipped. */
export const MAX_SOURCE_FILES = 20_000;

async function walk(display: string, absolute: string, found: SourceFile[], problems: string[]): Promise<void> {
	let entries;
	try {
		entries = await readdir(absolute, { withFileTypes: true });
	} catch (error) {
		problems.push(`${display}: cannot read: ${describeError(error)}`);
		return;
	}
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		if (found.length > MAX_SOURCE_FILES) {
			return;
		}
		const childDisplay = path.join(display, entry.name);
		const childAbsolute = path.join(absolute, entry.name);
		// Symbolic links are not followed: no loops, nothing outside the folder given.
		if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
			await walk(childDisplay, childAbsolute, found, problems);
		} else if (entry.isFile()) {
			found.push({ display: childDisplay, absolute: childAbsolute });
		}
	}
}

/**
 * The files under `paths` (relative to `cwd`): a file is taken as is, a folder is searched recursively, skipping
 * `.git`, `.hg`, `.svn` and `node_modules`. Paths that cannot be read are returned in `missing`.
 */
export async function findSourceFiles(paths: readonly string[], cwd: string): Promise<{ files: SourceFile[]; missing: string[]; problems: string[] }> {
	const files: SourceFile[] = [];
	const missing: string[] = [];
	const problems: string[] = [];
	for (const given of paths) {
		const absolute = path.resolve(cwd, given);
		try {
			if ((await stat(absolute)).isDirectory()) {
				await walk(given, absolute, files, problems);
			} else {
				files.push({ display: given, absolute });
			}
		} catch (error) {
			missing.push(`${given}: cannot read: ${describeError(error)}`);
		}
	}
	if (files.length > MAX_SOURCE_FILES) {
		problems.push(`only the first ${MAX_SOURCE_FILES} files were scanned`);
	}
	const seen = new Set<string>();
	return { files: files.slice(0, MAX_SOURCE_FILES).filter((f) => !seen.has(f.absolute) && seen.add(f.absolute)), missing, problems };
}

/**
 * Reads a source file as UTF-8 text, reading at most one byte more than {@link MAX_SOURCE_BYTES}. Returns why it
 * was skipped instead when it is larger, looks binary (a NUL byte), or cannot be read. Never throws.
 */
export async function readSourceText(file: SourceFile): Promise<{ text: string } | { skipped: string }> {
	try {
		const bytes = await readCapped(file.absolute, MAX_SOURCE_BYTES);
		if (bytes.length > MAX_SOURCE_BYTES) {
			return { skipped: `larger than ${MAX_SOURCE_BYTES} bytes` };
		}
		if (bytes.includes(0)) {
			return { skipped: 'binary' };
		}
		return { text: new TextDecoder('utf-8').decode(bytes) };
	} catch (error) {
		return { skipped: `cannot read: ${describeError(error)}` };
	}
}
