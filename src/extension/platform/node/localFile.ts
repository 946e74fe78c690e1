/**
 * Reading a file of a repository on the extension host's disk without trusting it: what it is and how large it is
 * first, its content second. A committed file can be a symbolic link to /dev/zero or to a file outside the
 * workspace, a FIFO that blocks its reader, or gigabytes long; each is refused with a reason, and never more than
 * `maxBytes + 1` bytes are read. No `vscode` here, so the rules are unit-tested on real files.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { readHandleCapped } from '../../../cli/readCapped';
import { REFUSALS, type CappedRead } from '../refusals';

/** Is `target` `root` or inside it? Both are absolute paths with symbolic links resolved. */
export function isInsideFolder(root: string, target: string): boolean {
	const relative = path.relative(root, target);
	return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Does `absolute`, with every symbolic link on the way resolved, stay inside `root`? False when it does not exist. */
export async function staysInside(root: string, absolute: string): Promise<boolean> {
	try {
		const [real, realRoot] = await Promise.all([realpath(absolute), realpath(root)]);
		return isInsideFolder(realRoot, real);
	} catch {
		return false;
	}
}

/**
 * Reads `absolute`, a file of the folder `root`, if it is a regular file of at most `maxBytes` bytes whose real path
 * (symbolic links resolved, in the file's name and in its folders) is inside `root`. Rejects when there is no such
 * file (so a missing file can be told from a refused one) or it cannot be opened.
 */
export async function readLocalFileCapped(root: string, absolute: string, maxBytes: number): Promise<CappedRead> {
	await lstat(absolute); // a missing file rejects here; a dangling link is refused below
	if (!await staysInside(root, absolute)) {
		return { refused: REFUSALS.outside };
	}
	// Opened without blocking (a FIFO would wait for a writer) and checked through the handle, so what is read is
	// what was checked.
	const handle = await open(await realpath(absolute), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
	try {
		const info = await handle.stat();
		if (!info.isFile()) {
			return { refused: REFUSALS.notRegular };
		}
		if (info.size > maxBytes) {
			return { refused: REFUSALS.tooLarge(maxBytes) };
		}
		const bytes = await readHandleCapped(handle, maxBytes);
		return bytes.length > maxBytes ? { refused: REFUSALS.tooLarge(maxBytes) } : { bytes };
	} finally {
		await handle.close();
	}
}
