import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromWebview, parseWebviewState } from '../../src/protocol';

test('accepts every well-formed message and returns a fresh copy', () => {
	const answer = [2, 0, 1];
	const raw = { type: 'answer', lessonId: 'axa', quizId: 'q-1', answer };
	const msg = parseFromWebview(raw);
	assert.deepEqual(msg, raw);
	assert.notEqual(msg, raw);
	answer.push(3);
	assert.deepEqual(msg?.type === 'answer' ? msg.answer : undefined, [2, 0, 1]);
	assert.deepEqual(parseFromWebview({ type: 'ready', lessonId: 'a' }), { type: 'ready', lessonId: 'a' });
	assert.deepEqual(parseFromWebview({ type: 'nextLesson', lessonId: 'a' }), { type: 'nextLesson', lessonId: 'a' });
	assert.deepEqual(parseFromWebview({ type: 'openLink', lessonId: 'a', href: 'https://x' }), { type: 'openLink', lessonId: 'a', href: 'https://x' });
});

test('drops anything that does not fit the protocol', () => {
	const bad: unknown[] = [
		undefined, null, 42, 'ready', [], {},
		{ type: 'ready' },
		{ type: 'ready', lessonId: '../x' },
		{ type: 'ready', lessonId: 'a'.repeat(65) },
		{ type: 'ready', lessonId: 'a', extra: 1 },
		{ type: 'launch', lessonId: 'a' },
		{ type: 'answer', lessonId: 'a', quizId: 'q', answer: [] },
		{ type: 'answer', lessonId: 'a', quizId: 'q', answer: [1.5] },
		{ type: 'answer', lessonId: 'a', quizId: 'q', answer: [-1] },
		{ type: 'answer', lessonId: 'a', quizId: 'q', answer: ['0'] },
		{ type: 'answer', lessonId: 'a', quizId: 'q', answer: Array.from({ length: 33 }, () => 0) },
		{ type: 'answer', lessonId: 'a', quizId: '__proto__', answer: [0] },
		{ type: 'openLink', lessonId: 'a', href: 'x'.repeat(2049) },
		{ type: 'openLink', lessonId: 'a', href: 7 },
		JSON.parse('{"type":"ready","lessonId":"a","__proto__":{"polluted":true}}'),
	];
	for (const raw of bad) {
		assert.equal(parseFromWebview(raw), undefined, JSON.stringify(raw));
	}
	assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('reads saved webview state defensively', () => {
	assert.deepEqual(parseWebviewState({ lessonId: 'a', scrollY: 12 }), { lessonId: 'a', scrollY: 12 });
	assert.deepEqual(parseWebviewState({ lessonId: 'a', scrollY: -1 }), { lessonId: 'a', scrollY: undefined });
	assert.equal(parseWebviewState({ lessonId: 42 }), undefined);
	assert.equal(parseWebviewState('garbage'), undefined);
});
