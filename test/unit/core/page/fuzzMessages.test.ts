// Forged messages: the lesson panel's real handler (core/messageRouting, which the panel only supplies effects to)
// fed random shapes, wrong types, huge strings, unknown ids and prototype-pollution keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gradeAnswer } from '../../../../src/core/lessons/grade';
import type { Answer, Lesson, QuizResult } from '../../../../src/core/lessons/lesson';
import { describeMessage, handleWebviewMessage, routeMessage, type MessageEffects } from '../../../../src/core/page/messageRouting';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { emptyProgress, recordAnswer, type Progress } from '../../../../src/core/progress/progress';
import { propertyParams } from '../../helpers/propertySeed';

const LESSON_TEXT = `---
id: target
title: Target
summary: The lesson that is open in the panel.
---

\`\`\`quiz
id: one
type: single
prompt: One?
choices:
  - text: a
    correct: true
    explain: x
  - text: b
    explain: y
\`\`\`

\`\`\`quiz
id: many
type: multiple
prompt: Many?
choices:
  - text: a
    correct: true
    explain: x
  - text: b
    correct: true
    explain: y
  - text: c
    explain: z
\`\`\`

\`\`\`quiz
id: steps
type: order
prompt: Order?
steps: [first, second, third]
\`\`\`
`;

function openLesson(): Lesson {
	const { lesson, diagnostics } = parseLesson(LESSON_TEXT, 'target.md');
	assert.ok(lesson, JSON.stringify(diagnostics));
	return lesson;
}

const lesson = openLesson();
const QUIZ_IDS = lesson.quizzes.map((q) => q.id);
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

interface Recorded {
	readonly records: { quizId: string; answer: Answer; result: QuizResult }[];
	readonly opened: string[];
	readonly confirmed: string[];
	readonly dropped: { reason: string; preview: string }[];
	readonly failures: string[];
	readonly other: string[];
}

/** Effects that only write down what the handler asked for; `agree` is the learner's answer to a confirmation. */
function recordingEffects(agree: boolean): { effects: MessageEffects; seen: Recorded } {
	const seen: Recorded = { records: [], opened: [], confirmed: [], dropped: [], failures: [], other: [] };
	const effects: MessageEffects = {
		restore: () => void seen.other.push('restore'),
		record: (quizId, answer, result) => {
			seen.records.push({ quizId, answer, result });
			return Promise.resolve();
		},
		reject: (quizId) => void seen.other.push(`reject ${quizId}`),
		confirmExternal: (url) => {
			seen.confirmed.push(url);
			return Promise.resolve(agree);
		},
		openExternal: (url) => {
			seen.opened.push(url);
			return Promise.resolve();
		},
		openLesson: (id) => Promise.resolve(void seen.other.push(`lesson ${id}`)),
		nextLesson: () => Promise.resolve(void seen.other.push('next')),
		logDropped: (reason, preview) => void seen.dropped.push({ reason, preview }),
		logFailure: (what) => void seen.failures.push(what),
	};
	return { effects, seen };
}

const hugeString = fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => 'a'.repeat(n));
const idLike = fc.oneof(
	fc.constantFrom('target', 'other-lesson', ...QUIZ_IDS, 'no-such-quiz', ...POLLUTION_KEYS, '', 'TARGET', 'target ', '../target'),
	fc.string(),
	fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	hugeString,
);
const HREFS = [
	'https://example.com/', 'HTTPS://EXAMPLE.COM', ' https://example.com', 'https:example.com', 'https://exa mple.com', 'https://',
	'http://example.com/', 'mailto:a@example.com', 'mailto:', 'javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
	'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'vbscript:msgbox', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd',
	'command:workbench.action.terminal.new', 'vscode://file/etc/passwd', '//evil.example', '\\\\evil\\share', 'https:\\\\evil.example',
	'other-lesson.md', '../ja/other-lesson.md#x', '#anchor', '', 'ftp://example.com', 'https://example.com/\u0000x', 'https://\u202eexample.com',
];
const href = fc.oneof(fc.constantFrom(...HREFS), fc.webUrl(), fc.string(), hugeString);
const answer = fc.oneof(
	fc.array(fc.integer({ min: -2, max: 12 }), { maxLength: 6 }),
	fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null)), { maxLength: 4 }),
	fc.integer({ min: 33, max: 100_000 }).map((n) => Array.from({ length: n }, () => 0)),
	fc.anything(),
);

