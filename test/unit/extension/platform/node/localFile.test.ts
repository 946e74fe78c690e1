import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isInsideFolder, readLocalFileCapped } from '../../../../../src/extension/platform/node/localFile';
import { REFUSALS, type CappedRead } from '../../../../../src/extension/platform/refusals';

const MAX = 1024;

describe('isInsideFolder', () => {
	const root = path.resolve('/repo/ws');
	it('accepts the folder itself and what is below it', () => {
		assert.equal(isInsideFolder(root, root), true);
		assert.equal(isInsideFolder(root, path.join(root, '.incident-lessons', 'a.md')), true);
		assert.equal(isInsideFolder(root, path.join(root, '..x', 'a.md')), true, 'a name starting with two dots is still inside');
	});
	it('refuses the parent, siblings sharing the prefix, and anything else', () => {
		assert.equal(isInsideFolder(root, path.resolve('/repo')), false);
		assert.equal(isInsideFolder(root, path.resolve('/repo/ws-other/a.md')), false);
		assert.equal(isInsideFolder(root, path.resolve('/repo/ws/../other/a.md')), false);
		assert.equal(isInsideFolder(root, path.resolve('/dev/zero')), false);
	});
});

describe('readLocalFileCapped: size first, content second, nothing outside the folder', () => {
	let base = '';
	let ws = '';
	const at = (...parts: string[]): string => path.join(ws, ...parts);
	const text = (read: CappedRead): string => ('bytes' in read ? new TextDecoder().decode(read.bytes) : `refused: ${read.refused.reason}`);

	before(() => {
		base = mkdtempSync(path.join(tmpdir(), 'local-file-'));
		ws = path.join(base, 'ws');
		mkdirSync(at('lessons'), { recursive: true });
		writeFileSync(path.join(base, 'secret.md'), 'outside');
		writeFileSync(at('lessons', 'ok.md'), 'hello');
		writeFileSync(at('lessons', 'exact.md'), 'x'.repeat(MAX));
		writeFileSync(at('lessons', 'big.md'), 'x'.repeat(MAX + 1));
		symlinkSync(at('lessons', 'ok.md'), at('lessons', 'inside-link.md'));
		symlinkSync(path.join(base, 'secret.md'), at('lessons', 'outside-link.md'));
		symlinkSync('/dev/zero', at('lessons', 'zero.md'));
		symlinkSync(at('lessons', 'nowhere'), at('lessons', 'dangling.md'));
		symlinkSync(base, at('linked-folder'));
		mkdirSync(at('lessons', 'folder.md'));
	});

	after(() => rmSync(base, { recursive: true, force: true }));

	it('reads a regular file up to the limit', async () => {
		assert.equal(text(await readLocalFileCapped(ws, at('lessons', 'ok.md'), MAX)), 'hello');
		assert.equal(text(await readLocalFileCapped(ws, at('lessons', 'exact.md'), MAX)).length, MAX);
	});

	it('refuses a file over the limit as too large', async () => {
		assert.deepEqual(await readLocalFileCapped(ws, at('lessons', 'big.md'), MAX), { refused: REFUSALS.tooLarge(MAX) });
		assert.match(REFUSALS.tooLarge(1024 * 1024).reason, /larger than 1 MiB/);
	});

	it('follows a link that stays inside the folder', async () => {
		assert.equal(text(await readLocalFileCapped(ws, at('lessons', 'inside-link.md'), MAX)), 'hello');
	});

	it('refuses links out of the folder: to a file, to /dev/zero, through a linked folder, and dangling ones', async () => {
		for (const target of [at('lessons', 'outside-link.md'), at('lessons', 'zero.md'), at('linked-folder', 'secret.md'), at('lessons', 'dangling.md')]) {
			assert.deepEqual(await readLocalFileCapped(ws, target, MAX), { refused: REFUSALS.outside }, target);
		}
	});

	it('refuses what is not a regular file: a folder, a device, a FIFO (without waiting for a writer)', { timeout: 5000 }, async () => {
		assert.deepEqual(await readLocalFileCapped(ws, at('lessons', 'folder.md'), MAX), { refused: REFUSALS.notRegular });
		assert.deepEqual(await readLocalFileCapped('/dev', '/dev/zero', MAX), { refused: REFUSALS.notRegular });
		if (process.platform !== 'win32' && existsSync('/usr/bin/mkfifo')) {
			execFileSync('mkfifo', [at('lessons', 'fifo.md')]);
			assert.deepEqual(await readLocalFileCapped(ws, at('lessons', 'fifo.md'), MAX), { refused: REFUSALS.notRegular });
		}
	});

	it('rejects a missing file, so a caller can tell "no file" from a refused one', async () => {
		await assert.rejects(readLocalFileCapped(ws, at('lessons', 'missing.md'), MAX), { code: 'ENOENT' });
	});
});
