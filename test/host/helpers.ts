// Helpers for extension-host tests: answer keys come from the lesson files through the same core parser.
import * as vscode from 'vscode';
import { parseLesson } from '../../src/core/parseLesson';
import type { Quiz } from '../../src/core/lesson';

const EXTENSION_ID = 'incident-lessons.incident-lessons';

async function quiz(lessonId: string, quizId: string): Promise<Quiz> {
	const ext = vscode.extensions.getExtension(EXTENSION_ID);
	if (!ext) {
		throw new Error('extension not found');
	}
	const uri = vscode.Uri.joinPath(ext.extensionUri, 'lessons', 'en', `${lessonId}.md`);
	const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
	const found = parseLesson(text, `${lessonId}.md`).lesson?.quizzes.find((q) => q.id === quizId);
	if (!found) {
		throw new Error(`no quiz ${lessonId}/${quizId}`);
	}
	return found;
}

/** The right answer to a quiz, as indices. */
export async function correctAnswer(lessonId: string, quizId: string): Promise<number[]> {
	const q = await quiz(lessonId, quizId);
	return q.type === 'order' ? q.steps.map((_, i) => i) : q.choices.flatMap((c, i) => (c.correct ? [i] : []));
}

/** A well-formed wrong answer to a quiz. */
export async function wrongAnswer(lessonId: string, quizId: string): Promise<number[]> {
	const q = await quiz(lessonId, quizId);
	if (q.type === 'order') {
		return q.steps.map((_, i) => i).reverse();
	}
	const wrong = q.choices.findIndex((c) => !c.correct);
	return [wrong];
}

/** Polls `condition` until it holds (UI updates in the workbench are asynchronous). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Polls `probe` until `check` accepts its value (watchers, reloads and tree updates are asynchronous). */
export async function eventually<T>(probe: () => Promise<T> | T, check: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (check(value)) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}