/** Objects shaped like protocol messages, with every field sometimes wrong, missing, huge or a pollution key. */
const nearMessage = fc.record({
	type: fc.oneof(fc.constantFrom('ready', 'answer', 'openLink', 'nextLesson', 'restore', 'graded', ...POLLUTION_KEYS), fc.anything()),
	lessonId: fc.oneof(fc.constant('target'), idLike, fc.anything()),
	quizId: fc.oneof(idLike, fc.anything()),
	answer,
	href: fc.oneof(href, fc.anything()),
	extra: fc.anything(),
}, { requiredKeys: [] });

/** The same, with a pollution key as an own property (as JSON.parse would make it). */
const withOwnPollutionKey = fc.tuple(nearMessage, fc.constantFrom(...POLLUTION_KEYS), fc.anything()).map(([msg, key, value]) => {
	const copy: Record<string, unknown> = { ...msg };
	Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
	return copy;
});

const anyValue = fc.anything({
	withBigInt: true, withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withTypedArray: true,
	withSparseArray: true, withBoxedValues: true, withDate: true, maxDepth: 3,
	key: fc.oneof(fc.string(), fc.constantFrom(...POLLUTION_KEYS, 'type', 'lessonId', 'quizId', 'answer', 'href')),
});

const forged = fc.oneof(anyValue, nearMessage, withOwnPollutionKey);

function prototypesClean(): boolean {
	const probe = {} as Record<string, unknown>;
	return ['polluted', 'quizzes', 'lessonId', 'type', 'isAdmin'].every((key) => probe[key] === undefined)
		&& Object.keys(Object.prototype).length === 0;
}

function protocolOf(url: string): string {
	return new URL(url).protocol;
}

describe('forged webview messages', () => {
	it('never throw, record only real quizzes, open only https, and log every drop', async (t) => {
		await fc.assert(fc.asyncProperty(forged, async (raw) => {
			const { effects, seen } = recordingEffects(false);
			const routed = await handleWebviewMessage(raw, lesson, effects);
			for (const { quizId, answer: given, result } of seen.records) {
				const quiz = lesson.quizzes.find((q) => q.id === quizId);
				assert.ok(quiz, `recorded an answer to "${quizId}", which is not a quiz of the lesson`);
				assert.equal(result.quizId, quizId);
				assert.deepEqual(result, gradeAnswer(quiz, given));
			}
			for (const url of seen.opened) {
				assert.equal(protocolOf(url), 'https:', `opened ${url} without the learner's consent`);
			}
			const isDropped = routed.kind === 'drop' || routed.kind === 'reject';
			assert.equal(seen.dropped.length, isDropped ? 1 : 0, `drop logged once: ${routed.kind}`);
			for (const { reason, preview } of seen.dropped) {
				assert.ok(reason.length > 0 && preview.length <= 201, `reason "${reason}", preview of ${preview.length} characters`);
			}
			assert.deepEqual(seen.failures, []);
			assert.ok(prototypesClean(), 'Object.prototype unchanged');
		}), propertyParams(t, 500));
	});

	it('open http and mailto only after the learner agrees, and nothing else at all', async (t) => {
		await fc.assert(fc.asyncProperty(fc.oneof(nearMessage, fc.record({ type: fc.constant('openLink'), lessonId: fc.constant('target'), href })), async (raw) => {
			const { effects, seen } = recordingEffects(true);
			await handleWebviewMessage(raw, lesson, effects);
			for (const url of seen.opened) {
				const protocol = protocolOf(url);
				assert.ok(['https:', 'http:', 'mailto:'].includes(protocol), `opened ${url}`);
				assert.ok(protocol === 'https:' || seen.confirmed.includes(url), `${url} opened without asking`);
				assert.doesNotMatch(url, /[\s\u0000-\u001f]/, 'a normalized address');
			}
		}), propertyParams(t, 500));
	});

	it('is deterministic', (t) => {
		fc.assert(fc.property(forged, (raw) => {
			assert.deepEqual(routeMessage(raw, lesson), routeMessage(raw, lesson));
		}), propertyParams(t));
	});

	it('never records progress for a quiz that does not exist, whatever arrives in sequence', async (t) => {
		await fc.assert(fc.asyncProperty(fc.array(fc.oneof(forged, fc.record({
			type: fc.constant('answer'), lessonId: fc.constant('target'), quizId: idLike, answer,
		})), { maxLength: 30 }), async (messages) => {
			let progress: Progress = emptyProgress();
			const { effects } = recordingEffects(false);
			const storing: MessageEffects = {
				...effects,
				record: (quizId, given, result) => {
					progress = recordAnswer(progress, lesson.meta.id, lesson.contentHash, result, given, new Date(0));
					return Promise.resolve();
				},
			};
			for (const raw of messages) {
				await handleWebviewMessage(raw, lesson, storing);
			}
			assert.deepEqual(Object.keys(progress.lessons).filter((id) => id !== 'target'), []);
			for (const quizId of Object.keys(progress.lessons.target?.quizzes ?? {})) {
				assert.ok(QUIZ_IDS.includes(quizId), `stored "${quizId}"`);
			}
		}), propertyParams(t, 200));
	});

	it('drop everything while no lesson is open', async (t) => {
		await fc.assert(fc.asyncProperty(forged, async (raw) => {
			const { effects, seen } = recordingEffects(true);
			assert.equal((await handleWebviewMessage(raw, undefined, effects)).kind, 'drop');
			assert.deepEqual([seen.records, seen.opened, seen.other], [[], [], []]);
		}), propertyParams(t));
	});
});

