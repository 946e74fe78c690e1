/** Finding and reading lesson files for the CLI (the only file I/O behind the core's pure functions). */
import { readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeLessonBytes, MAX_LESSON_BYTES } from '../core/shared/decode';
import { LESSON_LOCALES, type Diagnostic } from '../core/lessons/lesson';
import { createDiagnostic } from '../core/lessons/rules';
import { describeError } from './fileErrors';
import { readCapped } from './readCapped';

/** A lesson file to check: how to print its path, and where it is. */
export interface FoundFile {
	/** The path as the user gave it (joined with the path inside a given folder). */
	readonly display: string;
	readonly absolute: string;
}

/** Files not accepted as lessons for lint (only `.md` files are searched for inside folders). */
function isLessonName(name: string): boolean {
	return name.toLowerCase().endsWith('.md');
}

/** A `file-unreadable` diagnostic for `display`. */
export function unreadable(display: string, error: unknown): Diagnostic {
	return createDiagnostic(display, 'file-unreadable', `cannot read: ${describeError(error)}`, { line: 1, column: 1 });
}

/** Is `target` (a real path) inside the folder `root` (a real path)? */
function isInside(root: string, target: string): boolean {
	const relative = path.relative(root, target);
	return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * A symbolic link to a lesson is followed only when it stays inside the folder given on the command line (`root`,
 * a real path): a folder from someone else must not make lint read files elsewhere on the machine.
 */
async function linkedLesson(display: string, absolute: string, root: string, found: FoundFile[], problems: Diagnostic[]): Promise<void> {
	let target: string;
	try {
		target = await realpath(absolute);
	} catch (error) {
		problems.push(unreadable(display, error));
		return;
	}
	if (isInside(root, target)) {
		found.push({ display, absolute });
	} else {
		const message = 'not read: it is a symbolic link to a file outside the folder being checked';
		problems.push(createDiagnostic(display, 'file-unreadable', message, { line: 1, column: 1 }));
	}
}

async function walk(display: string, absolute: string, root: string, found: FoundFile[], problems: Diagnostic[]): Promise<void> {
	let entries;
	try {
		entries = await readdir(absolute, { withFileTypes: true });
	} catch (error) {
		problems.push(unreadable(display, error));
		return;
	}
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		// Hidden folders and dependencies are not lessons; symbolic links to folders are not followed (no loops).
		if (entry.name.startsWith('.') || entry.name === 'node_modules') {
			continue;
		}
		const childDisplay = path.join(display, entry.name);
		const childAbsolute = path.join(absolute, entry.name);
		if (entry.isDirectory()) {
			await walk(childDisplay, childAbsolute, root, found, problems);
		} else if (entry.isSymbolicLink() && isLessonName(entry.name)) {
			await linkedLesson(childDisplay, childAbsolute, root, found, problems);
		} else if (entry.isFile() && isLessonName(entry.name)) {
			found.push({ display: childDisplay, absolute: childAbsolute });
		}
	}
}

/**
 * Expands the paths given on the command line: a file is taken as is (whatever its name), a folder is searched
 * recursively for `*.md`, following no symbolic link out of it. Paths that cannot be read become `file-unreadable`
 * diagnostics.
 */
export async function findLessonFiles(paths: readonly string[], cwd: string): Promise<{ files: FoundFile[]; problems: Diagnostic[] }> {
	const files: FoundFile[] = [];
	const problems: Diagnostic[] = [];
	for (const given of paths) {
		const absolute = path.resolve(cwd, given);
		try {
			const info = await stat(absolute);
			if (info.isDirectory()) {
				await walk(given, absolute, await realpath(absolute), files, problems);
			} else {
				files.push({ display: given, absolute });
			}
		} catch (error) {
			problems.push(unreadable(given, error));
		}
	}
	// A file named twice (directly and through its folder) is checked once.
	const seen = new Set<string>();
	return { files: files.filter((file) => !seen.has(file.absolute) && seen.add(file.absolute)), problems };
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
		return { diagnostics: [unreadable(file.display, error)] };
	}
}
