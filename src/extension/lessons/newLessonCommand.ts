import * as vscode from 'vscode';
import { lessonIdFromTitle, lessonTemplate, type LessonTemplateLabels } from '../../core/lessons/lessonTemplate';
import { isId } from '../../core/shared/text';
import { WORKSPACE_LESSONS_PATH } from '../../core/shared/paths';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { TrustGate } from '../platform/trustGate';
import { pickWorkspaceFolder } from '../catalog/workspaceLessons';
import { exists } from '../platform/workspaceFs';

interface NewLessonDeps {
	readonly library: LessonLibrary;
	readonly trust: TrustGate;
}

/** The template's words in the display language: a team writes its lessons in its own language. */
function templateLabels(): LessonTemplateLabels {
	return {
		summary: vscode.l10n.t('One or two sentences: what went wrong and what the reader will learn.'),
		whatHappened: vscode.l10n.t('What happened'),
		whatHappenedHint: vscode.l10n.t('Tell the incident in a few sentences: when, which system, what was exposed. Leave out names of people.'),
		howFound: vscode.l10n.t('How it was found'),
		howFoundHint: vscode.l10n.t('Who or what noticed first, and how long it went unnoticed.'),
		whatFailed: vscode.l10n.t('Which control failed'),
		whatFailedHint: vscode.l10n.t('The check, review or alert that should have stopped it, and why it did not.'),
		buildDifferently: vscode.l10n.t('What we build differently now'),
		buildDifferentlyHint: vscode.l10n.t('The change a developer on this team can make, with an example from our code if possible.'),
		quizPrompt: vscode.l10n.t('What is the first thing to do when you notice this kind of problem?'),
		rightChoice: vscode.l10n.t('Report it through the incident channel and keep the evidence.'),
		rightExplain: vscode.l10n.t('Reporting starts the response while logs and files are still intact.'),
		wrongChoice: vscode.l10n.t('Fix it quietly and move on.'),
		wrongExplain: vscode.l10n.t('A quiet fix hides how far the problem went and destroys the evidence.'),
	};
}

/**
 * New Lesson: asks for a title and an id (or takes `{ title, id, folder }`), writes
 * `.incident-lessons/lessons/<id>.md` from the template and opens it. Never overwrites a file. Resolves with the
 * new file's URI, or undefined when cancelled or untrusted.
 */
export async function newLesson(deps: NewLessonDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
	if (!deps.trust.checkTrusted()) {
		return undefined;
	}
	const given = typeof arg === 'object' && arg !== null ? arg as { title?: unknown; id?: unknown; folder?: unknown } : {};
	const folder = await pickWorkspaceFolder(given.folder instanceof vscode.Uri ? given.folder : undefined);
	if (!folder) {
		return undefined;
	}
	const title = typeof given.title === 'string' ? given.title : await vscode.window.showInputBox({
		title: vscode.l10n.t('New Lesson'), prompt: vscode.l10n.t('Title of the lesson, e.g. "Our deploy key in a public gist"'),
		validateInput: (v) => v.trim() === '' || v.length > 120 ? vscode.l10n.t('Write a title of 1 to 120 characters.') : undefined,
	});
	if (!title?.trim()) {
		return undefined;
	}
	const bundled = new Set((await deps.library.lessons()).filter((l) => deps.library.originOf(l.meta.id) === 'bundled').map((l) => l.meta.id));
	const fileFor = (id: string): vscode.Uri => vscode.Uri.joinPath(folder.uri, WORKSPACE_LESSONS_PATH, `${id}.md`);
	const problem = async (id: string): Promise<string | undefined> => {
		if (!isId(id)) {
			return vscode.l10n.t('Use lowercase letters, digits and single hyphens (at most 64 characters).');
		}
		if (bundled.has(id)) {
			return vscode.l10n.t('A bundled lesson already has the id "{0}".', id);
		}
		return await exists(fileFor(id)) ? vscode.l10n.t('{0} already exists.', `${id}.md`) : undefined;
	};
	const id = typeof given.id === 'string' ? given.id : await vscode.window.showInputBox({
		title: vscode.l10n.t('New Lesson'), prompt: vscode.l10n.t('Lesson id: the file name, also used to keep progress'),
		value: lessonIdFromTitle(title) || 'team-lesson', validateInput: (v) => problem(v.trim()),
	});
	if (!id || await problem(id.trim()) !== undefined) {
		return undefined;
	}
	const uri = fileFor(id.trim());
	await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lessonTemplate(id.trim(), title.trim(), templateLabels())));
	await vscode.window.showTextDocument(uri);
	return uri;
}