describe('forged webview messages: cases worth naming', () => {
	const route = (raw: unknown): string => routeMessage(raw, lesson).kind;

	it('accepts the real messages', () => {
		assert.equal(route({ type: 'ready', lessonId: 'target' }), 'restore');
		assert.equal(route({ type: 'answer', lessonId: 'target', quizId: 'one', answer: [0] }), 'record');
		assert.equal(route({ type: 'answer', lessonId: 'target', quizId: 'steps', answer: [2, 0, 1] }), 'record');
		assert.equal(route({ type: 'nextLesson', lessonId: 'target' }), 'nextLesson');
		assert.deepEqual(routeMessage({ type: 'openLink', lessonId: 'target', href: 'https://example.com' }, lesson),
			{ kind: 'openExternal', url: 'https://example.com/', confirm: false });
		assert.deepEqual(routeMessage({ type: 'openLink', lessonId: 'target', href: 'http://example.com' }, lesson),
			{ kind: 'openExternal', url: 'http://example.com/', confirm: true });
		assert.deepEqual(routeMessage({ type: 'openLink', lessonId: 'target', href: 'other-lesson.md' }, lesson), { kind: 'openLesson', lessonId: 'other-lesson' });
	});

	it('rejects answers to quizzes that do not exist, with the reason', () => {
		for (const quizId of ['no-such-quiz', 'constructor', 'prototype']) {
			const routed = routeMessage({ type: 'answer', lessonId: 'target', quizId, answer: [0] }, lesson);
			assert.equal(routed.kind, 'reject');
			assert.match(routed.kind === 'reject' ? routed.reason : '', /has no quiz/);
		}
		assert.equal(route({ type: 'answer', lessonId: 'target', quizId: 'one', answer: [0, 1] }), 'reject');
		assert.equal(route({ type: 'answer', lessonId: 'target', quizId: '__proto__', answer: [0] }), 'drop');
	});

	it('drops other lessons, other types, script and command links', () => {
		assert.equal(route({ type: 'ready', lessonId: 'other' }), 'drop');
		assert.equal(route({ type: 'graded', lessonId: 'target' }), 'drop');
		for (const link of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'vscode://file/x', 'https://exa mple.com', '#anchor', 'data:text/html,x']) {
			assert.equal(route({ type: 'openLink', lessonId: 'target', href: link }), 'drop', link);
		}
		assert.equal(route(JSON.parse('{"type":"ready","lessonId":"target","__proto__":{"isAdmin":true}}')), 'drop');
		assert.ok(prototypesClean());
	});

	it('describes anything for the log without throwing, briefly', () => {
		const cyclic: Record<string, unknown> = { type: 'ready' };
		cyclic.self = cyclic;
		for (const raw of [cyclic, 10n, { n: 10n }, 'x'.repeat(5_000_000), Symbol('s'), () => 1, undefined, Object.create(null), new Map([[1, 2]])]) {
			const preview = describeMessage(raw);
			assert.ok(typeof preview === 'string' && preview.length <= 201, preview.slice(0, 50));
		}
	});

	it('logs a failing effect instead of throwing', async () => {
		const { effects, seen } = recordingEffects(false);
		const failing: MessageEffects = { ...effects, record: () => Promise.reject(new Error('storage is full')) };
		const routed = await handleWebviewMessage({ type: 'answer', lessonId: 'target', quizId: 'one', answer: [1] }, lesson, failing);
		assert.equal(routed.kind, 'record');
		assert.deepEqual(seen.failures, ['record']);
	});
});
