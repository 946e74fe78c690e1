import * as vscode from 'vscode';
import { cwesOfDiagnostic, indexWeaknesses, lessonsForCwes, MAX_LESSONS_PER_FINDING, type WeaknessIndex } from '../../core/findings/findingLessons';
import { inertText } from '../../core/shared/text';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import { Command } from '../platform/ids';
import type { TrustGate } from '../platform/trustGate';

/** Our own diagnostics (lesson lint) carry no CWE; skipping them saves the lookups. */
const OWN_SOURCE = 'incident-lessons';

/** The CWE ids a diagnostic from another extension carries (see core/findings: its code, code link, rule id or message). */
export function cwesOf(diagnostic: vscode.Diagnostic): string[] {
	if (diagnostic.source === OWN_SOURCE) {
		return [];
	}
	const code = diagnostic.code;
	const value = typeof code === 'object' ? code.value : code;
	return cwesOfDiagnostic({
		...(value !== undefined ? { code: String(value) } : {}),
		...(typeof code === 'object' ? { codeTarget: code.target.toString(true) } : {}),
		...(diagnostic.source !== undefined ? { source: diagnostic.source } : {}),
		message: diagnostic.message.slice(0, 300),
	});
}

/**
 * "Learn from a real incident: <lesson>" as a Code Action on a problem another extension reported with a CWE that a
 * lesson teaches; it opens the lesson at the section the lesson gives for that weakness. Nothing is drawn in the
 * editor, and nothing leaves the machine: the CWE is matched against the lessons' own front matter. Workspace
 * lessons count only in a trusted workspace.
 */
export class FindingActions extends Disposable implements vscode.CodeActionProvider {
	static readonly kinds = [vscode.CodeActionKind.QuickFix];
	private index: Promise<WeaknessIndex> | undefined;

	constructor(private readonly library: LessonLibrary, private readonly trust: TrustGate, private readonly config: () => ExtensionConfig) {
		super();
		this.register(library.onDidChange(() => { this.index = undefined; }));
		this.register(trust.onDidChange(() => { this.index = undefined; }));
	}

	/** The lessons' weaknesses, parsed once (again after lessons or trust change). */
	weaknesses(): Promise<WeaknessIndex> {
		this.index ??= (async () => {
			const entries = (await this.library.lessons()).filter((l) => this.library.originOf(l.meta.id) === 'bundled' || this.trust.isTrusted);
			return indexWeaknesses(await this.library.getMany(entries.map((l) => l.meta.id)));
		})();
		return this.index;
	}

	async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
		if (!this.config().findings || (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix))) {
			return [];
		}
		const withCwe = context.diagnostics.map((d) => ({ diagnostic: d, cwes: cwesOf(d) })).filter((d) => d.cwes.length > 0);
		if (withCwe.length === 0) {
			return [];
		}
		const index = await this.weaknesses();
		const actions: vscode.CodeAction[] = [];
		const offered = new Set<string>();
		for (const { diagnostic, cwes } of withCwe) {
			for (const lesson of lessonsForCwes(index, cwes)) {
				if (offered.has(lesson.lessonId) || offered.size >= MAX_LESSONS_PER_FINDING) {
					continue;
				}
				offered.add(lesson.lessonId);
				const action = new vscode.CodeAction(vscode.l10n.t('Learn from a real incident: {0}', inertText(lesson.title)), vscode.CodeActionKind.QuickFix);
				action.diagnostics = [diagnostic];
				action.command = { command: Command.OpenLesson, title: action.title, tooltip: inertText(`${lesson.cwe}: ${lesson.why}`), arguments: [lesson.lessonId, lesson.section] };
				actions.push(action);
			}
		}
		return document.isClosed ? [] : actions;
	}
}
