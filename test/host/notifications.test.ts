// Author text in VS Code's own surfaces: a workspace lesson whose title, quiz id and quiz type carry
// `[x](command:…)` and `$(icon)` syntax reaches notifications, quick picks and tooltips only as inert text.
// The window's functions are stubbed in this host (the extension's own), so the test sees the exact text passed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { entryOf } from '../../src/core/catalog/lessonEntry';
import { parseLesson } from '../../src/core/lessons/parseLesson';
import { Command } from '../../src/extension/platform/ids';
import { LessonNode } from '../../src/extension/tree/lessonNodes';
import { stubWindow, eventually, type WindowCall, extensionApi as api, testingApi } from './helpers';

const LINK = '[x](command:incidentLessons.resetAllProgress)';
const TITLE = `${LINK} $(alert) Hostile title`;
/** The pattern VS Code's notifications use to find links (vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

function lessonsDir(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the test workspace is open');
	return vscode.Uri.joinPath(folder.uri, '.incident-lessons', 'lessons');
}

function lessonText(id: string, quiz: { id: string; type: string }): string {
	return [
		'---', `id: ${JSON.stringify(id)}`, `title: ${JSON.stringify(TITLE)}`, `summary: ${JSON.stringify(`Summary ${LINK} $(zap)`)}`,
		'track: team', 'minutes: 3', 'level: beginner', '---', '', '## What happened', '', 'Text.', '',
		'```quiz', `id: ${JSON.stringify(quiz.id)}`, `type: ${JSON.stringify(quiz.type)}`, 'prompt: Which?', 'choices:',
		'  - text: This one.', '    correct: true', '  - text: That one.', '    correct: false', '```', '',
	].join('\n');
}

/** Every string in what the window was given: messages, buttons, quick pick labels, descriptions and details. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') {
		return [value];
	}
	if (Array.isArray(value)) {
		return value.flatMap(strings);
	}
	return typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [];
}

function assertInert(texts: readonly string[]): void {
	for (const text of texts) {
		assert.doesNotMatch(text.replace(/\r\n|\n|\r/g, ' '), VSCODE_LINK, text);
		assert.doesNotMatch(text, /\[[^\]]*\]\([^)]*\)|command:|\$\((alert|zap)\)/i, text);
	}
}

suite('Author text in notifications, quick picks and tooltips', () => {
	const valid = (): vscode.Uri => vscode.Uri.joinPath(lessonsDir(), 'hostile-links.md');
	const broken = (): vscode.Uri => vscode.Uri.joinPath(lessonsDir(), 'hostile-broken.md');

	suiteSetup(async () => {
		await vscode.workspace.fs.writeFile(valid(), new TextEncoder().encode(lessonText('hostile-links', { id: 'pick', type: 'single' })));
		await vscode.workspace.fs.writeFile(broken(), new TextEncoder().encode(lessonText('[i](command:workbench.action.terminal.new)',
			{ id: '[q](command:workbench.action.terminal.new)', type: '[t](command:workbench.extensions.installExtension)' })));
		const lessonsApi = await api();
		await eventually(() => lessonsApi.listLessons(), (l) => l.some((x) => x.id === 'hostile-links'), 'the hostile lesson to load');
	});

	suiteTeardown(async () => {
		await vscode.workspace.fs.delete(valid());
		await vscode.workspace.fs.delete(broken());
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		const lessonsApi = await api();
		await eventually(() => lessonsApi.listLessons(), (l) => !l.some((x) => x.id === 'hostile-links'), 'the hostile lesson to go');
	});

	test('no notification or quick pick receives a link, a command URI or an icon from the lesson', async () => {
		const window = stubWindow();
		let calls: WindowCall[];
		try {
			assert.equal(await vscode.commands.executeCommand(Command.PreviewLesson, broken()), undefined);
			await vscode.commands.executeCommand(Command.OpenLesson, '[x](command:incidentLessons.resetAllProgress)');
			await vscode.commands.executeCommand(Command.OpenLesson);
			await vscode.commands.executeCommand(Command.ShowProgress);
			await vscode.commands.executeCommand(Command.AssignLessons);
			calls = window.calls;
		} finally {
			window.restore();
		}
		assert.deepEqual(calls.map((c) => c.name).sort(), ['showErrorMessage', 'showErrorMessage', 'showQuickPick', 'showQuickPick', 'showQuickPick']);
		const texts = calls.flatMap((c) => strings(c.args));
		assertInert(texts);
		// The title did reach the picks, readable: only invisible word joiners were added.
		const labels = calls.filter((c) => c.name === 'showQuickPick').flatMap((c) => strings(c.args[0]).map((s) => s.replace(/\u2060/g, '')));
		assert.ok(labels.filter((s) => s.includes(TITLE)).length >= 3, labels.join(' | '));
		assertInert([(await testingApi()).statusBarText()]);
	});

	test('the tree\'s tooltip shows the title as escaped, untrusted Markdown without icons or HTML', () => {
		const lesson = parseLesson(lessonText('hostile-links', { id: 'pick', type: 'single' }), 'hostile-links.md').lesson;
		assert.ok(lesson);
		const node = new LessonNode(entryOf(lesson), { status: 'notStarted', answered: 0, total: 1, correct: 0, score: 0, passMark: 80 });
		node.resolveTooltip();
		const tooltip = node.tooltip;
		assert.ok(tooltip instanceof vscode.MarkdownString);
		assert.ok(!tooltip.isTrusted && !tooltip.supportHtml && !tooltip.supportThemeIcons);
		assert.doesNotMatch(tooltip.value, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, tooltip.value);
		assert.ok(tooltip.value.includes('command:'), 'the text is shown, escaped');
	});
});
