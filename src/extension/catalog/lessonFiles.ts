/**
 * What the lesson library reads: the bundled lessons' list from the catalog the build wrote (dist/catalog.json), a
 * locale's parsed bundled lessons from its pack (in dist/lessons.json.zst) when one is opened, and the
 * workspace's lessons, read and parsed. Holds no state: what was read is kept by the library.
 */
import * as vscode from 'vscode';
import { decodeLessonBytes, MAX_LESSON_BYTES } from '../../core/shared/decode';
import type { Diagnostic, Lesson } from '../../core/lessons/lesson';
import { bundledEntries, entryOf, readBundledCatalog, type IndexedLesson, type LessonEntry } from '../../core/catalog/lessonEntry';
import { LESSON_PACKS_FILE, readLessonPack, type LessonPack } from '../../core/catalog/lessonPack';
import { decodeInSlices } from '../../core/catalog/packDecode';
import { WORKSPACE_LESSONS_PATH } from '../../core/shared/paths';
import { compareText } from '../../core/shared/text';
import { host, nextTurn } from '../platform/host';
import { isFolderInWorkspace, readWorkspaceDirectory, readWorkspaceFileCapped, refusalDiagnostic } from '../platform/workspaceFs';
import { workspaceFileName, workspaceLocale, type LessonSources, type LoadedLessons, type WorkspaceLessonFile, type WorkspaceLessonReader, type WorkspaceLessonsState } from './lessonSources';

/** Bounds that keep a huge or looping workspace folder from costing anything. */
const MAX_DEPTH = 4;
const MAX_FILES = 500;

/**
 * The list: bundled lessons in the learner's language (English where a translation is missing), from the build's
 * catalog, then the workspace's lessons, parsed whole.
 */
export async function loadLessons(sources: LessonSources): Promise<LoadedLessons> {
	// The workspace's files are looked for while the catalog is read (the first goes through the workbench).
	const reading = sources.workspace?.read();
	reading?.catch(() => undefined); // a failure is met when it is awaited below, not as an unhandled rejection meanwhile
	const entries = bundledEntries(readBundledCatalog(new TextDecoder().decode(await host().readExtensionFile(sources.catalogFile))), sources.locale());
	const { lessons: workspace, state } = reading
		? await loadWorkspace(sources, await reading, new Set(entries.map((l) => l.meta.id)))
		: { lessons: [], state: { bundledIds: new Set<string>(), uris: new Map(), problems: new Map() } };
	const bundled = entries.map(({ file: _file, ...entry }: IndexedLesson): LessonEntry => entry);
	return {
		entries: [...bundled, ...workspace.map(entryOf)],
		bundledFiles: new Map(entries.map((l) => [l.meta.id, l.file])),
		workspace: new Map(workspace.map((l) => [l.meta.id, l])),
		workspaceState: state,
	};
}

/** A locale's pack of bundled lessons, parsed by the build; rejects with the file and the reason when it cannot be read. */
export async function readBundledPack(sources: LessonSources, locale: string): Promise<LessonPack> {
	const file = LESSON_PACKS_FILE;
	try {
		const bytes = await host().readExtensionFile(vscode.Uri.joinPath(sources.distRoot, file));
		const { Decompress } = await host().chunk('zstd');
		return readLessonPack(await decodeInSlices(bytes, Decompress, nextTurn), locale);
	} catch (error) {
		throw new Error(`dist/${file}: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** Reads the team's lessons; a workspace lesson may not take a bundled lesson's id (it is reported and left out). */
async function loadWorkspace(sources: LessonSources, { files, problems }: Awaited<ReturnType<WorkspaceLessonReader['read']>>, bundledIds: ReadonlySet<string>): Promise<{ lessons: readonly Lesson[]; state: WorkspaceLessonsState }> {
	if (files.length === 0 && problems.length === 0) {
		return { lessons: [], state: { bundledIds, uris: new Map(), problems: new Map() } };
	}
	const { buildWorkspaceCatalog } = await host().chunk('parsers');
	const { lessons, diagnostics, fileOf } = buildWorkspaceCatalog(files, sources.locale(), bundledIds);
	sources.report(diagnostics);
	const byFile = new Map(files.map((f) => [f.file, f.uri]));
	const found = new Map<string, { uri: vscode.Uri; diagnostics: Diagnostic[]; text?: string }>();
	for (const { uri, diagnostics: decoding } of problems) {
		sources.report(decoding);
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
	return { lessons, state: { bundledIds, uris, problems: found } };
}

/** Every lesson file under `.incident-lessons/lessons/` in every workspace folder, decoded; decoding problems are returned. */
export async function readWorkspaceLessons(log: vscode.LogOutputChannel): Promise<{ files: WorkspaceLessonFile[]; problems: { uri: vscode.Uri; diagnostics: Diagnostic[] }[] }> {
	const uris: vscode.Uri[] = [];
	for (const folder of vscode.workspace.workspaceFolders ?? []) {
		const root = vscode.Uri.joinPath(folder.uri, WORKSPACE_LESSONS_PATH);
		if (await isFolderInWorkspace(root)) {
			await collect(root, 0, uris);
		} else if (await readWorkspaceDirectory(root).then(() => true, () => false)) {
			log.warn(`${workspaceFileName(root)} leads outside the workspace folder (a symbolic link); its lessons were not read.`);
		}
	}
	const files: WorkspaceLessonFile[] = [];
	const problems: { uri: vscode.Uri; diagnostics: Diagnostic[] }[] = [];
	for (const uri of uris.slice(0, MAX_FILES)) {
		const file = workspaceFileName(uri);
		try {
			const read = await readWorkspaceFileCapped(uri, MAX_LESSON_BYTES);
			if ('refused' in read) {
				problems.push({ uri, diagnostics: [refusalDiagnostic(file, read.refused)] });
				continue;
			}
			const { text, diagnostics } = decodeLessonBytes(read.bytes, file);
			if (text === undefined) {
				problems.push({ uri, diagnostics });
			} else {
				files.push({ file, locale: workspaceLocale(uri), text, uri });
			}
		} catch (error) {
			log.warn(`Could not read workspace lesson ${file}: ${String(error)}`);
		}
	}
	if (uris.length > MAX_FILES) {
		log.warn(`Only the first ${MAX_FILES} workspace lesson files are read; ${uris.length} were found.`);
	}
	return { files, problems };
}

async function collect(dir: vscode.Uri, depth: number, into: vscode.Uri[]): Promise<void> {
	let entries: [string, vscode.FileType][];
	try {
		entries = await readWorkspaceDirectory(dir);
	} catch {
		return; // no lessons folder: no workspace lessons
	}
	for (const [name, type] of entries.sort(([a], [b]) => compareText(a, b))) {
		const uri = vscode.Uri.joinPath(dir, name);
		// Links, pipes and devices named like lessons are listed too: reading them refuses them with a diagnostic.
		// Linked folders are not followed (no loops, nothing outside the workspace).
		if (type === vscode.FileType.Directory) {
			if (depth < MAX_DEPTH && !name.startsWith('.')) {
				await collect(uri, depth + 1, into);
			}
		} else if (name.endsWith('.md')) {
			into.push(uri);
		}
	}
}
