import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/lessons/lesson';
import { splitLines, stripBom } from '../../core/shared/text';
import type { AssignedLessons } from '../team/assignedLessons';
import { isAssignmentsUri } from '../team/assignmentsFile';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { TrustGate } from '../platform/trustGate';
import { workspaceFileName, workspaceLocale } from '../catalog/lessonSources';
import { isWorkspaceLessonUri } from '../catalog/workspaceLessons';
import { host } from '../platform/host';

/**
 * Turns a core diagnostic (1-based, inclusive end) into an editor diagnostic. Without an end it covers the rest
 * of the line, which `lineLength` (0-based line → characters) tells.
 */
export function toEditorDiagnostic(d: Diagnostic, lineLength: (line: number) => number): vscode.Diagnostic {
	const line = Math.max(d.line - 1, 0);
	const start = new vscode.Position(line, Math.max(d.column - 1, 0));
	const end = d.endLine !== undefined && d.endColumn !== undefined
		? new vscode.Position(d.endLine - 1, d.endColumn)
		: new vscode.Position(line, Math.max(lineLength(line), start.character + 1));
	const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), d.message,
		d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
	diagnostic.source = 'incident-lessons';
	diagnostic.code = d.code;
	return diagnostic;
}

function lengthsOf(text: string | undefined): (line: number) => number {
	const lines = text === undefined ? [] : splitLines(stripBom(text));
	return (line) => lines[line]?.length ?? 0;
}

/**
 * The Problems panel for team content: workspace lesson files and assignments files, checked with the same rules
 * as `incident-lessons lint`. Saved files are checked as the library and assignments read them; a file with
 * unsaved edits is checked as typed (debounced). Nothing is shown in an untrusted workspace.
 */
export class LessonDiagnostics extends Disposable {
	private readonly collection = this.register(vscode.languages.createDiagnosticCollection('incidentLessons'));
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private refreshing: Promise<void> = Promise.resolve();

	constructor(
		private readonly library: LessonLibrary,
		private readonly assigned: AssignedLessons,
		private readonly trust: TrustGate,
		private readonly config: () => ExtensionConfig,
	) {
		super();
		this.register(assigned.onDidChange(() => void this.refresh()));
		this.register(trust.onDidChange(() => void this.refresh()));
		this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
		this.register(vscode.workspace.onDidOpenTextDocument((d) => {
			if (d.isDirty) {
				this.schedule(d);
			}
		}));
		this.register(vscode.workspace.onDidCloseTextDocument((d) => {
			if (d.isDirty && this.isTracked(d.uri)) {
				void this.refresh(); // unsaved edits are gone: show the file as saved
			}
		}));
		this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
	}

	/** Recomputes every file's problems (resolves once they are in the collection). */
	refresh(): Promise<void> {
		this.refreshing = this.refreshing.then(() => this.publishAll(), () => this.publishAll());
		return this.refreshing;
	}

	private isTracked(uri: vscode.Uri): boolean {
		return isWorkspaceLessonUri(uri) || isAssignmentsUri(uri);
	}

	/** Debounces checks of a tracked document: as typed while it has unsaved edits, as saved once it has none (saved, reverted). */
	private schedule(document: vscode.TextDocument): void {
		if (!this.isTracked(document.uri)) {
			return;
		}
		const key = document.uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			void (document.isDirty ? this.publishLive(document) : this.refresh());
		}, 250));
	}

	private async publishAll(): Promise<void> {
		if (!this.trust.isTrusted) {
			this.collection.clear();
			return;
		}
		await this.library.lessons();
		const state = await this.assigned.get();
		const next = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
		for (const { uri, diagnostics, text } of this.library.workspaceLessons.problems.values()) {
			next.set(uri.toString(), [uri, diagnostics.map((d) => toEditorDiagnostic(d, lengthsOf(text)))]);
		}
		for (const { document, diagnostics } of state.documents) {
			next.set(document.uri.toString(), [document.uri, diagnostics.map((d) => toEditorDiagnostic(d, () => 0))]);
		}
		this.collection.clear();
		for (const [uri, diagnostics] of next.values()) {
			this.collection.set(uri, diagnostics);
		}
		await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && this.isTracked(d.uri)).map((d) => this.publishLive(d)));
	}

	/** Checks a document with unsaved edits as it is now. */
	private async publishLive(document: vscode.TextDocument): Promise<void> {
		if (!this.trust.isTrusted || document.isClosed) {
			return;
		}
		const lessons = await this.library.lessons();
		const { lintWorkspaceLesson, parseAssignments, resolveAssignments } = await host().chunk('parsers');
		const file = workspaceFileName(document.uri);
		const text = document.getText();
		const diagnostics = isAssignmentsUri(document.uri)
			? ((): Diagnostic[] => {
				const parsed = parseAssignments(text, file);
				const catalog = lessons.map((l) => ({ id: l.meta.id, track: l.meta.track }));
				return [...parsed.diagnostics, ...resolveAssignments(parsed.assignments, catalog, this.config().audiences, file).diagnostics];
			})()
			: lintWorkspaceLesson({ file, locale: workspaceLocale(document.uri), text }, this.library.workspaceLessons.bundledIds);
		this.collection.set(document.uri, diagnostics.map((d) => toEditorDiagnostic(d, (line) => line < document.lineCount ? document.lineAt(line).text.length : 0)));
	}
}
