import * as vscode from 'vscode';
import type { TriggerIndex, TriggerMatch } from '../../core/suggestions/triggerMatch';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { isSuggestable } from './suggestionScope';
import type { TrustGate } from '../platform/trustGate';
import { host, nextTurn } from '../platform/host';

/** Scan limits for an editor document: each slice of a scan stops after 50 ms (see docs/reviews-and-suggestions.md). */
const EDITOR_SCAN = { budgetMs: 50, maxChars: 1_000_000, maxMatchesPerTrigger: 20 } as const;
/** A scan goes on in slices, yielding to the extension host between them, for at most this long in all. */
const MAX_SCAN_MS = 1000;
/** Wait this long after the last edit before scanning again. */
export const RESCAN_DELAY_MS = 500;

interface Scanned {
	readonly version: number;
	readonly matches: readonly TriggerMatch[];
}

/**
 * Which lines of open documents relate to which lessons. Scans run in the extension host, off the typing path:
 * at most once per document version, after edits settle, with a size cap and a time budget (core/triggerMatch).
 * Triggers come from the bundled lessons and, only in a trusted workspace, from the workspace's own lessons. The
 * RE2 engine (re2js) loads with the first scan.
 */
export class LessonSuggestions extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	/** Fires when matches may have changed (a scan finished, lessons or settings changed). */
	readonly onDidChange = this._onDidChange.event;
	private index: Promise<TriggerIndex> | undefined;
	private readonly scanned = new Map<string, Scanned>();
	private readonly running = new Map<string, Promise<readonly TriggerMatch[]>>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly reported = new Set<string>();

	constructor(
		private readonly library: LessonLibrary,
		private readonly trust: TrustGate,
		private readonly config: () => ExtensionConfig,
		private readonly log: vscode.LogOutputChannel,
	) {
		super();
		this.register(library.onDidChange(() => this.reset()));
		this.register(trust.onDidChange(() => this.reset()));
		this.register(vscode.workspace.onDidChangeTextDocument((e) => this.scheduleScan(e.document)));
		this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
		this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
	}

	get isEnabled(): boolean {
		return this.config().suggestions !== 'off';
	}

	/** Call when the suggestion setting changed. */
	settingsChanged(): void {
		this._onDidChange.fire();
	}

	/** The matches of the document's current version, if it was scanned (never waits). */
	cached(document: vscode.TextDocument): readonly TriggerMatch[] | undefined {
		const found = this.scanned.get(document.uri.toString());
		return found?.version === document.version ? found.matches : undefined;
	}

	/** The matches of the document as it is now, scanning it if needed ([] when suggestions are off or it is not code). */
	matches(document: vscode.TextDocument): Promise<readonly TriggerMatch[]> {
		if (!this.isEnabled || !isSuggestable(document)) {
			return Promise.resolve([]);
		}
		const cached = this.cached(document);
		if (cached) {
			return Promise.resolve(cached);
		}
		const key = `${document.uri.toString()}#${document.version}`;
		let scan = this.running.get(key);
		if (!scan) {
			scan = this.scan(document).finally(() => this.running.delete(key));
			this.running.set(key, scan);
		}
		return scan;
	}

	/** Scans again once edits to `document` settle, then tells listeners. */
	private scheduleScan(document: vscode.TextDocument): void {
		if (!this.isEnabled || !isSuggestable(document) || !vscode.window.visibleTextEditors.some((e) => e.document === document)) {
			return;
		}
		const key = document.uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			void this.matches(document).then(() => this._onDidChange.fire());
		}, RESCAN_DELAY_MS));
	}

	private forget(uri: vscode.Uri): void {
		const key = uri.toString();
		this.scanned.delete(key);
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
	}

	private reset(): void {
		this.index = undefined;
		this.scanned.clear();
		this._onDidChange.fire();
	}

	private loadIndex(): Promise<TriggerIndex> {
		this.index ??= (async () => {
			const { compileTriggers } = await host().chunk('patterns');
			// Workspace lessons are loaded only in a trusted workspace; checked again here, since their patterns run on every file.
			const withTriggers = (await this.library.lessons()).filter((l) => l.hasTriggers && (this.library.originOf(l.meta.id) === 'bundled' || this.trust.isTrusted));
			const lessons = await this.library.getMany(withTriggers.map((l) => l.meta.id));
			const index = compileTriggers(lessons.map((l) => ({ lessonId: l.meta.id, title: l.meta.title, triggers: l.meta.triggers })));
			for (const problem of index.problems) {
				this.log.warn(`Lesson ${problem.lessonId}, line ${problem.line}: a trigger was left out: ${problem.message}`);
			}
			return index;
		})();
		return this.index;
	}

	private async scan(document: vscode.TextDocument): Promise<readonly TriggerMatch[]> {
		const version = document.version;
		const [index, { scanDocument }] = await Promise.all([this.loadIndex(), host().chunk('patterns')]);
		if (document.isClosed || document.version !== version) {
			return this.cached(document) ?? [];
		}
		const path = vscode.workspace.asRelativePath(document.uri, false);
		const doc = { path, languageId: document.languageId, text: document.getText() };
		const options = { ...EDITOR_SCAN, clock: () => performance.now() };
		const started = performance.now();
		let result = scanDocument(index, doc, options);
		// A cold engine (the first file after activation) can need more than one slice; later ones rarely do.
		while (result.status === 'timedOut' && result.resumeAt !== undefined && performance.now() - started < MAX_SCAN_MS) {
			await nextTurn();
			if (document.isClosed || document.version !== version) {
				return this.cached(document) ?? [];
			}
			result = scanDocument(index, doc, { ...options, resume: { at: result.resumeAt, matches: result.matches } });
		}
		if (result.status !== 'complete' && !this.reported.has(path)) {
			this.reported.add(path);
			this.log.info(`Related lessons: ${path} ${result.status === 'tooLarge' ? 'is too large to scan' : 'took too long to scan; only its first part was scanned'}.`);
		}
		this.scanned.set(document.uri.toString(), { version, matches: result.matches });
		return result.matches;
	}
}
