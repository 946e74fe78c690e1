import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOpeningFence, scanFences } from '../../../../src/core/lessons/fences';
import { splitLines } from '../../../../src/core/shared/text';

function scan(text: string, firstLine = 1): ReturnType<typeof scanFences> {
	return scanFences(splitLines(text), 'f.md', firstLine);
}

function summary(text: string): string[] {
	return scan(text).blocks.map((b) => `${b.info}:${b.startLine}-${b.endLine}${b.terminated ? '' : '!'}`);
}

describe('scanFences', () => {
	it('finds backtick and tilde fences with their info word', () => {
		assert.deepEqual(summary('a\n```quiz\nx\n```\nb\n~~~ sh title="x"\ny\n~~~\n'), ['quiz:2-4', 'sh:6-8']);
	});

	it('needs at least three fence characters', () => {
		assert.deepEqual(summary('``quiz\nx\n``\n'), []);
	});

	it('allows up to three spaces of indentation, not four or a tab', () => {
		assert.deepEqual(summary('   ```quiz\nx\n   ```\n'), ['quiz:1-3']);
		assert.deepEqual(summary('    ```quiz\nx\n    ```\n'), []);
		assert.deepEqual(summary('\t```quiz\nx\n\t```\n'), []);
	});

	it('closes only with the same character, at least as long, and nothing after it', () => {
		assert.deepEqual(summary('````\n```\n~~~~\n```` x\n`````\n'), [':1-5']);
		assert.deepEqual(summary('~~~\n```\n~~~\n'), [':1-3']);
	});

	it('keeps inner fences of a longer fence as content', () => {
		const { blocks } = scan('````md\n```quiz\nid: q\n```\n````\n');
		assert.equal(blocks.length, 1);
		assert.deepEqual(blocks[0]?.content, ['```quiz', 'id: q', '```']);
	});

	it('refuses backticks in a backtick fence info string but allows them after tildes', () => {
		assert.equal(parseOpeningFence('``` a`b'), undefined);
		assert.equal(parseOpeningFence('~~~ a`b')?.info, 'a`b');
		assert.equal(parseOpeningFence('```   quiz   extra')?.info, 'quiz');
		assert.equal(parseOpeningFence('```')?.info, '');
	});

	it('removes up to the opening indentation from content lines and remembers how much', () => {
		const { blocks } = scan('  ```quiz\n    id: q\n type: single\nprompt: p\n  ```\n');
		assert.deepEqual(blocks[0]?.content, ['  id: q', 'type: single', 'prompt: p']);
		assert.deepEqual(blocks[0]?.contentIndent, [2, 1, 0]);
	});

	it('handles CRLF and CR line endings', () => {
		assert.deepEqual(summary('a\r\n```quiz\r\nid: q\r\n```\r\n'), ['quiz:2-4']);
		assert.deepEqual(summary('a\r```quiz\rid: q\r```\r'), ['quiz:2-4']);
		assert.deepEqual(scan('```quiz\r\nid: q\r\n```').blocks[0]?.content, ['id: q']);
	});

	it('reports an unterminated fence at its opening line and lets it run to the end', () => {
		const { blocks, diagnostics } = scan('text\n\n  ```js\ncode\nmore', 10);
		assert.deepEqual(blocks.map((b) => [b.startLine, b.endLine, b.terminated]), [[12, 14, false]]);
		assert.equal(diagnostics.length, 1);
		const [d] = diagnostics;
		assert.deepEqual([d?.code, d?.severity, d?.line, d?.column], ['fence-unterminated', 'error', 12, 3]);
		assert.match(d?.message ?? '', /```js block/);
	});

	it('counts lines from firstLine', () => {
		assert.deepEqual(scan('```\n```', 7).blocks.map((b) => [b.startLine, b.endLine]), [[7, 8]]);
	});
});
