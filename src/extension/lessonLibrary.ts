import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildCatalogIndex, type IndexedLesson } from '../core/catalogIndex';
import { decodeLessonBytes } from '../core/decode';
import { LESSON_LOCALES, type Diagnostic, type Lesson, type LessonLocale } from '../core/lesson';
import { entryOf, type LessonEntry } from '../core/lessonIndex';
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

/** What one load found: the list, and where each lesson's full text comes from. */
interface Loaded {
	readonly entries: readonly LessonEntry[];
	/** Bundled lesson id → its file (relative to the lessons folder), parsed when the lesson is opened. */
	readonly bundledFiles: ReadonlyMap<string, string>;
	/** Workspace lessons, parsed whole at load (their diagnostics go to the Problems panel). */
	readonly workspace: ReadonlyMap<string, Lesson>;
}

/**
 * The lessons bundled with the extension, in the learner's language (English where a translation is missing),
 * followed by the team's lessons from the workspace (see WorkspaceLessonSource) when there is a source.
 * The list is read on first use, not at activation: bundled files by their front matter and quiz ids only
 * (core/lessonIndex), and a bundled lesson is parsed whole when `get` asks for it. Kept until `invalidate()`.
 */
export class LessonLibrary extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private loading: Promise<Loaded> | undefined;
	/** Parsed bundled lessons, by id, for the current load. */
	private parsed = new Map<string, Promise<Lesson | undefined>>();
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

	/** The list: bundled lessons sorted by track, order and title, then workspace lessons in the same order. */
	async lessons(): Promise<readonly LessonEntry[]> {
		return (await this.loaded()).entries;
	}

	/** The whole lesson (quizzes, body, incident), parsed on first request; undefined when there is none or it does not parse. */
	async get(lessonId: string): Promise<Lesson | undefined> {
		const loaded = await this.loaded();
		const inWorkspace = loaded.workspace.get(lessonId);
		if (inWorkspace) {
			return inWorkspace;
		}
		const file = loaded.bundledFiles.get(lessonId);
		if (file === undefined) {
			return undefined;
		}
		let parsing = this.parsed.get(lessonId);
		if (!parsing) {
			parsing = this.parseBundled(file);
			this.parsed.set(lessonId, parsing);
		}
		return parsing;
	}

	/** The whole lessons of `ids` that exist, in list order. */
	async getMany(ids: Iterable<string>): Promise<Lesson[]> {
		const wanted = new Set(ids);
		const entries = (await this.lessons()).filter((l) => wanted.has(l.meta.id));
		const lessons = await Promise.all(entries.map((l) => this.get(l.meta.id)));
		return lessons.filter((l): l is Lesson => l !== undefined);
	}

	/** Forgets what was read (the language changed, files changed) and tells listeners. */
	invalidate(): void {
		this.loading = undefined;
		this.parsed = new Map();
		this._onDidChange.fire();
	}

	private loaded(): Promise<Loaded> {
		this.loading ??= this.load();
		return this.loading;
	}

	private async load(): Promise<Loaded> {
		// The workspace's files are looked for while the bundled ones are read (the first goes through the workbench).
		const reading = this.workspace?.read();
		reading?.catch(() => undefined); // a failure is met when it is awaited below, not as an unhandled rejection meanwhile
		const files = (await Promise.all(LESSON_LOCALES.map((locale) => this.readLocale(locale)))).flat();
		let index = buildCatalogIndex(files, this.locale());
		if (index.needsParser > 0) {
			// A file the line reader cannot decide on (see core/lessonIndex): rare for bundled lessons, which are linted.
			const { parseLesson } = await import('../core/parsers');
			index = buildCatalogIndex(files, this.locale(), parseLesson);
		}
		const { entries, diagnostics } = index;
		this.report(diagnostics);
		const workspace = reading ? await this.loadWorkspace(await reading, new Set(entries.map((l) => l.meta.id))) : [];
		const bundled = entries.map(({ file: _file, ...entry }: IndexedLesson): LessonEntry => entry);
		return {
			entries: [...bundled, ...workspace.map(entryOf)],
			bundledFiles: new Map(entries.map((l) => [l.meta.id, l.file])),
			workspace: new Map(workspace.map((l) => [l.meta.id, l])),
		};
	}

	/** Reads and parses one bundled lesson; problems go to the log and, as they stop the lesson, to an error message. */
	private async parseBundled(file: string): Promise<Lesson | undefined> {
		const [locale = 'en', name = ''] = file.split('/');
		const { text, diagnostics: decoding } = decodeLessonBytes(await readFile(path.join(this.lessonsRoot.fsPath, locale, name)), file);
		this.report(decoding);
		if (text === undefined) {
			return undefined;
		}
		const { parseLesson } = await import('../core/parsers');
		const { lesson, diagnostics } = parseLesson(text, file, { expectedId: name.replace(/\.md$/i, ''), locale });
		this.report(diagnostics);
		const error = diagnostics.find((d) => d.severity === 'error');
		if (!lesson && error) {
			void vscode.window.showErrorMessage(vscode.l10n.t('The lesson {0} cannot be opened: {1}', `${file}:${error.line}:${error.column}`, error.message));
		}
		return lesson;
	}

	/** Reads the team's lessons; a workspace lesson may not take a bundled lesson's id (it is reported and left out). */
	private async loadWorkspace({ files, problems }: Awaited<ReturnType<WorkspaceLessonSource['read']>>, bundledIds: ReadonlySet<string>): Promise<readonly Lesson[]> {
		if (files.length === 0 && problems.length === 0) {
			this.workspaceState = { bundledIds, uris: new Map(), problems: new Map() };
			return [];
		}
		const { buildWorkspaceCatalog } = await import('../core/parsers');
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

	/**
	 * The bundled files of one locale. They are the extension's own files, on the extension host's disk, so they are
	 * read with Node's fs: `workspace.fs` takes a round trip through the workbench per call, which made listing
	 * twenty lessons several times slower than reading them.
	 */
	private async readLocale(locale: string): Promise<LessonFile[]> {
		const dir = path.join(this.lessonsRoot.fsPath, locale);
		let names: string[];
		try {
			names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name).sort();
		} catch {
			return []; // a locale with no folder simply has no lessons
		}
		const files = await Promise.all(names.map(async (name): Promise<LessonFile | undefined> => {
			const file = `${locale}/${name}`;
			const { text, diagnostics } = decodeLessonBytes(await readFile(path.join(dir, name)), file);
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
