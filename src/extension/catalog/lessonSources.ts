/**
 * What the lesson library, the workspace's lesson source and the chunk that reads the files (./lessonFiles) share:
 * where lessons are read from, what a load found, and how a workspace lesson file is named and placed.
 */
import * as vscode from 'vscode';
import type { LessonFile } from '../../core/catalog/catalog';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import { LESSON_LOCALES, type Diagnostic, type Lesson } from '../../core/lessons/lesson';

/** A workspace lesson file, read and decoded, with where it is. */
export interface WorkspaceLessonFile extends LessonFile {
	readonly uri: vscode.Uri;
}

/** The locale of a workspace lesson: its `en`/`ja` folder, else `und` (undetermined, shown to every learner). */
export function workspaceLocale(uri: vscode.Uri): string {
	const parts = uri.path.split('/');
	const folder = parts[parts.length - 2] ?? '';
	return (LESSON_LOCALES as readonly string[]).includes(folder) ? folder : 'und';
}

/** How diagnostics and the log name a workspace file: its path in the workspace (with the folder in multi-root). */
export function workspaceFileName(uri: vscode.Uri): string {
	return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** The workspace's lesson files, as ./workspaceLessons reads them (none in an untrusted workspace). */
export interface WorkspaceLessonReader {
	read(): Promise<{ files: WorkspaceLessonFile[]; problems: { uri: vscode.Uri; diagnostics: Diagnostic[] }[] }>;
}

/** Where the library reads from, and where problems go. */
export interface LessonSources {
	/** The extension's dist/ folder: the bundled lessons' packs are in its lessons/ (see core/catalog/lessonPack). */
	readonly distRoot: vscode.Uri;
	/** The bundled lessons' catalog, written by the build (dist/catalog.json). */
	readonly catalogFile: vscode.Uri;
	/** The learner's lesson language, asked when it is needed. */
	readonly locale: () => string;
	readonly workspace?: WorkspaceLessonReader;
	/** Logs problems found in the files. */
	readonly report: (diagnostics: readonly Diagnostic[]) => void;
}

/** What the last load found in the workspace: the team's lessons and the problems in their files. */
export interface WorkspaceLessonsState {
	readonly bundledIds: ReadonlySet<string>;
	/** Workspace lesson id → the file shown. */
	readonly uris: ReadonlyMap<string, vscode.Uri>;
	/** Every workspace lesson file read (clean ones with no diagnostics), keyed by URI string, with its text when decoded. */
	readonly problems: ReadonlyMap<string, { readonly uri: vscode.Uri; readonly diagnostics: readonly Diagnostic[]; readonly text?: string }>;
}

/** What one load found: the list, where each lesson's full text comes from, and what the workspace held. */
export interface LoadedLessons {
	readonly entries: readonly LessonEntry[];
	/** Bundled lesson id → its file (relative to the lessons folder, `en/name.md`): its locale's pack holds it. */
	readonly bundledFiles: ReadonlyMap<string, string>;
	/** Workspace lessons, parsed whole at load (their diagnostics go to the Problems panel). */
	readonly workspace: ReadonlyMap<string, Lesson>;
	readonly workspaceState: WorkspaceLessonsState;
}
