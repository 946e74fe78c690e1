// The extension entry starts its services (dist/lazy/services.js) after activation; they load the implementations
// of rarely used commands as chunks (dist/lazy/, see esbuild.mjs)
// on first use. This file sorts first, so it looks at the host before the other suites run those commands.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IncidentLessonsApi } from '../../src/extension/api';
import { Command } from '../../src/extension/platform/ids';
import { waitFor, testingApi } from './helpers';

const EXTENSION_ID = 'incident-lessons.incident-lessons';

/**
 * Chunks nothing at startup needs in the test workspace. (Its broken team lesson wakes the Problems-panel checks,
 * its new-hire assignment the onboarding suggestion, and an open editor may wake the code suggestions.)
 */
const NOT_AT_STARTUP = [
	'assignLessonsCommand', 'newLessonCommand', 'lessonPreview', 'reportExport', 'progressPicks', 'commandPrompts',
	'reviewSession', 'reviewReminder', 'treeSnapshot',
];

function extension(): vscode.Extension<IncidentLessonsApi> {
	const ext = vscode.extensions.getExtension<IncidentLessonsApi>(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is installed`);
	return ext;
}

/** Whether the extension host has loaded `file` (relative to the extension's folder). */
function isLoaded(file: string): boolean {
	return Object.hasOwn(require.cache, path.join(extension().extensionPath, file));
}

const chunk = (name: string): string => `dist/lazy/${name}.js`;

suite('The extension entry and its lazy chunks', () => {
	test('after activation and startup, the rarely used commands\' chunks are not loaded', async () => {
		await extension().activate();
		await new Promise((resolve) => setTimeout(resolve, 500)); // the work started after activate() returns
		assert.ok(isLoaded('dist/extension.js'), 'the entry is in require.cache');
		assert.ok(isLoaded(chunk('services')), 'the services start shortly after activation');
		assert.deepEqual(NOT_AT_STARTUP.filter((name) => isLoaded(chunk(name))), []);
	});

	test('a command whose implementation is a chunk loads it on first use and works', async () => {
		const lessonsApi = await extension().activate();
		const testing = await testingApi();
		await vscode.commands.executeCommand(Command.StartOnboarding);
		await waitFor(() => lessonsApi.currentLessonId() === 'private-gmail-customer-list', 'the first onboarding lesson');
		assert.ok(isLoaded(chunk('onboardingNotice')));
		const tree = await testing.treeSnapshot();
		assert.ok(tree.some((node) => node.label === 'Onboarding'), 'the API\'s tree snapshot, from its chunk');
		assert.ok(isLoaded(chunk('treeSnapshot')));
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('a lesson opened comes from the list\'s chunk and is written and answered through the lesson page\'s chunk', async () => {
		const lessonsApi = await extension().activate();
		const testing = await testingApi();
		const [first] = await lessonsApi.listLessons();
		assert.ok(first, 'a lesson');
		assert.ok(isLoaded(chunk('lessonFiles')), 'the list is read by its chunk');
		await vscode.commands.executeCommand(Command.OpenLesson, first.id);
		await waitFor(() => lessonsApi.currentLessonId() === first.id, 'the lesson open');
		assert.ok(isLoaded(chunk('lessonPage')));
		assert.equal((await testing.deliverWebviewMessage({ type: 'ready', lessonId: first.id })).kind, 'restore');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
});
