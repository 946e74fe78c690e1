/**
 * The lesson panel's message handler, without the panel: what a message from the webview may make the extension
 * do. The webview renders untrusted lesson content, so every message is treated as forged until proven otherwise:
 * it must fit the protocol, name the open lesson, answer a quiz that exists, or link somewhere the allowlist
 * permits. Pure apart from the effects the caller passes in.
 */
import { parseFromWebview, type ExerciseAction } from '../../protocol';
import { gradeAnswer } from '../lessons/grade';
import type { Answer, Lesson, QuizResult } from '../lessons/lesson';
import { resolveLink } from './links';

/** The longest preview of a dropped message that goes to the log. */
const MAX_PREVIEW = 200;

/** What one message from the webview asks for, once checked; `drop` and `reject` say why nothing happens. */
export type RoutedMessage =
	| { readonly kind: 'restore' }
	| { readonly kind: 'record'; readonly quizId: string; readonly answer: Answer; readonly result: QuizResult; readonly elapsedMs?: number }
	/** A well-formed answer that cannot be graded: the webview is told, so it re-enables the quiz. */
	| { readonly kind: 'reject'; readonly quizId: string; readonly reason: string }
	/** `confirm`: the learner must agree first (every scheme but https). `url` is the normalized address. */
	| { readonly kind: 'openExternal'; readonly url: string; readonly confirm: boolean }
	| { readonly kind: 'openLesson'; readonly lessonId: string }
	| { readonly kind: 'nextLesson' }
	| { readonly kind: 'nextReview' }
	/** A button of one of the lesson's own exercises. */
	| { readonly kind: 'exercise'; readonly exerciseId: string; readonly action: ExerciseAction }
	| { readonly kind: 'drop'; readonly reason: string };

/** What the handler may do; the lesson panel implements these with VS Code, the tests with fakes. */
export interface MessageEffects {
	restore(): void | Promise<void>;
	/** `elapsedMs`: the answer time the webview measured (checked and capped by the protocol), if any. */
	record(quizId: string, answer: Answer, result: QuizResult, elapsedMs?: number): Promise<void>;
	reject(quizId: string): void;
	/** Asks the learner whether to open `url`; resolves true only when they agree. */
	confirmExternal(url: string): Promise<boolean>;
	openExternal(url: string): Promise<void>;
	openLesson(lessonId: string): Promise<void>;
	nextLesson(): Promise<void>;
	/** The Next button of a review card; panels without review sessions leave it out (the message is then ignored). */
	nextReview?(): Promise<void>;
	/** A button of an exercise of the lesson; panels without exercises leave it out (the message is then ignored). */
	exercise?(exerciseId: string, action: ExerciseAction): Promise<void>;
	/** Every message that changes nothing is logged here once, with the reason. */
	logDropped(reason: string, preview: string): void;
	/** An effect failed (e.g. storage); logged, never thrown at the webview. */
	logFailure(what: string, error: unknown): void;
}

/** The WHATWG URL parser (Node, browsers, the extension host), typed minimally so the core needs no DOM or Node types. */
interface ParsedUrl {
	readonly protocol: string;
	readonly href: string;
}
type UrlConstructor = new (input: string) => ParsedUrl;

