import * as vscode from 'vscode';
import { inertText } from '../../core/shared/text';
import type { TriggerMatch } from '../../core/suggestions/triggerMatch';
import { Command } from '../platform/ids';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { LessonSuggestions } from './lessonSuggestions';
import { SUGGESTION_SCHEMES } from './suggestionScope';
import type { TrustGate } from '../platform/trustGate';

/** Every editor a suggestion may appear in (the service decides which documents are scanned). */
const SELECTOR: vscode.DocumentSelector = SUGGESTION_SCHEMES.map((scheme) => ({ scheme }));
/** The most lenses or hints one document gets: a file full of matches needs one lesson, not a wall of links. */
const MAX_PER_DOCUMENT = 30;

/** One suggestion per lesson and line, in line order, capped per document. */
export function suggestionsByLine(matches: readonly TriggerMatch[]): TriggerMatch[] {
	const seen = new Set<string>();
	return matches.filter((m) => {
		const key = `${m.line}\u0000${m.lessonId}`;
		return !seen.has(key) && seen.add(key);
	}).slice(0, MAX_PER_DOCUMENT);
}

function openCommand(m: TriggerMatch): vscode.Command {
	return {
		command: Command.OpenLesson,
		title: `$(book) ${vscode.l10n.t('Related lesson: {0}', inertText(m.title))}`,
		tooltip: inertText(m.why),
		arguments: [m.lessonId, m.section],
	};
}

/** "Related lesson: <title>" above each matching line; the command opens the lesson at the section that matters. */
export class SuggestionCodeLenses implements vscode.CodeLensProvider {
	constructor(private readonly suggestions: LessonSuggestions, private readonly config: () => ExtensionConfig) {}

	get onDidChangeCodeLenses(): vscode.Event<void> {
		return this.suggestions.onDidChange;
	}

	async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
		if (this.config().suggestions !== 'codeLens') {
			return [];
		}
		const matches = await this.suggestions.matches(document);
		return suggestionsByLine(matches).map((m) => new vscode.CodeLens(new vscode.Range(m.line - 1, m.start, m.line - 1, m.end), openCommand(m)));
	}
}

/** One line of why, when the pointer rests on matching code (in both CodeLens and hint modes). */
export class SuggestionHovers implements vscode.HoverProvider {
	constructor(private readonly suggestions: LessonSuggestions) {}

	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const matches = (this.suggestions.cached(document) ?? [])
			.filter((m) => m.line - 1 === position.line && position.character >= m.start && position.character <= m.end);
		const first = suggestionsByLine(matches)[0];
		if (!first) {
			return undefined;
		}
		// Lesson text is author content: appendText escapes it, and the only command link allowed is Open Lesson.
		const text = new vscode.MarkdownString(undefined, true);
		text.isTrusted = { enabledCommands: [Command.OpenLesson] };
		const args = encodeURIComponent(JSON.stringify([first.lessonId, first.section]));
		text.appendMarkdown(`$(book) [${escapeLinkText(vscode.l10n.t('Related lesson: {0}', first.title))}](command:${Command.OpenLesson}?${args}) — `).appendText(first.why);
		return new vscode.Hover(text, new vscode.Range(first.line - 1, first.start, first.line - 1, first.end));
	}
}

/** Markdown link text with its brackets and backslashes escaped, so a title cannot close the link early. */
function escapeLinkText(text: string): string {
	return text.replace(/[\\[\]*_`<>$]/g, (c) => `\\${c}`);
}

/** The light hint: "Related lesson: <title>" faintly after the matching line, instead of a CodeLens above it. */
export class SuggestionHints extends Disposable {
	private readonly decoration = this.register(vscode.window.createTextEditorDecorationType({
		after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
		rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
	}));

	constructor(private readonly suggestions: LessonSuggestions, private readonly config: () => ExtensionConfig) {
		super();
		this.register(suggestions.onDidChange(() => void this.updateAll()));
		this.register(vscode.window.onDidChangeVisibleTextEditors(() => void this.updateAll()));
	}

	async updateAll(): Promise<void> {
		await Promise.all(vscode.window.visibleTextEditors.map((editor) => this.update(editor)));
	}

	private async update(editor: vscode.TextEditor): Promise<void> {
		const matches = this.config().suggestions === 'hint' ? suggestionsByLine(await this.suggestions.matches(editor.document)) : [];
		const byLine = new Map<number, TriggerMatch[]>();
		for (const m of matches) {
			byLine.set(m.line, [...byLine.get(m.line) ?? [], m]);
		}
		editor.setDecorations(this.decoration, [...byLine.entries()].map(([line, list]) => {
			const end = editor.document.lineAt(Math.min(line - 1, editor.document.lineCount - 1)).range.end;
			const titles = list.map((m) => m.title).join(' · ');
			return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: `${vscode.l10n.t('Related lesson: {0}', titles)}` } } };
		}));
	}
}

/** Registers the CodeLens, hover and hint providers, owned by one disposable. */
export function registerSuggestionProviders(suggestions: LessonSuggestions, config: () => ExtensionConfig): vscode.Disposable & { readonly hints: SuggestionHints } {
	const hints = new SuggestionHints(suggestions, config);
	const disposable = vscode.Disposable.from(
		hints,
		vscode.languages.registerCodeLensProvider(SELECTOR, new SuggestionCodeLenses(suggestions, config)),
		vscode.languages.registerHoverProvider(SELECTOR, new SuggestionHovers(suggestions)),
	);
	return { hints, dispose: () => { disposable.dispose(); } };
}

/**
 * The suggestion service and its providers, made when suggestions are first needed (this module loads as a chunk,
 * see suggestions/register.ts). The hints are drawn at once: the editors that woke the service are already visible.
 */
export function createSuggestions(library: LessonLibrary, trust: TrustGate, config: () => ExtensionConfig, log: vscode.LogOutputChannel): vscode.Disposable & { readonly suggestions: LessonSuggestions } {
	const suggestions = new LessonSuggestions(library, trust, config, log);
	const providers = registerSuggestionProviders(suggestions, config);
	void providers.hints.updateAll();
	return { suggestions, dispose: () => { providers.dispose(); suggestions.dispose(); } };
}
