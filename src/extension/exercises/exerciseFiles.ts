/**
 * Where an exercise's files live and how they are read: the lesson's starter and solution files (bundled ones from
 * the extension's folder, a team's from the workspace), and the learner's copy in the extension's storage,
 * `<globalStorageUri>/exercises/<lesson-id>/<exercise-id>/`, never in the learner's repository.
 */
import * as vscode from 'vscode';
import type { Exercise, ReadRelative, ResolvedExercise } from '../../core/exercises';
import type { Diagnostic } from '../../core/lessons/lesson';
import { exists, readWorkspaceFileCapped } from '../platform/workspaceFs';
import { host } from '../platform/host';

/** The most a referenced starter or solution file may hold (the lesson format's limit). */
export const MAX_REFERENCED_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The folder all exercises' scratch copies live under. */
export function scratchRoot(storage: vscode.Uri): vscode.Uri {
	return vscode.Uri.joinPath(storage, 'exercises');
}

/** One exercise's scratch folder. */
export function scratchFolder(storage: vscode.Uri, lessonId: string, exerciseId: string): vscode.Uri {
	return vscode.Uri.joinPath(scratchRoot(storage), lessonId, exerciseId);
}

/** The learner's copy of one exercise file (paths are `a/b.ts`: plain segments, checked by the parser). */
export function scratchFile(folder: vscode.Uri, path: string): vscode.Uri {
	return vscode.Uri.joinPath(folder, ...path.split('/'));
}

/** The lesson and exercise whose scratch folder holds `uri`, and the file's path in it; undefined for any other file. */
export function exerciseOfUri(storage: vscode.Uri, uri: vscode.Uri): { lessonId: string; exerciseId: string; path: string } | undefined {
	const root = scratchRoot(storage);
	if (uri.scheme !== root.scheme || uri.authority !== root.authority || !uri.path.startsWith(`${root.path}/`)) {
		return undefined;
	}
	const [lessonId, exerciseId, ...rest] = uri.path.slice(root.path.length + 1).split('/');
	return lessonId && exerciseId && rest.length > 0 ? { lessonId, exerciseId, path: rest.join('/') } : undefined;
}

/**
 * Reads a file an exercise of a workspace lesson names relative to its lesson file, as the workspace's files are read
 * (inside its folder, size first, no symbolic link out). Undefined when it is missing, too large or elsewhere.
 */
function relativeReader(lessonFile: vscode.Uri): ReadRelative {
	const folder = vscode.Uri.joinPath(lessonFile, '..');
	return async (ref) => {
		try {
			const read = await readWorkspaceFileCapped(vscode.Uri.joinPath(folder, ...ref.split('/')), MAX_REFERENCED_BYTES);
			return 'bytes' in read ? decoder.decode(read.bytes) : undefined;
		} catch {
			return undefined;
		}
	};
}

/**
 * Resolves `exercise`: its starter and solution files read. A bundled lesson carries them (the build read them into
 * its pack); a workspace lesson's are read relative to `lessonFile`.
 */
export async function resolveFromFile(exercise: Exercise, lessonFile: vscode.Uri | undefined, name: string): Promise<{ exercise?: ResolvedExercise; diagnostics: Diagnostic[] }> {
	const { resolveExercise } = await host().chunk('patterns');
	return resolveExercise(exercise, lessonFile ? relativeReader(lessonFile) : () => Promise.resolve(undefined), name);
}

/** Writes the starter files that are not in `folder` yet (a restart keeps the learner's work); returns every file. */
export async function ensureStarter(folder: vscode.Uri, exercise: ResolvedExercise): Promise<vscode.Uri[]> {
	const uris: vscode.Uri[] = [];
	for (const file of exercise.files) {
		const uri = scratchFile(folder, file.path);
		if (!await exists(uri)) {
			await vscode.workspace.fs.writeFile(uri, encoder.encode(exercise.starterFiles.get(file.path) ?? ''));
		}
		uris.push(uri);
	}
	return uris;
}

/**
 * The learner's current text of each file: an open document's, unsaved edits included, else what is on disk ('' when
 * there is none). The copy is the learner's own, in the extension's storage; the checks refuse one too large.
 */
export async function currentTexts(folder: vscode.Uri, exercise: Exercise): Promise<Map<string, string>> {
	const texts = new Map<string, string>();
	for (const file of exercise.files) {
		const uri = scratchFile(folder, file.path);
		const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
		if (open) {
			texts.set(file.path, open.getText());
			continue;
		}
		texts.set(file.path, await vscode.workspace.fs.readFile(uri).then((bytes) => decoder.decode(bytes), () => ''));
	}
	return texts;
}

/** Puts `text` in the file at `uri`: through its open document when there is one (then saved), else on disk. */
export async function replaceText(uri: vscode.Uri, text: string): Promise<void> {
	const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
	if (!open) {
		await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
		return;
	}
	const edit = new vscode.WorkspaceEdit();
	edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
	await vscode.workspace.applyEdit(edit);
	await open.save();
}

/** Writes `text` to `uri` (a copy the learner asked for). */
export function writeText(uri: vscode.Uri, text: string): Thenable<void> {
	return vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}
