import * as vscode from 'vscode';
import type { LessonEntry } from '../core/catalog/lessonEntry';
import { inertText } from '../core/shared/text';
import type { ExtensionConfig } from './platform/config';
import type { LessonLibrary } from './catalog/lessonLibrary';
import { summarizer } from './progress/lessonStatus';
import type { ProgressStore } from './progress/progressStore';

interface PromptDeps {
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly config: () => ExtensionConfig;
}

/**
 * The questions the view's commands ask when run without an argument (from the Command Palette): which lesson,
 * which language, really reset everything. A chunk (esbuild.mjs): the tree and the panel pass their arguments.
 */
export async function pickLesson(deps: PromptDeps, placeHolder: string, filter: (l: LessonEntry) => boolean = () => true): Promise<string | undefined> {
	const summaryOf = summarizer(deps.progress, deps.config);
	const items = (await deps.library.lessons()).filter(filter).map((lesson) => {
		const summary = summaryOf(lesson);
		const icon = { notStarted: '$(circle-large-outline)', inProgress: '$(circle-large-filled)', passed: '$(pass-filled)', failed: '$(debug-restart)' }[summary.status];
		return { label: `${icon} ${inertText(lesson.meta.title)}`, description: lesson.meta.minutes === undefined ? '' : vscode.l10n.t('{0} min', lesson.meta.minutes), detail: inertText(lesson.meta.summary), id: lesson.meta.id };
	});
	const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
	return picked?.id;
}

/** Change Lesson Language: follow VS Code, English or Japanese, stored in the user settings. */
export async function pickLessonLanguage(current: ExtensionConfig['lessonLanguage']): Promise<void> {
	const items = [
		{ label: vscode.l10n.t('Follow the VS Code display language'), value: 'auto' },
		{ label: 'English', value: 'en' },
		{ label: '日本語', value: 'ja' },
	].map((item) => ({ ...item, description: item.value === current ? vscode.l10n.t('current') : undefined }));
	const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Language of the lessons') });
	if (picked) {
		await vscode.workspace.getConfiguration('incidentLessons').update('lessonLanguage', picked.value === 'auto' ? undefined : picked.value, vscode.ConfigurationTarget.Global);
	}
}

/** Reset All Progress asks first (a modal: it cannot be undone). */
export async function confirmResetAll(): Promise<boolean> {
	const reset = vscode.l10n.t('Reset All Progress');
	return await vscode.window.showWarningMessage(
		vscode.l10n.t('Reset the progress of every lesson in this workspace? This cannot be undone.'), { modal: true }, reset) === reset;
}
