// Exercises in the real extension host: a workspace lesson with an exercise (test/fixtures/exercise/), started,
// checked wrong then right through the commands, with the record reaching workspaceState and the learner report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { flattenStored } from '../../src/core/progress/progressLayout';
import { Command } from '../../src/extension/platform/ids';
import { eventually, extensionApi as api, EXTENSION_ID, resetAllProgress, setDocumentText, stubWindow, testingApi, workspaceFolderUri as folder } from './helpers';

const LESSON = 'team-export-audit';
const EXERCISE = 'audit-before-refusal';
const ARGS = { lessonId: LESSON, exerciseId: EXERCISE };
const lessonFile = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.incident-lessons', 'lessons', `${LESSON}.md`);
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

interface Report { readonly passed: boolean; readonly results: readonly { readonly checkId: string; readonly passed: boolean; readonly line: number }[] }
interface StoredExercise { readonly passed: boolean; readonly attempts: number; readonly failedChecks: readonly string[]; readonly hintsUsed: number }

/** The exercise's record in the workspace copy of progress, as stored. */
async function storedRecord(): Promise<StoredExercise | undefined> {
	const { workspace } = (await testingApi()).storedProgress();
	const flat = flattenStored(workspace, []) as { lessons?: Record<string, { exercises?: Record<string, StoredExercise> }> } | undefined;
	return flat?.lessons?.[LESSON]?.exercises?.[EXERCISE];
}