function parseUrl(text: string): ParsedUrl | undefined {
	const { URL } = globalThis as unknown as { URL: UrlConstructor };
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * Grades an answer to one of `lesson`'s quizzes. The quiz is looked up by id among the lesson's own quizzes, so an
 * unknown id (`__proto__` included) never reaches the grader. Pure.
 */
export function gradeLessonAnswer(lesson: Lesson, quizId: string, answer: unknown): { result: QuizResult } | { reason: string } {
	const quiz = lesson.quizzes.find((q) => q.id === quizId);
	if (!quiz) {
		return { reason: `lesson "${lesson.meta.id}" has no quiz "${quizId}"` };
	}
	const result = gradeAnswer(quiz, answer);
	return result ? { result } : { reason: `the answer to "${lesson.meta.id}/${quizId}" does not fit the quiz` };
}

function routeLink(href: string): RoutedMessage {
	const target = resolveLink(href);
	if (!target) {
		return { kind: 'drop', reason: 'the link is not on the allowlist' };
	}
	if (target.kind === 'lesson') {
		return { kind: 'openLesson', lessonId: target.lessonId };
	}
	if (target.kind === 'anchor') {
		return { kind: 'drop', reason: 'in-page links are handled by the webview' };
	}
	// Open what a browser would parse, not the raw text: no stray whitespace, no scheme the allowlist did not see.
	const url = parseUrl(target.url);
	if (url?.protocol === 'https:') {
		return { kind: 'openExternal', url: url.href, confirm: false };
	}
	if (url?.protocol === 'http:' || url?.protocol === 'mailto:') {
		return { kind: 'openExternal', url: url.href, confirm: true };
	}
	return { kind: 'drop', reason: 'the link is not a valid https, http or mailto address' };
}

/**
 * Decides what a raw message from the webview of `lesson` (undefined: no lesson open) asks for. Never throws:
 * anything off — shape, types, size, another lesson's id, a quiz that does not exist — is a `drop` or `reject`
 * with a reason. Pure.
 */
export function routeMessage(raw: unknown, lesson: Lesson | undefined): RoutedMessage {
	const msg = parseFromWebview(raw);
	if (!msg) {
		return { kind: 'drop', reason: 'it does not fit the protocol' };
	}
	if (!lesson || msg.lessonId !== lesson.meta.id) {
		return { kind: 'drop', reason: 'it names a lesson that is not open' };
	}
	switch (msg.type) {
		case 'ready':
			return { kind: 'restore' };
		case 'nextLesson':
			return { kind: 'nextLesson' };
		case 'nextReview':
			return { kind: 'nextReview' };
		case 'openLink':
			return routeLink(msg.href);
		case 'exercise':
			// Looked up among the lesson's own exercises, so an unknown id (`__proto__` included) goes no further.
			return lesson.exercises.some((e) => e.id === msg.exerciseId)
				? { kind: 'exercise', exerciseId: msg.exerciseId, action: msg.action }
				: { kind: 'drop', reason: `lesson "${lesson.meta.id}" has no exercise "${msg.exerciseId}"` };
		case 'answer': {
			const graded = gradeLessonAnswer(lesson, msg.quizId, msg.answer);
			return 'result' in graded
				? { kind: 'record', quizId: msg.quizId, answer: msg.answer, result: graded.result, ...(msg.elapsedMs !== undefined ? { elapsedMs: msg.elapsedMs } : {}) }
				: { kind: 'reject', quizId: msg.quizId, reason: graded.reason };
		}
	}
}

/** A short, printable preview of any value for the log. Never throws (cycles, BigInt, huge strings). */
export function describeMessage(raw: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(raw, (_key, value: unknown) => {
			if (typeof value === 'bigint') {
				return `${value}n`;
			}
			return typeof value === 'string' && value.length > MAX_PREVIEW ? `${value.slice(0, MAX_PREVIEW)}…` : value;
		}) ?? String(raw);
	} catch {
		text = `[unprintable ${typeof raw}]`;
	}
	return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW)}…` : text;
}

async function perform(routed: RoutedMessage, effects: MessageEffects): Promise<void> {
	switch (routed.kind) {
		case 'restore':
			return effects.restore();
		case 'record':
			return effects.record(routed.quizId, routed.answer, routed.result, routed.elapsedMs);
		case 'reject':
			return effects.reject(routed.quizId);
		case 'openExternal':
			if (!routed.confirm || await effects.confirmExternal(routed.url)) {
				await effects.openExternal(routed.url);
			}
			return;
		case 'openLesson':
			return effects.openLesson(routed.lessonId);
		case 'nextLesson':
			return effects.nextLesson();
		case 'nextReview':
			return effects.nextReview?.();
		case 'exercise':
			return effects.exercise?.(routed.exerciseId, routed.action);
		case 'drop':
			return;
	}
}

/**
 * Handles one raw message from the webview of `lesson`: routes it, logs it when it is dropped or rejected, and runs
 * the one effect it may have. Resolves with the routing decision; never rejects (a failing effect is logged).
 */
export async function handleWebviewMessage(raw: unknown, lesson: Lesson | undefined, effects: MessageEffects): Promise<RoutedMessage> {
	const routed = routeMessage(raw, lesson);
	try {
		if (routed.kind === 'drop' || routed.kind === 'reject') {
			effects.logDropped(routed.reason, describeMessage(raw));
		}
		await perform(routed, effects);
	} catch (error) {
		effects.logFailure(routed.kind, error);
	}
	return routed;
}
