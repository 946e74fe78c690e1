// The CLI's one folder search, as lint, report and suggest use it: order, skipped names, links, limit, duplicates.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findFiles, isOwnName } from '../../../src/cli/files';

describe('cli findFiles', () => {
	const base = mkdtempSync(path.join(tmpdir(), 'cli-files-'));
	const tmp = path.join(base, 'searched');
	const outside = path.join(base, 'elsewhere');
	before(() => {
		mkdirSync(outside, { recursive: true });
		for (const file of ['b.md', 'a.md', 'Z.md', 'sub/c.md', '.hidden/d.md', 'node_modules/e.md', '.f.md', 'g.txt']) {
			mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
			writeFileSync(path.join(tmp, file), '');
		}
		writeFileSync(path.join(outside, 'secret.md'), '');
		symlinkSync(path.join(tmp, 'a.md'), path.join(tmp, 'inside-link.md'));
		symlinkSync(path.join(outside, 'secret.md'), path.join(tmp, 'outside-link.md'));
		symlinkSync(outside, path.join(tmp, 'linked-folder'));
	});
	after(() => rmSync(base, { recursive: true, force: true }));

	const lessons = { enter: isOwnName, keep: (name: string) => isOwnName(name) && name.endsWith('.md') };
	const shown = (files: readonly { display: string }[]): string[] => files.map((f) => f.display.split(path.sep).join('/'));

	it('keeps matching files in code-point order, skipping hidden folders, dependencies and linked folders', async () => {
		const { files, problems } = await findFiles(['.'], tmp, lessons);
		assert.deepEqual(shown(files), ['Z.md', 'a.md', 'b.md', 'sub/c.md']);
		assert.deepEqual(problems, []);
	});

	it('follows a link to a file only when asked and only inside the folder given', async () => {
		const { files, problems } = await findFiles(['.'], tmp, { ...lessons, followLinks: true });
		assert.deepEqual(shown(files), ['Z.md', 'a.md', 'b.md', 'inside-link.md', 'sub/c.md']);
		assert.deepEqual(problems.map((p) => [p.display, p.given]), [['outside-link.md', false]]);
		assert.match(problems[0]?.message ?? '', /symbolic link to a file outside/);
	});

	it('takes a named file whatever its name, finds a file named twice once, and says which given paths are missing', async () => {
		const { files, problems } = await findFiles(['g.txt', 'sub', 'sub/c.md', 'nope'], tmp, lessons);
		assert.deepEqual(shown(files), ['g.txt', 'sub/c.md']);
		assert.deepEqual(problems, [{ display: 'nope', message: 'cannot read: no such file or folder', given: true }]);
	});

	it('stops searching folders once more files than the limit are found', async () => {
		const { files } = await findFiles(['.'], tmp, { enter: () => true, keep: () => true, limit: 2 });
		assert.equal(files.length, 3);
	});
});