const WRONG = (starter: string): string => starter.replace(/  if \(rows/, '  // audit(user, rows.length); TODO\n  if (rows');
const RIGHT = (starter: string): string => starter.replace('  audit(user, rows.length);\n', '').replace(/  if \(rows/, '  audit(user, rows.length);\n  if (rows');

suite('Exercises', () => {
	suiteSetup(async () => {
		await resetAllProgress();
		const ext = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(ext);
		await vscode.workspace.fs.copy(vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'exercise', `${LESSON}.md`), lessonFile(), { overwrite: true });
		await eventually(() => api().then((a) => a.listLessons()), (l) => l.some((x) => x.id === LESSON), 'the workspace lesson with an exercise');
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.workspace.fs.delete(lessonFile());
		// The watcher reports the deletion; a trust change reads the workspace's lessons again in case it lags.
		const testing = await testingApi();
		testing.simulateRestrictedMode(true);
		testing.simulateRestrictedMode(false);
		await eventually(() => api().then((a) => a.listLessons()), (l) => !l.some((x) => x.id === LESSON), 'the lesson to be gone', 30_000);
		await resetAllProgress();
	});

	test('Start copies the starter into the scratch folder and opens it; a wrong fix fails with a diagnostic, a right one passes and is stored', async () => {
		await vscode.commands.executeCommand(Command.StartExercise, ARGS);
		const editor = await eventually(() => vscode.window.activeTextEditor, (e) => e?.document.uri.path.endsWith(`/exercises/${LESSON}/${EXERCISE}/exportRows.ts`) === true, 'the starter in an editor');
		assert.ok(editor);
		const uri = editor.document.uri;
		const starter = editor.document.getText();
		assert.match(starter, /throw new Error\('export limit exceeded'\);\n {2}}\n {2}audit\(user/);
		assert.equal(editor.document.languageId, 'typescript');

		// Unsaved edits count.
		await setDocumentText(uri, WRONG(starter));
		const wrong = await vscode.commands.executeCommand<Report>(Command.CheckExercise, ARGS);
		assert.equal(wrong.passed, false);
		assert.deepEqual(wrong.results.map((r) => `${r.checkId}:${r.passed}`), ['audit-first:false', 'still-refuses:true']);
		const diagnostics = vscode.languages.getDiagnostics(uri);
		assert.equal(diagnostics.length, 1);
		assert.equal(diagnostics[0]?.source, 'Incident Lessons');
		assert.equal(diagnostics[0]?.message, 'Write the audit row before you throw, so a refused attempt is still on record.');
		assert.equal(diagnostics[0]?.range.start.line, WRONG(starter).split('\n').findIndex((l) => l.includes('throw new')), 'at the `at` pattern\'s line');
		const first = await storedRecord();
		assert.deepEqual({ passed: first?.passed, attempts: first?.attempts, failedChecks: first?.failedChecks, hintsUsed: first?.hintsUsed }, { passed: false, attempts: 1, failedChecks: ['audit-first'], hintsUsed: 1 });

		await vscode.commands.executeCommand(Command.ShowExerciseHint, ARGS);
		await setDocumentText(uri, RIGHT(starter));
		const right = await vscode.commands.executeCommand<Report>(Command.CheckExercise, ARGS);
		assert.equal(right.passed, true);
		assert.equal(vscode.languages.getDiagnostics(uri).length, 0);
		const stored = await storedRecord();
		assert.equal(stored?.passed, true);
		assert.equal(stored?.attempts, 2);
		assert.deepEqual(stored?.failedChecks, []);
		assert.equal(stored?.hintsUsed, 2, 'one hint after the failed check, one asked for');
		const lesson = (await (await api()).listLessons()).find((l) => l.id === LESSON);
		assert.equal(lesson?.summary.status, 'passed', 'an exercise counts toward the lesson like a quiz');
		assert.match((await testingApi()).statusBarText(), /Lessons 1\//);
	});

	test('the learner report carries the exercise record', async () => {
		const target = vscode.Uri.joinPath(folder(), '.incident-lessons', 'reports', 'exercise-learner.json');
		try {
			await vscode.commands.executeCommand(Command.ExportReport, { learner: 'Exercise Learner', uri: target });
			const report = JSON.parse(await read(target)) as { lessons: { id: string; status: string; exercises?: { id: string; passed: boolean; attempts: number; failedChecks: string[]; hintsUsed: number; solutionShown: boolean }[] }[] };
			const lesson = report.lessons.find((l) => l.id === LESSON);
			assert.equal(lesson?.status, 'passed');
			assert.deepEqual(lesson?.exercises?.map(({ id, passed, attempts, failedChecks, hintsUsed, solutionShown }) => ({ id, passed, attempts, failedChecks, hintsUsed, solutionShown })),
				[{ id: EXERCISE, passed: true, attempts: 2, failedChecks: [], hintsUsed: 2, solutionShown: false }]);
		} finally {
			await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.incident-lessons', 'reports'), { recursive: true });
		}
	});

	test('Save a copy writes the learner\'s current text into the chosen workspace folder, and never replaces a file without asking', async () => {
		const uri = vscode.window.activeTextEditor?.document.uri;
		assert.ok(uri);
		const target = vscode.Uri.joinPath(folder(), 'exercise-copy');
		const window = vscode.window as unknown as Record<string, unknown>;
		const openDialog = window.showOpenDialog;
		window.showOpenDialog = () => Promise.resolve([target]);
		const copy = vscode.Uri.joinPath(target, 'exportRows.ts');
		try {
			const current = (await vscode.workspace.openTextDocument(uri)).getText();
			await vscode.commands.executeCommand(Command.SaveExerciseCopy, ARGS);
			assert.equal(await read(copy), current);
			await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode('mine'));
			const declined = stubWindow(); // every question dismissed
			try {
				await vscode.commands.executeCommand(Command.SaveExerciseCopy, ARGS);
			} finally {
				declined.restore();
			}
			assert.ok(declined.calls.some((c) => c.name === 'showWarningMessage' && String(c.args[0]).includes('already exists')), 'asked');
			assert.equal(await read(copy), 'mine', 'not replaced without a yes');
		} finally {
			window.showOpenDialog = openDialog;
			await vscode.workspace.fs.delete(target, { recursive: true });
		}
	});

	test('Reset asks first and restores the starter; Start again keeps the learner\'s work', async () => {
		const uri = vscode.window.activeTextEditor?.document.uri;
		assert.ok(uri);
		const document = await vscode.workspace.openTextDocument(uri);
		assert.ok(await document.save());
		const before = await read(uri);
		assert.match(before, /audit\(user, rows.length\);\n {2}if \(rows/, 'the right fix, saved');
		const stub = stubWindow((name, args) => name === 'showWarningMessage' ? args[2] : undefined);
		try {
			await vscode.commands.executeCommand(Command.ResetExercise, ARGS);
		} finally {
			stub.restore();
		}
		assert.ok(stub.calls.some((c) => c.name === 'showWarningMessage' && (c.args[1] as { modal?: boolean } | undefined)?.modal === true), 'asked first');
		const starter = await read(uri);
		assert.notEqual(starter, before);
		assert.match(starter, /throw new Error\('export limit exceeded'\);\n {2}}\n {2}audit\(user/);
		assert.equal(document.getText(), starter, 'the open tab shows the starter too');
		assert.equal(document.isDirty, false);
		await setDocumentText(uri, RIGHT(starter));
		assert.ok(await document.save());
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.commands.executeCommand(Command.StartExercise, ARGS);
		assert.equal(await read(uri), RIGHT(starter), 'a second Start keeps the file');
		assert.equal((await storedRecord())?.passed, true, 'a reset keeps the pass');
	});
});
