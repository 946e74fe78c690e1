/** Finding files under the paths given to the CLI, and reading lesson files (the file I/O behind the core's pure functions). */
import { readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeLessonBytes, MAX_LESSON_BYTES } from '../core/shared/decode';
import { LESSON_LOCALES, type Diagnostic } from '../core/lessons/lesson';
import { createDiagnostic } from '../core/lessons/rules';
import { compareText } from '../core/shared/text';
import { describeError } from './fileErrors';
import { readCapped } from './readCapped';

/** A file found on the command line or in a folder under it: how to print its path, and where it is. */
export interface FoundFile {
	/** The path as the user gave it (joined with the path inside a given folder). */
	readonly display: string;
	readonly absolute: string;
}

/** Which entries a folder search takes. Symbolic links to folders are never followed (no loops). */
export interface FileSearch {
	/** Whether to search a folder of this name. */
	readonly enter: (name: string) => boolean;
	/** Whether a file of this name found in a folder is kept; a file named on the command line always is. */
	readonly keep: (name: string) => boolean;
	/** Keep a symbolic link to a kept file when it stays inside the folder named on the command line. */
	readonly followLinks?: boolean;
	/** Stop searching folders once more than this many files are found. */
	readonly limit?: number;
}

/** A path not read: one named on the command line (`given`) or one met inside a folder. */
export interface FileProblem {
	readonly display: string;
	readonly message: string;
	readonly given: boolean;
}

const cannotRead = (error: unknown): string => `cannot read: ${describeError(error)}`;

/** Is `target` (a real path) inside the folder `root` (a real path)? */
export function isInside(root: string, target: string): boolean {
	const relative = path.relative(root, target);
	return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * A symbolic link is followed only when it stays inside the folder given on the command line (`root`, a real
 * path): a folder from someone else must not make the CLI read files elsewhere on the machine.
 */
async function linkedFile(file: FoundFile, root: string, found: FoundFile[], problems: FileProblem[]): Promise<void> {
	let target: string;
	try {
		target = await realpath(file.absolute);
	} catch (error) {
		problems.push({ display: file.display, message: cannotRead(error), given: false });
		return;
	}
	if (isInside(root, target)) {
		found.push(file);
	} else {
		problems.push({ display: file.display, message: 'not read: it is a symbolic link to a file outside the folder being checked', given: false });
	}
}

async function walk(folder: FoundFile, root: string, search: FileSearch, found: FoundFile[], problems: FileProblem[]): Promise<void> {
	let entries;
	try {
		entries = await readdir(folder.absolute, { withFileTypes: true });
	} catch (error) {
		problems.push({ display: folder.display, message: cannotRead(error), given: false });
		return;
	}
	entries.sort((a, b) => compareText(a.name, b.name));
	for (const entry of entries) {
		if (search.limit !== undefined && found.length > search.limit) {
			return;
		}
		const child = { display: path.join(folder.display, entry.name), absolute: path.join(folder.absolute, entry.name) };
		if (entry.isDirectory()) {
			if (search.enter(entry.name)) {
				await walk(child, root, search, found, problems);
			}
		} else if (!search.keep(entry.name)) {
			continue;
		} else if (entry.isFile()) {
			found.push(child);
		} else if (entry.isSymbolicLink() && search.followLinks) {
			await linkedFile(child, root, found, problems);
		}
	}
}

/**
 * Expands the paths given on the command line (relative to `cwd`): a file is taken as is (whatever its name), a
 * folder is searched recursively as `search` says, in code-point order of names. A file named twice (directly and
 * through its folder) is found once. Paths that cannot be read are returned as problems.
 */
export async function findFiles(paths: readonly string[], cwd: string, search: FileSearch): Promise<{ files: FoundFile[]; problems: FileProblem[] }> {
	const files: FoundFile[] = [];
	const problems: FileProblem[] = [];
	for (const given of paths) {
		const absolute = path.resolve(cwd, given);
		try {
			if ((await stat(absolute)).isDirectory()) {
				await walk({ display: given, absolute }, await realpath(absolute), search, files, problems);
			} else {
				files.push({ display: given, absolute });
			}
		} catch (error) {
			problems.push({ display: given, message: cannotRead(error), given: true });
		}
	}
	const seen = new Set<string>();
	return { files: files.filter((file) => !seen.has(file.absolute) && seen.add(file.absolute)), problems };
}

/** Hidden files and folders, and dependencies, are not lessons or reports. */
export function isOwnName(name: string): boolean {
	return !name.startsWith('.') && name !== 'node_modules';
}

/** A `file-unreadable` diagnostic for `display`. */
function unreadable(display: string, message: string): Diagnostic {
	return createDiagnostic(display, 'file-unreadable', message, { line: 1, column: 1 });
}

/**
 * The lesson files under the paths given on the command line: folders are searched for `*.md`, following no
 * symbolic link out of them. Paths that cannot be read become `file-unreadable` diagnostics.
 */
export async function findLessonFiles(paths: readonly string[], cwd: string): Promise<{ files: FoundFile[]; problems: Diagnostic[] }> {
	const search = { enter: isOwnName, keep: (name: string) => isOwnName(name) && name.toLowerCase().endsWith('.md'), followLinks: true };
	const { files, problems } = await findFiles(paths, cwd, search);
	return { files, problems: problems.map((p) => unreadable(p.display, p.message)) };
}

/** The locale of a lesson file: its folder's name when that is a lesson locale (`lessons/ja/x.md` → `ja`), else undefined. */
export function localeFolder(absolute: string): string | undefined {
	const folder = path.basename(path.dirname(absolute));
	return (LESSON_LOCALES as readonly string[]).includes(folder) ? folder : undefined;
}

/**
 * Reads and decodes one lesson file. Reads at most one byte more than {@link MAX_LESSON_BYTES}, so a huge file
 * costs nothing. Never throws: problems come back as diagnostics.
 */
export async function readLessonText(file: FoundFile): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
	try {
		return decodeLessonBytes(await readCapped(file.absolute, MAX_LESSON_BYTES), file.display);
	} catch (error) {
		return { diagnostics: [unreadable(file.display, cannotRead(error))] };
	}
}
