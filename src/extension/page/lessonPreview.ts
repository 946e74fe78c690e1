import * as vscode from 'vscode';
import { lessonIdFromPath } from '../../core/catalog/catalogIndex';
import type { Lesson } from '../../core/lessons/lesson';
import { Disposable } from '../platform/dispose';
import type { LessonPanel } from './lessonPanel';
import type { TrustGate } from '../platform/trustGate';
import { workspaceLocale } from '../catalog/lessonSources';
import { host } from '../platform/host';

/**
 * Preview Lesson: renders the lesson file being edited in the lesson panel (parsed from the editor's text, so it
 * need not be in the library), and renders it again each time that file is saved while the panel shows it.
 */
export class LessonPreview extends Disposable {
	private previewed: { readonly uri: string; readonly lessonId: string } | undefined;

	constructor(private readonly panel: LessonPanel, private readonly trust: TrustGate) {
		super();
		this.register(vscode.workspace.onDidSaveTextDocument((document) => {
			const previewed = this.previewed;
			if (previewed?.uri === document.uri.toString() && this.panel.currentLessonId === previewed.lessonId) {
				void this.parse(document).then((lesson) => lesson && this.panel.showLesson(lesson, true));
			}
		}));
	}

	/** The URI of the file being previewed, if any. */
	get previewedUri(): string | undefined {
		return this.previewed?.uri;
	}

	/** Previews `uri`, or the active editor's file. Resolves with the lesson id shown, or undefined (with a message saying why). */
	async preview(uri?: vscode.Uri): Promise<string | undefined> {
		if (!this.trust.checkTrusted()) {
			return undefined;
		}
		const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
		if (!document || !document.uri.path.toLowerCase().endsWith('.md')) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Open a lesson file (.md) in the editor to preview it.'));
			return undefined;
		}
		const lesson = await this.parse(document, true);
		if (!lesson) {
			return undefined;
		}
		this.previewed = { uri: document.uri.toString(), lessonId: lesson.meta.id };
		await this.panel.showLesson(lesson, false, vscode.ViewColumn.Beside);
		return lesson.meta.id;
	}

	/** The lesson in `document`, or undefined when it has errors (then, if `tell`, the first one is shown). */
	private async parse(document: vscode.TextDocument, tell = false): Promise<Lesson | undefined> {
		const file = vscode.workspace.asRelativePath(document.uri);
		const { parseLesson } = await host().chunk('parsers');
		const { lesson, diagnostics } = parseLesson(document.getText(), file, { expectedId: lessonIdFromPath(document.uri.path), locale: workspaceLocale(document.uri) });
		const errors = diagnostics.filter((d) => d.severity === 'error');
		if (!lesson && tell) {
			const first = errors[0];
			const showProblems = vscode.l10n.t('Show Problems');
			// Counts and a line number only: parser messages quote the author's text, which a notification would render as links.
			void vscode.window.showErrorMessage(first
				? vscode.l10n.t('The lesson cannot be shown until its {0} errors are fixed (the first is on line {1}). See Problems.', errors.length, first.line)
				: vscode.l10n.t('The lesson cannot be shown.'), showProblems)
				.then((picked) => picked === showProblems ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined);
		}
		return lesson;
	}
}
