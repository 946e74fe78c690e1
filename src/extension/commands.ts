import * as vscode from 'vscode';
import type { LessonEntry } from '../core/catalog/lessonEntry';
import { inertText } from '../core/shared/text';
import { parseSection } from '../protocol';
import type { ExtensionConfig } from './platform/config';
import { Command } from './platform/ids';
import type { LessonLibrary } from './catalog/lessonLibrary';
import type { LessonPanel } from './page/lessonPanel';
import { summarizer } from './progress/lessonStatus';
import type { LessonNode } from './tree/lessonTree';
import type { ProgressStore } from './progress/progressStore';

interface CommandDeps {
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly panel: LessonPanel;
	readonly config: () => ExtensionConfig;
	readonly log: vscode.LogOutputChannel;
}

/** A lesson id from a command argument: a tree node (context menu), an id string (tree click, API), or nothing. */
function lessonIdOf(arg: unknown): string | undefined {
	if (typeof arg === 'string') {
		return arg;
	}
	if (typeof arg === 'object' && arg !== null && 'lesson' in arg) {
		return (arg as LessonNode).lesson.meta.id;
	}
	return undefined;
}

/** Asks which lesson (commandPrompts, loaded then): run from the Command Palette, the commands have no argument. */
async function pickLesson(deps: CommandDeps, placeHolder: string, filter?: (l: LessonEntry) => boolean): Promise<string | undefined> {
	return (await import('./commandPrompts')).pickLesson(deps, placeHolder, filter);
}

/** The lesson after `currentId` in catalog order that is not passed yet (wrapping around), or undefined when all are passed. */
export async function findNextLesson(deps: Pick<CommandDeps, 'library' | 'progress' | 'config'>, currentId?: string): Promise<LessonEntry | undefined> {
	const lessons = await deps.library.lessons();
	const summaryOf = summarizer(deps.progress, deps.config);
	const start = lessons.findIndex((l) => l.meta.id === currentId) + 1;
	const rotated = [...lessons.slice(start), ...lessons.slice(0, start)];
	return rotated.find((l) => l.meta.id !== currentId && summaryOf(l).status !== 'passed');
}

export async function openNextLesson(deps: CommandDeps, currentId?: string): Promise<void> {
	const next = await findNextLesson(deps, currentId ?? deps.panel.currentLessonId);
	if (next) {
		await deps.panel.show(next.meta.id);
	} else {
		void vscode.window.showInformationMessage(vscode.l10n.t('You have passed every lesson. Well done!'));
	}
}

export function registerCommands(deps: CommandDeps): vscode.Disposable {
	const setGroupBy = (value: ExtensionConfig['groupBy']) => () =>
		vscode.workspace.getConfiguration('incidentLessons').update('groupBy', value, vscode.ConfigurationTarget.Global);
	return vscode.Disposable.from(
		// `section`: a heading slug to scroll to (a related-lesson CodeLens passes the trigger's section).
		vscode.commands.registerCommand(Command.OpenLesson, async (arg?: unknown, section?: unknown) => {
			const id = lessonIdOf(arg) ?? await pickLesson(deps, vscode.l10n.t('Open a lesson'));
			if (id && !await deps.panel.show(id, false, parseSection(section))) {
				void vscode.window.showErrorMessage(vscode.l10n.t('There is no lesson "{0}".', inertText(id)));
			}
		}),
		vscode.commands.registerCommand(Command.NextLesson, () => openNextLesson(deps)),
		vscode.commands.registerCommand(Command.ResetLessonProgress, async (arg?: unknown) => {
			const progress = deps.progress.get();
			const id = lessonIdOf(arg) ?? deps.panel.currentLessonId
				?? await pickLesson(deps, vscode.l10n.t('Reset the progress of which lesson?'), (l) => Object.hasOwn(progress.lessons, l.meta.id));
			if (id) {
				await deps.progress.resetLesson(id);
			}
		}),
		// Always asks: no argument skips the question, since a command link in any text could pass it.
		vscode.commands.registerCommand(Command.ResetAllProgress, async () => {
			if (await (await import('./commandPrompts')).confirmResetAll()) {
				await deps.progress.resetAll();
			}
		}),
		vscode.commands.registerCommand(Command.GroupByTrack, setGroupBy('track')),
		vscode.commands.registerCommand(Command.GroupByIncident, setGroupBy('incident')),
		vscode.commands.registerCommand(Command.ShowLog, () => deps.log.show()),
		vscode.commands.registerCommand(Command.ChangeLessonLanguage, async () => (await import('./commandPrompts')).pickLessonLanguage(deps.config().lessonLanguage)),
	);
}
