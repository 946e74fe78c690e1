import * as vscode from 'vscode';
import type { Diagnostic, Lesson, LessonLocale } from '../../core/lessons/lesson';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import { Disposable } from '../platform/dispose';
import type { LessonSources, LoadedLessons, WorkspaceLessonsState } from './lessonSources';
import type { WorkspaceLessonSource } from './workspaceLessons';

const NO_WORKSPACE_LESSONS: WorkspaceLessonsState = { bundledIds: new Set(), uris: new Map(), problems: new Map() };

/**
 * The lessons bundled with the extension, in the learner's language (English where a translation is missing),
 * followed by the team's lessons from the workspace (see WorkspaceLessonSource) when there is a source.
 * The list is read on first use, not at activation: bundled lessons from the catalog the build wrote
 * (core/catalog/lessonEntry), and a bundled lesson is parsed whole when `get` asks for it. Kept until
 * `invalidate()`. The reading itself is a chunk, ./lessonFiles, loaded with the first call.
 */
export class LessonLibrary extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private loading: Promise<LoadedLessons> | undefined;
	/** Parsed bundled lessons, by id, for the current load. */
	private parsed = new Map<string, Promise<Lesson | undefined>>();
	private workspaceState = NO_WORKSPACE_LESSONS;
	/** Counts loads and invalidations: only the latest load may set {@link workspaceState}. */
	private generation = 0;
	/** What the chunk reads from, and where its problems go. */
	private readonly sources: LessonSources;

	constructor(
		/** The extension's folder: bundled lessons in lessons/, their catalog in dist/catalog.json. */
		extensionRoot: vscode.Uri,
		private readonly log: vscode.LogOutputChannel,
		locale: () => LessonLocale,
		workspace?: WorkspaceLessonSource,
	) {
		super();
		const lessonsRoot = vscode.Uri.joinPath(extensionRoot, 'lessons');
		const catalogFile = vscode.Uri.joinPath(extensionRoot, 'dist', 'catalog.json');
		this.sources = { lessonsRoot, catalogFile, locale, ...(workspace ? { workspace } : {}), report: (diagnostics) => this.report(diagnostics) };
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
			parsing = import('./lessonFiles').then(({ parseBundledLesson }) => parseBundledLesson(this.sources, file));
			this.parsed.set(lessonId, parsing);
		}
		return parsing;
	}

	/**
	 * The file a listed lesson is read from: under the extension's lessons/ folder, or in the workspace. An exercise's
	 * starter and solution files are named relative to it.
	 */
	async fileOf(lessonId: string): Promise<vscode.Uri | undefined> {
		const loaded = await this.loaded();
		if (loaded.workspace.has(lessonId)) {
			return loaded.workspaceState.uris.get(lessonId);
		}
		const file = loaded.bundledFiles.get(lessonId);
		return file === undefined ? undefined : vscode.Uri.joinPath(this.sources.lessonsRoot, ...file.split('/'));
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
		this.generation++;
		this.parsed = new Map();
		this._onDidChange.fire();
	}

	private loaded(): Promise<LoadedLessons> {
		this.loading ??= this.load();
		return this.loading;
	}

	private async load(): Promise<LoadedLessons> {
		const generation = ++this.generation;
		const loaded = await (await import('./lessonFiles')).loadLessons(this.sources).catch((error: unknown) => {
			// The view then shows its empty state, whose link opens this log.
			this.log.error(`The lesson list could not be read: ${String(error)}`);
			throw error;
		});
		// A load that an invalidation overtook (trust or files changed meanwhile) must not replace a newer one's state.
		if (generation === this.generation) {
			this.workspaceState = loaded.workspaceState;
		}
		return loaded;
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
