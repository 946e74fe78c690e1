import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * Reads at most `maxBytes + 1` bytes of a regular file, so a huge file costs nothing and the caller can still tell
 * that it is over the limit (the result is then longer than `maxBytes`). The size is checked before any content is
 * read: a larger file is not read at all (the result is `maxBytes + 1` zero bytes). Throws when the file cannot be
 * read or is not a regular file: a device (`/dev/zero`) or a named pipe (opened without blocking, so a pipe with no
 * writer cannot stall the run) is refused.
 */
export async function readCapped(absolute: string, maxBytes: number): Promise<Uint8Array> {
	const handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	try {
		const info = await handle.stat();
		if (info.isDirectory()) {
			throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
		}
		if (!info.isFile()) {
			throw new Error('not a regular file');
		}
		if (info.size > maxBytes) {
			return new Uint8Array(maxBytes + 1);
		}
		return await readHandleCapped(handle, maxBytes, info.size);
	} finally {
		await handle.close();
	}
}

/**
 * {@link readCapped} on a file already open (the caller checked what it is first, and closes it). `expectedBytes`
 * (the size `stat` gave) sizes the first buffer, so a folder of small files does not zero a `maxBytes` buffer for
 * each; the buffer grows if the file grew since, never past `maxBytes + 1`.
 */
export async function readHandleCapped(handle: FileHandle, maxBytes: number, expectedBytes = maxBytes): Promise<Uint8Array> {
	const limit = maxBytes + 1;
	let buffer = new Uint8Array(Math.min(Math.max(expectedBytes, 0) + 1, limit));
	let length = 0;
	for (;;) {
		if (length === buffer.length) {
			if (buffer.length === limit) {
				break;
			}
			const grown = new Uint8Array(Math.min(buffer.length * 2, limit));
			grown.set(buffer);
			buffer = grown;
		}
		const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
		if (bytesRead === 0) {
			break;
		}
		length += bytesRead;
	}
	return buffer.subarray(0, length);
}
