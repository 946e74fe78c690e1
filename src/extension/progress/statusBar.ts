import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { summarizer } from './lessonStatus';
import type { ProgressStore } from './progressStore';

/** "Lessons 3/12": passed lessons out of all, updated whenever progress or the lesson set changes. */
export class LessonStatusBar extends Disposable {
	private readonly item = this.register(vscode.window.createStatusBarItem('incidentLessons.status', vscode.StatusBarAlignment.Left, 10));

	constructor(
		private readonly library: LessonLibrary,
		private readonly progress: ProgressStore,
		private readonly config: () => ExtensionConfig,
	) {
		super();
		this.item.name = vscode.l10n.t('Incident Lessons');
		this.item.command = Command.NextLesson;
		this.register(library.onDidChange(() => void this.update()));
		this.register(progress.onDidChange(() => void this.update()));
	}

	/** Current text, e.g. for tests and the accessibility label. */
	get text(): string {
		return this.item.text;
	}

	async update(): Promise<void> {
		const lessons = await this.library.lessons();
		if (lessons.length === 0) {
			this.item.hide();
			return;
		}
		const summaryOf = summarizer(this.progress, this.config);
		const passed = lessons.filter((l) => summaryOf(l).status === 'passed').length;
		this.item.text = `$(mortar-board) ${vscode.l10n.t('Lessons {0}/{1}', passed, lessons.length)}`;
		this.item.tooltip = vscode.l10n.t('{0} of {1} lessons passed. Click for the next lesson.', passed, lessons.length);
		this.item.accessibilityInformation = { label: vscode.l10n.t('{0} of {1} lessons passed', passed, lessons.length) };
		this.item.show();
	}
}
