// The packs' decode a slice at a time, with the real decoder (fzstd) on a real Zstandard stream.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compress, init } from '@bokuweb/zstd-wasm';
import { decompress } from 'fzstd';
import { Decompress } from '../../../../src/core/zstdChunk';
import { decodeInSlices, DECODE_SLICE } from '../../../../src/core/catalog/packDecode';

/** Text like a pack's: Japanese and English lines, with multi-byte characters across every slice boundary. */
function packLikeText(lines: number): string {
	const out: string[] = [];
	for (let i = 0; i < lines; i++) {
		out.push(JSON.stringify({ id: `lesson-${i}`, title: `損保4社の情報漏えい ${i}`, body: `第${i}節: 出向者が代理店のメールで顧客リストを送った。 Section ${i * 7919}.` }));
	}
	return out.join('\n');
}

/** The encoder's WebAssembly, instantiated once (a second init() corrupts the first instance's output). */
let ready: Promise<void> | undefined;

async function encoded(text: string): Promise<Uint8Array> {
	ready ??= init();
	await ready;
	return compress(new TextEncoder().encode(text), 19).slice();
}

describe('decodeInSlices', () => {
	it('gives the same text as a decode in one piece, however small the slices (UTF-8 split across them included)', async () => {
		const text = packLikeText(400);
		const bytes = await encoded(text);
		assert.equal(new TextDecoder().decode(decompress(bytes)), text);
		for (const slice of [1, 7, 4096, DECODE_SLICE]) {
			assert.equal(await decodeInSlices(bytes, Decompress, () => Promise.resolve(), slice), text, `slice ${slice}`);
		}
	});

	it('waits a turn after every slice, and the text comes out as the slices go in, not all at the end', async () => {
		const text = packLikeText(4000);
		const bytes = await encoded(text);
		const slice = 1024;
		let turns = 0;
		let decodedBeforeLastTurn = 0;
		class Counting extends Decompress {
			constructor(ondata: (data: Uint8Array) => void) {
				super((data) => {
					ondata(data);
					decodedBeforeLastTurn += turns < Math.ceil(bytes.length / slice) - 1 ? data.length : 0;
				});
			}
		}
		const out = await decodeInSlices(bytes, Counting, () => {
			turns += 1;
			return Promise.resolve();
		}, slice);
		assert.equal(out, text);
		assert.equal(turns, Math.ceil(bytes.length / slice));
		assert.ok(turns > 10, `${bytes.length} bytes in ${turns} slices`);
		assert.ok(decodedBeforeLastTurn > text.length / 2, `${decodedBeforeLastTurn} of ${text.length} bytes decoded before the last slice`);
	});

	it('rejects a cut or damaged stream instead of returning part of it', async () => {
		const text = packLikeText(2000);
		const bytes = await encoded(text);
		for (const cut of [1, 10, 100, 1000, Math.floor(bytes.length / 2)]) {
			await assert.rejects(decodeInSlices(bytes.subarray(0, bytes.length - cut), Decompress, () => Promise.resolve(), 512),
				/unexpected EOF/, `cut ${cut}`);
		}
		const damaged = bytes.slice();
		damaged.fill(0xff, 0, 8);
		await assert.rejects(decodeInSlices(damaged, Decompress, () => Promise.resolve(), 512));
	});
});
