import * as vscode from 'vscode';
import type { AssignedLessons } from '../team/assignedLessons';
import { isAssignmentsUri } from '../team/assignmentsFile';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import { LazyPart } from '../platform/lazyPart';
import type { LessonDiagnostics } from './lessonDiagnostics';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { TrustGate } from '../platform/trustGate';
import { isWorkspaceLessonUri } from '../catalog/workspaceLessons';

/** Files the checks cover: workspace lessons and assignments files. */
function isTracked(uri: vscode.Uri): boolean {
	return isWorkspaceLessonUri(uri) || isAssignmentsUri(uri);
}

/**
 * Loads the Problems-panel checks (lessonDiagnostics, a chunk) once they have something to do: a workspace lesson
 * or assignments file with problems (at startup or after a change), or such a file being edited. A workspace whose team
 * content is clean and untouched, or that has none, never loads them. Once loaded they keep themselves up to date.
 */
export class LessonDiagnosticsGate extends Disposable {
	private readonly diagnostics: LazyPart<LessonDiagnostics>;

	constructor(
		private readonly library: LessonLibrary,
		private readonly assigned: AssignedLessons,
		private readonly trust: TrustGate,
		config: () => ExtensionConfig,
	) {
		super();
		this.diagnostics = this.register(new LazyPart(async () => {
			const { LessonDiagnostics } = await import('./lessonDiagnostics');
			const diagnostics = new LessonDiagnostics(library, assigned, trust, config);
			void diagnostics.refresh(); // also checks the documents with unsaved edits, the one that woke it included
			return diagnostics;
		}));
		this.register(assigned.onDidChange(() => void this.refresh()));
		this.register(trust.onDidChange(() => void this.refresh()));
		this.register(vscode.workspace.onDidChangeTextDocument((e) => this.edited(e.document)));
		this.register(vscode.workspace.onDidOpenTextDocument((d) => d.isDirty && this.edited(d)));
	}

	/** Loads the checks if the team content has problems (resolves once they are loaded, or found unneeded). */
	async refresh(): Promise<void> {
		if (this.diagnostics.isRequested || !this.trust.isTrusted) {
			return;
		}
		await this.library.lessons();
		const { documents } = await this.assigned.get();
		// The library lists every workspace lesson file read, clean ones with no diagnostics too.
		const problems = [...this.library.workspaceLessons.problems.values(), ...documents].some((d) => d.diagnostics.length > 0);
		if (problems || vscode.workspace.textDocuments.some((d) => d.isDirty && isTracked(d.uri))) {
			await this.diagnostics.get();
		}
	}

	private edited(document: vscode.TextDocument): void {
		if (!this.diagnostics.isRequested && this.trust.isTrusted && isTracked(document.uri)) {
			void this.diagnostics.get();
		}
	}
}
