import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readCapped, readHandleCapped } from '../../../src/cli/readCapped';

describe('readCapped', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'lessons-capped-'));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const file = (name: string, bytes: number): string => {
		const full = path.join(dir, name);
		writeFileSync(full, Buffer.alloc(bytes, 0x61));
		return full;
	};

	it('reads a file up to the limit whole, and one byte more of a larger one', async () => {
		assert.equal((await readCapped(file('small', 10), 100)).length, 10);
		assert.equal((await readCapped(file('exact', 100), 100)).length, 100);
		assert.equal((await readCapped(file('empty', 0), 100)).length, 0);
		assert.equal((await readCapped(file('large', 101), 100)).length, 101);
	});

	it('grows past a size that was too small (a file that grew after stat), never past the limit', async () => {
		const grown = file('grown', 10_000);
		const read = async (maxBytes: number, expected: number): Promise<Uint8Array> => {
			const handle = await open(grown, 'r');
			try {
				return await readHandleCapped(handle, maxBytes, expected);
			} finally {
				await handle.close();
			}
		};
		const whole = await read(20_000, 1);
		assert.equal(whole.length, 10_000);
		assert.ok(whole.every((b) => b === 0x61));
		assert.equal((await read(5_000, 1)).length, 5_001);
		assert.equal((await read(20_000, 10_000)).length, 10_000);
	});
});
