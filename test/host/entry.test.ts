// The Node entry (dist/extension.js) runs the extension's own code (dist/activation.js, shared with the browser
// entry): activate() registers every feature, with its real commands, once. The libraries are chunks (dist/render.js, parsers.js, patterns.js, reviews.js, see esbuild.mjs)
// loaded on first use. This file sorts first, so it looks at the host before the other suites use those libraries.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IncidentLessonsApi } from '../../src/extension/api';
import { Command } from '../../src/extension/platform/ids';
import { waitFor, testingApi } from './helpers';

const EXTENSION_ID = 'incident-lessons.incident-lessons';

function extension(): vscode.Extension<IncidentLessonsApi> {
	const ext = vscode.extensions.getExtension<IncidentLessonsApi>(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is installed`);
	return ext;
}

/** The extension's bundles the host has loaded (relative to its folder). */
function loaded(): string[] {
	const dist = path.join(extension().extensionPath, 'dist') + path.sep;
	return Object.keys(require.cache).filter((file) => file.startsWith(dist)).map((file) => path.relative(extension().extensionPath, file).split(path.sep).join('/')).sort();
}

suite('The extension entry and its library chunks', () => {
	test('activation loads the entry, the extension and no chunk but what the workspace\'s startup work needs', async () => {
		await extension().activate();
		const testing = await testingApi();
		await waitFor(() => /\d+\/\d+/.test(testing.statusBarText()), 'the status bar count');
		const bundles = loaded();
		assert.ok(bundles.includes('dist/extension.js') && bundles.includes('dist/activation.js'), 'the entry and the extension it runs are in require.cache');
		// The test workspace's broken team lesson and new-hire assignment are parsed at startup (the checks, onboarding).
		assert.deepEqual(bundles.filter((file) => !['dist/extension.js', 'dist/activation.js', 'dist/parsers.js', 'dist/patterns.js'].includes(file)), [],
			'markdown-it (render.js) and ts-fsrs (reviews.js) wait for a lesson or a review');
	});

	test('each contributed command is registered, once, by the extension itself', async () => {
		await extension().activate();
		const contributed = (extension().packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
		const registered = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
		// The host refuses a second registration of an id: activation would have failed had a feature registered one twice.
		for (const id of contributed) {
			assert.throws(() => vscode.commands.registerCommand(id, () => undefined).dispose(), /already exists/, id);
		}
	});

	test('a command does its real work at its first call, and the lesson page loads the renderer chunk', async () => {
		const lessonsApi = await extension().activate();
		const testing = await testingApi();
		await vscode.commands.executeCommand(Command.StartOnboarding);
		await waitFor(() => lessonsApi.currentLessonId() === 'private-gmail-customer-list', 'the first onboarding lesson');
		assert.ok(loaded().includes('dist/render.js'), 'markdown-it, with the first lesson page');
		assert.equal((await testing.deliverWebviewMessage({ type: 'ready', lessonId: 'private-gmail-customer-list' })).kind, 'restore');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
});
