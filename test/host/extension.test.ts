// Runs inside a real VS Code extension host: the extension under test is loaded as a development extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { migrateProgress } from '../../src/core/progress/progress';
import type { IncidentLessonsApi } from '../../src/extension/api';
import { Command } from '../../src/extension/platform/ids';
import { correctAnswer, passExercises, resetAllProgress, stubWindow, waitFor, wrongAnswer, testingApi } from './helpers';

const EXTENSION_ID = 'incident-lessons.incident-lessons';

function extension(): vscode.Extension<IncidentLessonsApi> {
	const ext = vscode.extensions.getExtension<IncidentLessonsApi>(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is installed`);
	return ext;
}

async function api(): Promise<IncidentLessonsApi> {
	return extension().activate();
}

function lessonTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
		.filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('incidentLessons.lesson'));
}

suite('Incident Lessons in the extension host', () => {
	suiteSetup(async () => {
		await resetAllProgress();
	});

	test('activates once the window has started, never during its start', () => {
		// Events that fire while the workbench starts (`*`, a language, a file in the workspace) would make its start
		// and the extension's own activation compete; a restored lesson tab or solution document may wake it earlier.
		const events = (extension().packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
		assert.deepEqual([...events].sort(), ['onFileSystem:incident-lessons-solution', 'onStartupFinished', 'onWebviewPanel:incidentLessons.lesson']);
	});

	test('activates and returns its API', async () => {
		const lessonsApi = await api();
		assert.equal(extension().isActive, true);
		assert.equal(typeof lessonsApi.answer, 'function');
	});

	test('the API offers other extensions only its public members: the tests\' hooks are apart, outside production mode only', async () => {
		const lessonsApi = await api();
		assert.deepEqual(Object.keys(lessonsApi).filter((key) => key !== 'testing').sort(),
			['answer', 'assignedLessons', 'currentLessonId', 'getProgress', 'listLessons', 'reviewQueue']);
		assert.equal(typeof (await testingApi()).treeSnapshot, 'function', 'the test hooks (development and test mode)');
	});

	test('registers every contributed command, each with the category', async () => {
		const contributed = (extension().packageJSON as { contributes: { commands: { command: string; category?: string }[] } }).contributes.commands;
		const registered = new Set(await vscode.commands.getCommands(true));
		for (const c of contributed) {
			assert.ok(registered.has(c.command), `${c.command} is registered`);
			assert.ok(c.category, `${c.command} has a category`);
		}
		assert.deepEqual(new Set(contributed.map((c) => c.command)), new Set(Object.values(Command)));
	});

	test('lists the bundled lessons with their quizzes', async () => {
		const lessons = await (await api()).listLessons();
		assert.ok(lessons.length >= 2, `found ${lessons.length} lessons`);
		for (const l of lessons) {
			assert.ok(l.quizIds.length >= 1, `${l.id} has quizzes`);
			assert.equal(l.summary.status, 'notStarted');
		}
	});

	test('Open Lesson opens one reusable webview tab titled after the lesson', async () => {
		const lessonsApi = await api();
		const [first, second] = await lessonsApi.listLessons();
		assert.ok(first && second);
		await vscode.commands.executeCommand(Command.OpenLesson, first.id);
		await waitFor(() => lessonTabs().length === 1, 'a lesson tab');
		assert.equal(lessonTabs()[0]?.label, `Incident Lessons: ${first.title}`);
		assert.equal(lessonsApi.currentLessonId(), first.id);

		await vscode.commands.executeCommand(Command.OpenLesson, second.id);
		await waitFor(() => lessonTabs()[0]?.label === `Incident Lessons: ${second.title}`, 'the tab to show the second lesson');
		assert.equal(lessonTabs().length, 1, 'the panel is reused');
	});

	test('answering records progress in workspaceState and updates the status bar', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const [lesson] = await lessonsApi.listLessons();
		assert.ok(lesson);
		const total = (await lessonsApi.listLessons()).length;
		assert.equal(testing.statusBarText(), `$(mortar-board) Lessons 0/${total}`);

		const [firstQuiz, ...rest] = lesson.quizIds;
		assert.ok(firstQuiz);
		const wrong = await lessonsApi.answer(lesson.id, firstQuiz, await wrongAnswer(lesson.id, firstQuiz));
		assert.equal(wrong?.correct, false);
		assert.ok(wrong.feedback.length > 0 && wrong.feedback.every((f) => typeof f.explain === 'string'));
		let stored = lessonsApi.getProgress().lessons[lesson.id];
		assert.equal(stored?.quizzes[firstQuiz]?.correct, false);
		assert.equal(stored?.quizzes[firstQuiz]?.attempts, 1);

		for (const quizId of [firstQuiz, ...rest]) {
			const result = await lessonsApi.answer(lesson.id, quizId, await correctAnswer(lesson.id, quizId));
			assert.equal(result?.correct, true, `${quizId} graded right`);
		}
		stored = lessonsApi.getProgress().lessons[lesson.id];
		assert.equal(stored?.quizzes[firstQuiz]?.attempts, 2);
		// Every quiz right, the exercise not done yet: an exercise counts toward the lesson like a quiz.
		assert.equal((await lessonsApi.listLessons()).find((l) => l.id === lesson.id)?.summary.status, 'inProgress');
		await passExercises(lesson.id);
		const summary = (await lessonsApi.listLessons()).find((l) => l.id === lesson.id)?.summary;
		assert.equal(summary?.status, 'passed');
		assert.equal(summary?.score, 100);
		await waitFor(() => testing.statusBarText() === `$(mortar-board) Lessons 1/${total}`, 'the status bar to count the pass');
	});

	test('ignores answers to quizzes that do not exist and malformed answers', async () => {
		const lessonsApi = await api();
		const before = JSON.stringify(lessonsApi.getProgress());
		const [lesson] = await lessonsApi.listLessons();
		assert.ok(lesson);
		assert.equal(await lessonsApi.answer(lesson.id, 'no-such-quiz', [0]), undefined);
		assert.equal(await lessonsApi.answer('no-such-lesson', 'q', [0]), undefined);
		assert.equal(await lessonsApi.answer(lesson.id, lesson.quizIds[0] ?? '', [99]), undefined);
		assert.equal(JSON.stringify(lessonsApi.getProgress()), before);
	});

	test('Reset Lesson Progress clears one lesson; Reset All Progress clears everything', async () => {
		const lessonsApi = await api();
		const [a, b] = await lessonsApi.listLessons();
		assert.ok(a && b);
		const quizB = b.quizIds[0] ?? '';
		await lessonsApi.answer(b.id, quizB, await correctAnswer(b.id, quizB));
		assert.ok(lessonsApi.getProgress().lessons[a.id], 'lesson a has progress from the previous test');

		await vscode.commands.executeCommand(Command.ResetLessonProgress, a.id);
		assert.equal(lessonsApi.getProgress().lessons[a.id], undefined);
		assert.ok(lessonsApi.getProgress().lessons[b.id]);

		// Reset All Progress asks every time, in a modal, whatever argument it is given (a command link can pass any).
		const declined = stubWindow();
		try {
			await vscode.commands.executeCommand(Command.ResetAllProgress, { confirmed: true });
		} finally {
			declined.restore();
		}
		assert.deepEqual(declined.calls.map((c) => [c.name, c.args[1]]), [['showWarningMessage', { modal: true }]]);
		assert.ok(lessonsApi.getProgress().lessons[b.id], 'declined: nothing reset');
		const confirmed = stubWindow((_name, args) => args[2]);
		try {
			await vscode.commands.executeCommand(Command.ResetAllProgress);
		} finally {
			confirmed.restore();
		}
		assert.equal(confirmed.calls.length, 1);
		assert.deepEqual(Object.keys(lessonsApi.getProgress().lessons), []);
		assert.equal(lessonsApi.getProgress().schemaVersion, 4);
	});

	test('progress is written to workspaceState, versioned, after each answer', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const [lesson] = await lessonsApi.listLessons();
		assert.ok(lesson);
		const quizId = lesson.quizIds[0] ?? '';
		await lessonsApi.answer(lesson.id, quizId, await correctAnswer(lesson.id, quizId));
		const stored = await testing.readStoredProgress();
		assert.equal((stored as { schemaVersion?: number }).schemaVersion, 4);
		assert.equal(migrateProgress(stored).progress.lessons[lesson.id]?.quizzes[quizId]?.correct, true, 'it reads back');
	});
});

suite('Lesson language', () => {
	teardown(async () => {
		await vscode.workspace.getConfiguration('incidentLessons').update('lessonLanguage', undefined, vscode.ConfigurationTarget.Global);
	});

	test('follows the setting, with the same lesson ids in every language', async () => {
		const lessonsApi = await api();
		const english = await lessonsApi.listLessons();
		await vscode.workspace.getConfiguration('incidentLessons').update('lessonLanguage', 'ja', vscode.ConfigurationTarget.Global);
		let japanese = await lessonsApi.listLessons();
		const deadline = Date.now() + 5000;
		while (japanese.every((l, i) => l.title === english[i]?.title) && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 50));
			japanese = await lessonsApi.listLessons();
		}
		assert.deepEqual(japanese.map((l) => l.id).sort(), english.map((l) => l.id).sort());
		assert.ok(japanese.some((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l.title)), `Japanese titles: ${japanese.map((l) => l.title).join(' | ')}`);
	});
});
