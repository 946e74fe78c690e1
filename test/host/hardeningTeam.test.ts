// Hardening of team settings and files in the real extension host: settings an untrusted workspace may not set,
// and the progress report's Markdown summary, which is never written over an existing file without asking.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/platform/ids';
import { RESTRICTED_SETTINGS } from '../../src/extension/platform/config';
import { EXTENSION_ID, stubWindow, eventually, extensionApi as api, testingApi } from './helpers';

function reports(...parts: string[]): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the test workspace is open');
	return vscode.Uri.joinPath(folder.uri, '.incident-lessons', 'reports', ...parts);
}

const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const exists = (uri: vscode.Uri): Thenable<boolean> => vscode.workspace.fs.stat(uri).then(() => true, () => false);

suite('Hardening: settings from an untrusted workspace', () => {
	teardown(async () => {
		(await testingApi()).simulateRestrictedMode(false);
		await vscode.workspace.getConfiguration('incidentLessons').update('passMark', undefined, vscode.ConfigurationTarget.Workspace);
	});

	suiteTeardown(async () => {
		// The workspace setting created .vscode/settings.json, which the test workspace does not have.
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder, 'the test workspace is open');
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.vscode'), { recursive: true });
	});

	test('the manifest restricts the settings the extension treats as restricted', () => {
		const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } } };
		assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, RESTRICTED_SETTINGS.map((key) => `incidentLessons.${key}`));
		assert.ok(RESTRICTED_SETTINGS.includes('passMark'));
	});

	test('a workspace\'s passMark applies while trusted, and the user\'s (or the default) in Restricted Mode', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const passMark = async (): Promise<number | undefined> => (await lessonsApi.listLessons())[0]?.summary.passMark;
		await vscode.workspace.getConfiguration('incidentLessons').update('passMark', 0, vscode.ConfigurationTarget.Workspace);
		await eventually(passMark, (p) => p === 0, 'the workspace pass mark while trusted');
		testing.simulateRestrictedMode(true);
		await eventually(passMark, (p) => p === 80, 'the default pass mark in Restricted Mode');
		testing.simulateRestrictedMode(false);
		await eventually(passMark, (p) => p === 0, 'the workspace pass mark once trusted again');
	});
});

suite('Hardening: the progress report\'s summary', () => {
	teardown(async () => {
		if (await exists(reports())) {
			await vscode.workspace.fs.delete(reports(), { recursive: true });
		}
	});

	test('exported to a given path, an existing summary is kept and the new one takes a free name', async () => {
		await vscode.workspace.fs.createDirectory(reports());
		await write(reports('learner.md'), 'my own notes\n');
		await write(reports('learner-2.md'), 'more notes\n');
		const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.ExportReport, { learner: 'Test Learner', uri: reports('learner.json') });
		assert.equal(uri?.toString(), reports('learner.json').toString());
		assert.equal(await read(reports('learner.md')), 'my own notes\n');
		assert.equal(await read(reports('learner-2.md')), 'more notes\n');
		assert.match(await read(reports('learner-3.md')), /^# Security lessons: progress report\n/);
	});

	test('exported through the save dialog, the learner is asked first: cancel writes nothing, Replace replaces', async () => {
		await vscode.workspace.fs.createDirectory(reports());
		await write(reports('learner.md'), 'my own notes\n');
		const run = async (button: string | undefined): Promise<{ name: string; args: readonly unknown[] }[]> => {
			const window = stubWindow((name) => name === 'showSaveDialog' ? reports('learner.json') : name === 'showWarningMessage' ? button : undefined);
			try {
				await vscode.commands.executeCommand(Command.ExportReport, { learner: 'Test Learner' });
			} finally {
				window.restore();
			}
			return window.calls;
		};
		const cancelled = await run(undefined);
		const asked = cancelled.find((c) => c.name === 'showWarningMessage');
		assert.ok(asked, 'asked before replacing');
		assert.deepEqual(asked.args.slice(1), [{ modal: true }, 'Replace', 'Keep Both']);
		assert.match(String(asked.args[0]), /^learner\.md already exists/);
		assert.equal(await read(reports('learner.md')), 'my own notes\n');
		assert.equal(await exists(reports('learner.json')), false, 'cancelled: nothing written');

		await run('Replace');
		assert.match(await read(reports('learner.md')), /^# Security lessons: progress report\n/);
		assert.equal(await exists(reports('learner.json')), true);
	});
});
