import * as vscode from 'vscode';
import { buildCatalog } from '../core/catalog';
import { decodeLessonBytes } from '../core/decode';
import { LESSON_LOCALES, type Diagnostic, type Lesson, type LessonLocale } from '../core/lesson';
import { buildWorkspaceCatalog } from '../core/workspaceCatalog';
import { Disposable } from './dispose';
import type { WorkspaceLessonSource } from './workspaceLessons';

/** A lesson file read from disk, before parsing. */
interface LessonFile {
	readonly file: string;
	readonly locale: string;
	readonly text: string;
}

/** What the last load found in the workspace: the team's lessons and the problems in their files. */
export interface WorkspaceLessonsState {
	readonly bundledIds: ReadonlySet<string>;
	/** Workspace lesson id → the file shown. */
	readonly uris: ReadonlyMap<string, vscode.Uri>;
	/** Every workspace lesson file read (clean ones with no diagnostics), keyed by URI string, with its text when decoded. */
	readonly problems: ReadonlyMap<string, { readonly uri: vscode.Uri; readonly diagnostics: readonly Diagnostic[]; readonly text?: string }>;
}

const NO_WORKSPACE_LESSONS: WorkspaceLessonsState = { bundledIds: new Set(), uris: new Map(), problems: new Map() };

/**
 * The lessons bundled with the extension, in the learner's language (English where a translation is missing),
 * followed by the team's lessons from the workspace (see WorkspaceLessonSource) when there is a source.
 * Files are read and parsed on first use, not at activation, and kept until `invalidate()`.
 */
export class LessonLibrary extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private loading: Promise<readonly Lesson[]> | undefined;
	private workspaceState = NO_WORKSPACE_LESSONS;

	constructor(
		private readonly lessonsRoot: vscode.Uri,
		private readonly log: vscode.LogOutputChannel,
		private readonly locale: () => LessonLocale,
		private readonly workspace?: WorkspaceLessonSource,
	) {
		super();
		if (workspace) {
			this.register(workspace.onDidChange(() => this.invalidate()));
		}
	}

	/** What the workspace held at the last load (empty before the first `lessons()` resolves). */
	get workspaceLessons(): WorkspaceLessonsState {
		return this.workspaceState;
	}

	/** Where a loaded lesson comes from: bundled with the extension or the workspace. */
	originOf(lessonId: string): 'bundled' | 'workspace' {
		return this.workspaceState.uris.has(lessonId) ? 'workspace' : 'bundled';
	}

	/** Bundled lessons sorted by track, order and title, then workspace lessons in the same order. */
	lessons(): Promise<readonly Lesson[]> {
		this.loading ??= this.load();
		return this.loading;
	}

	async get(lessonId: string): Promise<Lesson | undefined> {
		return (await this.lessons()).find((l) => l.meta.id === lessonId);
	}

	/** Forgets what was read (the language changed, files changed) and tells listeners. */
	invalidate(): void {
		this.loading = undefined;
		this._onDidChange.fire();
	}

	private async load(): Promise<readonly Lesson[]> {
		const files = (await Promise.all(LESSON_LOCALES.map((locale) => this.readLocale(locale)))).flat();
		const { lessons, diagnostics } = buildCatalog(files, this.locale());
		this.report(diagnostics);
		const workspace = await this.loadWorkspace(new Set(lessons.map((l) => l.meta.id)));
		return [...lessons, ...workspace];
	}

	/** Reads the team's lessons; a workspace lesson may not take a bundled lesson's id (it is reported and left out). */
	private async loadWorkspace(bundledIds: ReadonlySet<string>): Promise<readonly Lesson[]> {
		if (!this.workspace) {
			return [];
		}
		const { files, problems } = await this.workspace.read();
		const { lessons, diagnostics, fileOf } = buildWorkspaceCatalog(files, this.locale(), bundledIds);
		this.report(diagnostics);
		const byFile = new Map(files.map((f) => [f.file, f.uri]));
		const found = new Map<string, { uri: vscode.Uri; diagnostics: Diagnostic[]; text?: string }>();
		for (const { uri, diagnostics: decoding } of problems) {
			this.report(decoding);
			found.set(uri.toString(), { uri, diagnostics: [...decoding] });
		}
		for (const f of files) {
			found.set(f.uri.toString(), { uri: f.uri, diagnostics: diagnostics.filter((d) => d.file === f.file), text: f.text });
		}
		const uris = new Map<string, vscode.Uri>();
		for (const [id, file] of fileOf) {
			const uri = byFile.get(file);
			if (uri) {
				uris.set(id, uri);
			}
		}
		this.workspaceState = { bundledIds, uris, problems: found };
		return lessons;
	}

	private async readLocale(locale: string): Promise<LessonFile[]> {
		const dir = vscode.Uri.joinPath(this.lessonsRoot, locale);
		let entries: [string, vscode.FileType][];
		try {
			entries = await vscode.workspace.fs.readDirectory(dir);
		} catch {
			return []; // a locale with no folder simply has no lessons
		}
		const names = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md')).map(([name]) => name).sort();
		const files = await Promise.all(names.map(async (name): Promise<LessonFile | undefined> => {
			const uri = vscode.Uri.joinPath(dir, name);
			const file = `${locale}/${name}`;
			const { text, diagnostics } = decodeLessonBytes(await vscode.workspace.fs.readFile(uri), file);
			this.report(diagnostics);
			return text === undefined ? undefined : { file, locale, text };
		}));
		return files.filter((f): f is LessonFile => f !== undefined);
	}

	private report(diagnostics: readonly Diagnostic[]): void {
		for (const d of diagnostics) {
			const line = `${d.file}:${d.line}:${d.column}: ${d.message} (${d.code})`;
			if (d.severity === 'error') {
				this.log.error(line);
			} else {
				this.log.warn(line);
			}
		}
	}
}
