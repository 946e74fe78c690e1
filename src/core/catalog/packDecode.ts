/**
 * The lesson packs' text from their Zstandard bytes, decoded a slice at a time. The decoder runs on the extension
 * host's thread, and a large pack decoded in one piece would hold it (1.2 s for the bench's 10,000 lessons); between
 * slices the host's other work runs. Pure: the decoder class and the way to wait a turn are given.
 */

/** The streaming decoder of `fzstd` (src/core/zstdChunk.ts), as this module uses it. */
export interface StreamDecoder {
	push(chunk: Uint8Array, final?: boolean): void;
}
export type StreamDecoderClass = new (ondata: (data: Uint8Array) => void) => StreamDecoder;

/** Compressed bytes given to the decoder at a time: a few milliseconds of work. */
export const DECODE_SLICE = 64 * 1024;

/** Decodes `bytes` as UTF-8 text, waiting a turn (`nextTurn`) after each slice; rejects on a damaged or cut stream. */
export async function decodeInSlices(bytes: Uint8Array, Decoder: StreamDecoderClass, nextTurn: () => Promise<void>, slice = DECODE_SLICE): Promise<string> {
	const utf8 = new TextDecoder();
	const parts: string[] = [];
	const stream = new Decoder((data) => parts.push(utf8.decode(data, { stream: true })));
	for (let at = 0; at < bytes.length; at += slice) {
		stream.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
		await nextTurn();
	}
	parts.push(utf8.decode());
	return parts.join('');
}
