// Helpers for extension-host tests: answer keys come from the lesson files through the same core parser.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/platform/ids';
import { parseLesson } from '../../src/core/lessons/parseLesson';
import type { Quiz } from '../../src/core/lessons/lesson';
import type { IncidentLessonsApiWithTesting, IncidentLessonsTestingApi } from '../../src/extension/testing';

export const EXTENSION_ID = 'incident-lessons.incident-lessons';

/** The extension's API (activating it when it is not yet), with the tests' own hooks in test mode. */
export async function extensionApi(): Promise<IncidentLessonsApiWithTesting> {
	const ext = vscode.extensions.getExtension<IncidentLessonsApiWithTesting>(EXTENSION_ID);
	if (!ext) {
		throw new Error(`${EXTENSION_ID} is not installed`);
	}
	return ext.activate();
}

/** The API's test hooks (src/extension/testing/), there in development and test mode only. */
export async function testingApi(): Promise<IncidentLessonsTestingApi> {
	const testing = (await extensionApi()).testing;
	if (!testing) {
		throw new Error('the test hooks exist in test mode');
	}
	return testing;
}

/** The test workspace's folder (a fresh copy of test/fixtures/workspace). */
export function workspaceFolderUri(): vscode.Uri {
	const first = vscode.workspace.workspaceFolders?.[0];
	if (!first) {
		throw new Error('the test workspace is not open');
	}
	return first.uri;
}

async function quiz(lessonId: string, quizId: string): Promise<Quiz> {
	const ext = vscode.extensions.getExtension(EXTENSION_ID);
	if (!ext) {
		throw new Error('extension not found');
	}
	// a bundled lesson, else one of the test workspace's own
	const bundled = vscode.Uri.joinPath(ext.extensionUri, 'lessons', 'en', `${lessonId}.md`);
	const uri = await Promise.resolve(vscode.workspace.fs.stat(bundled)).then(() => bundled,
		() => vscode.Uri.joinPath(workspaceFolderUri(), '.incident-lessons', 'lessons', `${lessonId}.md`));
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

/** Clears all progress through the test hook: the Reset All Progress command always asks first. */
export async function resetAllProgress(): Promise<void> {
	await (await testingApi()).resetAllProgress();
}

/** What one stubbed window call received: which function, and its arguments. */
export interface WindowCall {
	readonly name: string;
	readonly args: readonly unknown[];
}

type Answer = (name: string, args: readonly unknown[]) => unknown;

/**
 * Replaces the window's message, quick pick and save dialog functions with recorders (the tests run in the
 * extension's own host, so the extension calls these): each call is kept, and answered by `answer` (undefined, like
 * a dismissed prompt, unless it says otherwise). `restore` puts the real functions back.
 */
export function stubWindow(answer: Answer = () => undefined): { readonly calls: WindowCall[]; restore(): void } {
	const names = ['showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'showQuickPick', 'showSaveDialog'] as const;
	const target = vscode.window as unknown as Record<string, unknown>;
	const saved = names.map((name) => [name, target[name]] as const);
	const calls: WindowCall[] = [];
	for (const name of names) {
		target[name] = (...args: unknown[]): Thenable<unknown> => {
			calls.push({ name, args });
			return Promise.resolve(answer(name, args));
		};
	}
	return { calls, restore: () => saved.forEach(([name, fn]) => { target[name] = fn; }) };
}

/**
 * Replaces the text of the document at `uri` (opened when it is not), all of it or `range`, through a workspace edit on
 * that document: never through whichever editor has focus, which a notification or another test's editor can take.
 */
export async function setDocumentText(uri: vscode.Uri, text: string, range?: vscode.Range): Promise<vscode.TextDocument> {
	const document = await vscode.workspace.openTextDocument(uri);
	const edit = new vscode.WorkspaceEdit();
	edit.replace(uri, range ?? new vscode.Range(0, 0, document.lineCount, 0), text);
	if (!await vscode.workspace.applyEdit(edit)) {
		throw new Error(`could not edit ${uri.toString()}`);
	}
	return document;
}

/** Puts the text saved on disk back into the document at `uri` and saves it, so it has no unsaved edits left. */
export async function revertDocument(uri: vscode.Uri): Promise<void> {
	const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
	const document = await setDocumentText(uri, saved);
	if (document.isDirty && !await document.save()) {
		throw new Error(`could not save ${uri.toString()}`);
	}
}

/**
 * Passes every exercise of the bundled lesson `lessonId` the way a learner does: Start, the reference solution
 * written into each file it opened, Check. (An exercise counts toward its lesson like a quiz.)
 */
export async function passExercises(lessonId: string): Promise<void> {
	const ext = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(ext);
	const catalog = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'dist', 'catalog.json')))) as
		{ lessons: { meta: { id: string }; exerciseIds?: string[] }[] };
	for (const exerciseId of catalog.lessons.find((l) => l.meta.id === lessonId)?.exerciseIds ?? []) {
		const args = { lessonId, exerciseId };
		await vscode.commands.executeCommand(Command.StartExercise, args);
		const folder = `/exercises/${lessonId}/${exerciseId}/`;
		const files = await eventually(() => vscode.workspace.textDocuments.filter((d) => d.uri.path.includes(folder)), (d) => d.length > 0, `the files of ${exerciseId}`);
		for (const file of files) {
			const path = file.uri.path.slice(file.uri.path.indexOf(folder) + folder.length);
			const solution = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'incident-lessons-solution', path: `/${lessonId}/${exerciseId}/${path}` }));
			await setDocumentText(file.uri, solution.getText());
		}
		const report = await vscode.commands.executeCommand<{ passed: boolean }>(Command.CheckExercise, args);
		assert.equal(report.passed, true, `${exerciseId}: the reference solution passes`);
	}
}
