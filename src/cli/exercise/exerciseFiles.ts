/**
 * The learner's side of `exercise write` and `exercise check`: files in a folder the user names. Writing never
 * leaves that folder (symbolic links included) and never replaces a different file without --force; reading is bounded.
 */
import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EXERCISE_LIMITS, isExercisePath } from '../../core/exercises';
import { describeError } from '../fileErrors';
import { isInside } from '../files';
import { readCapped } from '../readCapped';

/** A file to write: its exercise path and content. */
export interface PlannedFile {
	readonly path: string;
	readonly content: string;
}

/** What writing did: the files written and kept, or why nothing was written. */
export type WriteOutcome =
	| { readonly ok: true; readonly written: readonly string[]; readonly unchanged: readonly string[] }
	| { readonly ok: false; readonly problems: readonly string[] };

/** What is at `target`, without following a symbolic link. */
async function existing(target: string): Promise<'none' | 'file' | 'folder' | 'other'> {
	try {
		const info = await lstat(target);
		return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
	} catch {
		return 'none';
	}
}

/**
 * The folder `relative` (a plain relative name or '.') under `root` (a real path), made one level at a time when
 * missing; undefined when a level is a symbolic link or not a folder, so nothing is ever made outside `root`.
 */
async function folderInside(root: string, relative: string): Promise<string | undefined> {
	let folder = root;
	for (const segment of relative === '.' ? [] : relative.split('/')) {
		folder = path.join(folder, segment);
		const kind = await existing(folder);
		if (kind === 'none') {
			await mkdir(folder);
		} else if (kind !== 'folder') {
			return undefined;
		}
	}
	return folder;
}

/**
 * Writes `files` under `dir` (made when missing). Every target is checked first and nothing is written when one is a
 * problem: a path that is not a plain relative name, a folder that leads out of `dir` through a symbolic link, a
 * target that is a link or not a regular file, or an existing file with other content (unless `force`).
 */
export async function writeExerciseFiles(dir: string, files: readonly PlannedFile[], force: boolean): Promise<WriteOutcome> {
	await mkdir(dir, { recursive: true });
	const root = await realpath(dir);
	const problems: string[] = [];
	const plan: { target: string; file: PlannedFile; same: boolean }[] = [];
	for (const file of files) {
		const folder = isExercisePath(file.path) ? await folderInside(root, path.dirname(file.path)) : undefined;
		if (folder === undefined) {
			problems.push(`${file.path}: not written: it would be outside ${dir} (a symbolic link or a file is in its path)`);
			continue;
		}
		const target = path.join(folder, path.basename(file.path));
		const kind = await existing(target);
		if (kind === 'other' || kind === 'folder') {
			problems.push(`${file.path}: not written: a symbolic link or something other than a file is in the way`);
			continue;
		}
		const same = kind === 'file' && (await readFile(target, 'utf8')) === file.content;
		if (kind === 'file' && !same && !force) {
			problems.push(`${file.path}: not written: a different file is there (use --force to replace it)`);
			continue;
		}
		plan.push({ target, file, same });
	}
	if (problems.length > 0) {
		return { ok: false, problems };
	}
	for (const { target, file, same } of plan) {
		if (!same) {
			await writeFile(target, file.content, { flag: force ? 'w' : 'wx' });
		}
	}
	return { ok: true, written: plan.filter((p) => !p.same).map((p) => p.file.path), unchanged: plan.filter((p) => p.same).map((p) => p.file.path) };
}

const decoder = new TextDecoder('utf-8');

/**
 * Reads the exercise's files from `dir` for checking: each at most {@link EXERCISE_LIMITS.checkedBytes} + 1 bytes (a
 * larger file then fails its checks as too large), only inside `dir`. A file that is missing or cannot be read is left
 * out (its checks fail as missing); the reasons come back as notes.
 */
export async function readExerciseFiles(dir: string, paths: readonly string[]): Promise<{ files: Map<string, string>; notes: string[] }> {
	const files = new Map<string, string>();
	const notes: string[] = [];
	const root = await realpath(dir);
	for (const file of paths) {
		try {
			const target = await realpath(path.join(root, file));
			if (!isExercisePath(file) || !isInside(root, target)) {
				notes.push(`${file}: not read: it is outside ${dir}`);
				continue;
			}
			files.set(file, decoder.decode(await readCapped(target, EXERCISE_LIMITS.checkedBytes)));
		} catch (error) {
			notes.push(`${file}: cannot read: ${describeError(error)}`);
		}
	}
	return { files, notes };
}
