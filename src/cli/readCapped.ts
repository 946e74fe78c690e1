import { open, type FileHandle } from 'node:fs/promises';

/**
 * Reads at most `maxBytes + 1` bytes of a file, so a huge file costs nothing and the caller can still tell that it
 * is over the limit (the result is then longer than `maxBytes`). Throws when the file cannot be read.
 */
export async function readCapped(absolute: string, maxBytes: number): Promise<Uint8Array> {
	const handle = await open(absolute, 'r');
	try {
		return await readHandleCapped(handle, maxBytes);
	} finally {
		await handle.close();
	}
}

/** {@link readCapped} on a file already open (the caller checked what it is first, and closes it). */
export async function readHandleCapped(handle: FileHandle, maxBytes: number): Promise<Uint8Array> {
	const buffer = new Uint8Array(maxBytes + 1);
	let length = 0;
	while (length < buffer.length) {
		const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
		if (bytesRead === 0) {
			break;
		}
		length += bytesRead;
	}
	return buffer.subarray(0, length);
}
