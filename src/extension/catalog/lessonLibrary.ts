import * as vscode from 'vscode';
import type { Diagnostic, Lesson, LessonLocale } from '../../core/lessons/lesson';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import type { LessonPack } from '../../core/catalog/lessonPack';
import { Disposable } from '../platform/dispose';
import type { LessonSources, LoadedLessons, WorkspaceLessonsState } from './lessonSources';
import type { WorkspaceLessonSource } from './workspaceLessons';
import { loadLessons, readBundledPack } from './lessonFiles';
import { LESSON_PACKS_FILE } from '../../core/catalog/lessonPack';

const NO_WORKSPACE_LESSONS: WorkspaceLessonsState = { bundledIds: new Set(), uris: new Map(), problems: new Map() };

/**
 * The lessons bundled with the extension, in the learner's language (English where a translation is missing),
 * followed by the team's lessons from the workspace (see WorkspaceLessonSource) when there is a source.
 * The list is read on first use, not at activation: bundled lessons from the catalog the build wrote
 * (core/catalog/lessonEntry); the first bundled lesson `get` asks for reads its locale's pack, which the build
 * parsed (core/catalog/lessonPack). Kept until `invalidate()`.
 */
export class LessonLibrary extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private loading: Promise<LoadedLessons> | undefined;
	/** The bundled lessons' packs by locale; a pack that could not be read is tried again on the next `get`. */
	private packs = new Map<string, Promise<LessonPack>>();
	private workspaceState = NO_WORKSPACE_LESSONS;
	/** Counts loads and invalidations: only the latest load may set {@link workspaceState}. */
	private generation = 0;
	/** What the chunk reads from, and where its problems go. */
	private readonly sources: LessonSources;

	constructor(
		/** The extension's folder: the bundled lessons' catalog in dist/catalog.json, their packs in dist/lessons.json.zst. */
		extensionRoot: vscode.Uri,
		private readonly log: vscode.LogOutputChannel,
		locale: () => LessonLocale,
		workspace?: WorkspaceLessonSource,
	) {
		super();
		const distRoot = vscode.Uri.joinPath(extensionRoot, 'dist');
		const catalogFile = vscode.Uri.joinPath(distRoot, 'catalog.json');
		this.sources = { distRoot, catalogFile, locale, ...(workspace ? { workspace } : {}), report: (diagnostics) => this.report(diagnostics) };
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

	/** The whole lesson (quizzes, body, incident); undefined when there is none or its pack cannot be read (logged, and the learner told). */
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
		const locale = file.slice(0, file.indexOf('/'));
		const pack = this.pack(locale);
		try {
			const lesson = (await pack).lessons[lessonId];
			if (!lesson) {
				throw new Error(`dist/${LESSON_PACKS_FILE}: the ${locale} pack has no lesson "${lessonId}": reinstall or rebuild the extension`);
			}
			return lesson;
		} catch (error) {
			if (this.packs.get(locale) === pack) {
				this.packs.delete(locale);
			}
			this.log.error(`The lesson ${file} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
			void vscode.window.showErrorMessage(vscode.l10n.t('The lesson {0} cannot be opened. The Incident Lessons log says why.', file));
			return undefined;
		}
	}

	/**
	 * Reads the pack of the first bundled lesson's locale ahead of a lesson being opened, and gives that lesson;
	 * problems wait for `get`.
	 */
	async prefetch(): Promise<Lesson | undefined> {
		const [id, file] = (await this.loaded().catch(() => undefined))?.bundledFiles.entries().next().value ?? [];
		if (id === undefined || file === undefined) {
			return undefined;
		}
		return (await this.pack(file.slice(0, file.indexOf('/'))).catch(() => undefined))?.lessons[id];
	}

	private pack(locale: string): Promise<LessonPack> {
		let pack = this.packs.get(locale);
		if (!pack) {
			pack = readBundledPack(this.sources, locale);
			this.packs.set(locale, pack);
		}
		return pack;
	}

	/** A workspace lesson's file (an exercise's starter and solution files are named relative to it); undefined for a bundled lesson. */
	async workspaceFileOf(lessonId: string): Promise<vscode.Uri | undefined> {
		return (await this.loaded()).workspaceState.uris.get(lessonId);
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
		this.packs = new Map();
		this._onDidChange.fire();
	}

	private loaded(): Promise<LoadedLessons> {
		this.loading ??= this.load();
		return this.loading;
	}

	private async load(): Promise<LoadedLessons> {
		const generation = ++this.generation;
		const loaded = await loadLessons(this.sources).catch((error: unknown) => {
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
