// Progress that follows the learner, in the real extension host: answers kept in globalState under the learner's
// keys (not the workspace's) are read by a window on another workspace, and Export My Progress… → Import Progress…
// into an empty profile restores every answer and review card, says what it merged, and refuses a damaged file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/platform/ids';
import { correctAnswer, extensionApi as api, resetAllProgress, stubWindow, testingApi, workspaceFolderUri as folder, wrongAnswer } from './helpers';

const LESSONS = ['axa-non-life-unauthorized-access', 'agency-email-route'];
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const exportFile = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'progress-export.test.json');

suite('Progress that follows the learner', () => {
	suiteSetup(async () => {
		await resetAllProgress();
	});

	suiteTeardown(async () => {
		await resetAllProgress();
		await vscode.workspace.fs.delete(exportFile()).then(undefined, () => undefined);
	});

	test('answers given in one workspace are read in another: they live in globalState under the learner\'s keys', async () => {
		const lessons = await api();
		const testing = await testingApi();
		const [first, second] = LESSONS as [string, string];
		const quizzes = (await lessons.listLessons()).find((l) => l.id === first)?.quizIds ?? [];
		await lessons.answer(first, quizzes[0] ?? '', await wrongAnswer(first, quizzes[0] ?? ''));
		await lessons.answer(first, quizzes[0] ?? '', await correctAnswer(first, quizzes[0] ?? ''));
		await lessons.answer(first, quizzes[1] ?? '', await correctAnswer(first, quizzes[1] ?? ''));
		const secondQuiz = (await lessons.listLessons()).find((l) => l.id === second)?.quizIds[0] ?? '';
		await lessons.answer(second, secondQuiz, await correctAnswer(second, secondQuiz));
		await testing.flushProgress();
		const before = plain(lessons.getProgress());
		const keys = testing.globalProgressKeys();
		assert.ok(keys.includes('incidentLessons.progress:learner'), `the learner's base among ${keys.join(', ')}`);
		assert.ok(keys.every((key) => key.endsWith(':learner')), `every key is the learner's, none this workspace's: ${keys.join(', ')}`);

		assert.deepEqual(plain(testing.readAsAnotherWorkspace('file:///home/learner/another-clone')), before, 'a window on another workspace reads the same progress');
		const elsewhere = await testing.simulateOtherWorkspace();
		assert.deepEqual(plain(elsewhere), before, 'this window with none of this workspace\'s state reads the same progress');
		assert.deepEqual(Object.keys(lessons.getProgress().reviews[first] ?? {}).sort(), quizzes.slice(0, 2).sort(), 'and the review cards');
		await lessons.answer(first, quizzes[2] ?? '', await correctAnswer(first, quizzes[2] ?? ''));
		await testing.flushProgress();
		const reread = await testing.simulateOtherWorkspace();
		assert.deepEqual(Object.keys(reread.lessons[first]?.quizzes ?? {}).sort(), quizzes.slice(0, 3).sort(), 'an answer given there adds to the same progress');
	});

	test('Export My Progress… then Import Progress… into an empty profile restores every answer and review card', async () => {
		const lessons = await api();
		const testing = await testingApi();
		const window = stubWindow();
		try {
			const before = plain(lessons.getProgress()) as { lessons: Record<string, { quizzes: object }>; reviews: Record<string, object> };
			const answers = Object.values(before.lessons).reduce((n, l) => n + Object.keys(l.quizzes).length, 0);
			const cards = Object.values(before.reviews).reduce((n, c) => n + Object.keys(c).length, 0);
			assert.ok(answers >= 4 && cards >= 4, `answers to carry (${answers}, ${cards} cards)`);
			const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.ExportProgress, exportFile());
			assert.equal(written?.toString(), exportFile().toString());

			const empty = await testing.simulateEmptyProfile();
			assert.deepEqual(Object.keys(empty.lessons), [], 'an empty profile');
			assert.deepEqual(testing.globalProgressKeys(), []);

			const counts = await vscode.commands.executeCommand(Command.ImportProgress, exportFile());
			assert.deepEqual(counts, { lessons: Object.keys(before.lessons).length, answers, exercises: 0, cards });
			assert.deepEqual(plain(lessons.getProgress()), before, 'every answer and card is back');
			await testing.flushProgress();
			assert.deepEqual(plain(testing.reloadProgress()), before, 'and stored');
			const merged = window.calls.find((c) => c.name === 'showInformationMessage' && String(c.args[0]).startsWith('Merged from progress-export.test.json'));
			assert.match(String(merged?.args[0]), new RegExp(`${Object.keys(before.lessons).length} lessons, ${answers} answers, 0 exercise records, ${cards} review cards`));

			const again = await vscode.commands.executeCommand(Command.ImportProgress, exportFile());
			assert.deepEqual(again, { lessons: 0, answers: 0, exercises: 0, cards: 0 }, 'importing twice adds nothing');
			assert.deepEqual(plain(lessons.getProgress()), before);
		} finally {
			window.restore();
		}
	});

	test('a damaged file is refused with its name and line, and progress is left as it was', async () => {
		const lessons = await api();
		const before = plain(lessons.getProgress());
		const bad = vscode.Uri.joinPath(folder(), 'progress-damaged.test.json');
		await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('{\n"format": "incident-lessons-progress",\n"schemaVersion": 1,\n"lessons": {,\n}'));
		const window = stubWindow();
		try {
			assert.equal(await vscode.commands.executeCommand(Command.ImportProgress, bad), undefined);
			const error = window.calls.find((c) => c.name === 'showErrorMessage');
			assert.match(String(error?.args[0]), /^Could not import progress-damaged\.test\.json \(line 4\): invalid JSON.*Your progress is unchanged\.$/);
			assert.deepEqual(plain(lessons.getProgress()), before);
		} finally {
			window.restore();
			await vscode.workspace.fs.delete(bad);
		}
	});
});
