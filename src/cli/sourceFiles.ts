/** Finding and reading the source files `suggest` scans (the CLI's I/O behind the pure trigger matcher). */
import { describeError } from './fileErrors';
import { findFiles, type FileProblem, type FoundFile } from './files';
import { readCapped } from './readCapped';

/** Folders never scanned: version control and dependencies. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn', 'node_modules']);
/** Files larger than this are skipped (generated code, data dumps). */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** The most files one run scans; the rest are reported as skipped. */
export const MAX_SOURCE_FILES = 20_000;

/**
 * The files under `paths` (relative to `cwd`): a file is taken as is, a folder is searched recursively, skipping
 * `.git`, `.hg`, `.svn` and `node_modules`; symbolic links are not followed. Paths that cannot be read are returned
 * in `missing`.
 */
export async function findSourceFiles(paths: readonly string[], cwd: string): Promise<{ files: FoundFile[]; missing: string[]; problems: string[] }> {
	const search = { enter: (name: string) => !SKIPPED_FOLDERS.has(name), keep: () => true, limit: MAX_SOURCE_FILES };
	const found = await findFiles(paths, cwd, search);
	const said = (p: FileProblem): string => `${p.display}: ${p.message}`;
	const missing = found.problems.filter((p) => p.given).map(said);
	const problems = found.problems.filter((p) => !p.given).map(said);
	if (found.files.length > MAX_SOURCE_FILES) {
		problems.push(`only the first ${MAX_SOURCE_FILES} files were scanned`);
	}
	return { files: found.files.slice(0, MAX_SOURCE_FILES), missing, problems };
}

/**
 * Reads a source file as UTF-8 text, reading at most one byte more than {@link MAX_SOURCE_BYTES}. Returns why it
 * was skipped instead when it is larger, looks binary (a NUL byte), or cannot be read. Never throws.
 */
export async function readSourceText(file: FoundFile): Promise<{ text: string } | { skipped: string }> {
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
