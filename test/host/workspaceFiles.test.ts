// A repository's files are read size first, content second: an assignments file linked to /dev/zero, lessons linked
// out of the workspace, a FIFO and a 3 GB (sparse) lesson each become one problem on that file, made here at run time
// in the test workspace (a fresh copy of test/fixtures/workspace), while the bundled lessons and the rest work.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/platform/ids';
import { eventually, extensionApi as api, workspaceFolderUri, testingApi } from './helpers';

function folder(): vscode.Uri {
	const uri = workspaceFolderUri();
	assert.equal(uri.scheme, 'file', 'the test workspace is on disk');
	return uri;
}

const uriOf = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), '.incident-lessons', ...parts);
const problemsOf = (uri: vscode.Uri): Promise<vscode.Diagnostic[]> =>
	Promise.resolve(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'incident-lessons'));
const show = (d: vscode.Diagnostic): string => `${typeof d.code === 'string' ? d.code : ''}: ${d.message}`;

suite('Workspace files are read size first, content second', () => {
	const fifo = process.platform !== 'win32' && existsSync('/usr/bin/mkfifo');
	const assignments = (): vscode.Uri => uriOf('assignments.json');
	const outsideLink = (): vscode.Uri => uriOf('lessons', 'outside-link.md');
	const zeroLink = (): vscode.Uri => uriOf('lessons', 'zero.md');
	const pipe = (): vscode.Uri => uriOf('lessons', 'pipe.md');
	const huge = (): vscode.Uri => uriOf('lessons', 'huge.md');
	let original = '';
	let outside = '';

	suiteSetup(async () => {
		await api();
		original = readFileSync(assignments().fsPath, 'utf8');
		outside = mkdtempSync(path.join(tmpdir(), 'outside-workspace-'));
		writeFileSync(path.join(outside, 'secret.md'), readFileSync(uriOf('lessons', 'team-deploy-keys.md').fsPath, 'utf8').replace('id: team-deploy-keys', 'id: outside-link'));
		unlinkSync(assignments().fsPath);
		symlinkSync('/dev/zero', assignments().fsPath);
		symlinkSync(path.join(outside, 'secret.md'), outsideLink().fsPath);
		symlinkSync('/dev/zero', zeroLink().fsPath);
		if (fifo) {
			execFileSync('mkfifo', [pipe().fsPath]);
		}
		writeFileSync(huge().fsPath, '');
		truncateSync(huge().fsPath, 3 * 1024 ** 3); // sparse: nothing is written
		// Read everything again now that all the files are there (leaving Restricted Mode reloads workspace content).
		const testing = await testingApi();
		testing.simulateRestrictedMode(true);
		testing.simulateRestrictedMode(false);
	});

	suiteTeardown(async () => {
		for (const uri of [outsideLink(), zeroLink(), pipe(), huge(), assignments()]) {
			rmSync(uri.fsPath, { force: true });
		}
		writeFileSync(assignments().fsPath, original);
		rmSync(outside, { recursive: true, force: true });
		const testing = await testingApi();
		testing.simulateRestrictedMode(true);
		testing.simulateRestrictedMode(false);
		await eventually(() => testing.treeSnapshot(), (t) => t[0]?.label === 'Assigned', 'the assignments to return');
		await eventually(() => problemsOf(uriOf('lessons', 'broken-lesson.md')), (d) => d.length === 2, 'the broken lesson\'s problems to return');
	});

	test('each refused file is one problem naming why, in the Problems panel', async () => {
		const expected: [vscode.Uri, RegExp][] = [
			[assignments(), /^file-unreadable: the file is a symbolic link that leads outside the workspace folder/],
			[outsideLink(), /^file-unreadable: the file is a symbolic link that leads outside the workspace folder/],
			[zeroLink(), /^file-unreadable: the file is a symbolic link that leads outside the workspace folder/],
			[huge(), /^file-too-large: the file is larger than 1 MiB/],
			...fifo ? [[pipe(), /^file-unreadable: the file is not a regular file/] as [vscode.Uri, RegExp]] : [],
		];
		for (const [uri, message] of expected) {
			const problems = await eventually(() => problemsOf(uri), (d) => d.some((x) => message.test(show(x))), `the problem of ${path.basename(uri.fsPath)}`);
			assert.equal(problems.length, 1, problems.map(show).join('\n'));
			assert.equal(problems[0]?.severity, vscode.DiagnosticSeverity.Error);
		}
	});

	test('the view still lists the bundled lessons and the readable workspace lesson; nothing is assigned', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const progress = JSON.stringify(lessonsApi.getProgress());
		const lessons = await eventually(() => lessonsApi.listLessons(), (l) => l.filter((x) => x.origin === 'bundled').length >= 10, 'the bundled lessons');
		assert.deepEqual(lessons.filter((l) => l.origin === 'workspace').map((l) => l.id), ['team-deploy-keys'], 'nothing from the refused files');
		assert.deepEqual(await lessonsApi.assignedLessons(), []);
		const tree = await testing.treeSnapshot();
		assert.ok(tree.some((n) => n.label === 'Onboarding') && !tree.some((n) => n.label === 'Assigned'), tree.map((n) => n.label).join(', '));
		assert.equal(JSON.stringify(lessonsApi.getProgress()), progress, 'progress is untouched');
	});

	test('Assign Lessons refuses to write through the link', async () => {
		assert.equal(await vscode.commands.executeCommand(Command.AssignLessons, { lessons: ['pos-card-data-skimming'], due: '2099-12-31' }), undefined);
		assert.ok(lstatSync(assignments().fsPath).isSymbolicLink(), 'still the link, not a file written over it');
	});
});
