import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_ELAPSED_MS, parseFromWebview, parseSection } from '../../src/protocol';

const answer = { type: 'answer', lessonId: 'axa', quizId: 'q-1', answer: [0] };

describe('protocol: review messages', () => {
	it('accepts an answer time, rounds it, and caps it at an hour', () => {
		assert.deepEqual(parseFromWebview({ ...answer, elapsedMs: 1234.6 }), { ...answer, elapsedMs: 1235 });
		assert.deepEqual(parseFromWebview({ ...answer, elapsedMs: 0 }), { ...answer, elapsedMs: 0 });
		assert.equal((parseFromWebview({ ...answer, elapsedMs: 9e15 }) as { elapsedMs?: number }).elapsedMs, MAX_ELAPSED_MS);
		assert.deepEqual(parseFromWebview(answer), answer, 'the time is optional');
	});

	it('drops an answer whose time is not a finite, non-negative number', () => {
		for (const elapsedMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, '100', null, [1], { ms: 1 }]) {
			assert.equal(parseFromWebview({ ...answer, elapsedMs }), undefined, JSON.stringify(elapsedMs));
		}
	});

	it('reads the Next button of a review card, with nothing else in it', () => {
		assert.deepEqual(parseFromWebview({ type: 'nextReview', lessonId: 'axa' }), { type: 'nextReview', lessonId: 'axa' });
		assert.equal(parseFromWebview({ type: 'nextReview', lessonId: 'axa', quizId: 'q' }), undefined);
	});

	it('takes only heading slugs as sections', () => {
		for (const ok of ['what-a-developer-could-have-built', '開発者が作れたもの', '1-最小権限と-その見直し']) {
			assert.equal(parseSection(ok), ok);
		}
		for (const bad of ['', 'a--b', '-a', 'a b', '"><img src=x>', 'x'.repeat(65), 7, undefined, null]) {
			assert.equal(parseSection(bad), undefined, JSON.stringify(bad));
		}
	});
});

describe('lazy chunks', () => {
	it('the extension reaches re2js and ts-fsrs only through dynamic import(), so activation loads neither', () => {
		const dir = path.join(__dirname, '..', '..', 'src', 'extension');
		const heavy = /^import (?!type ).*from '(?:\.\.\/)+core\/(?:suggestions\/(?:triggerMatch|triggerPattern|triggerLint)|reviews\/reviewScheduler)';$/m;
		for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
			const text = readFileSync(path.join(dir, name), 'utf8');
			assert.equal(heavy.exec(text), null, `${name} imports a lazily loaded module statically`);
			assert.ok(!/from 're2js'|from 'ts-fsrs'/.test(text), `${name} imports re2js or ts-fsrs`);
		}
	});
});
