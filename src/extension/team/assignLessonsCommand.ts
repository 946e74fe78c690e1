import * as vscode from 'vscode';
import { ASSIGNMENTS_PATH, MAX_ASSIGNMENTS_BYTES } from '../../core/shared/paths';
import type { NewAssignment } from '../../core/team/assignmentsEdit';
import { isDueDate, localDate, nextFriday } from '../../core/team/dueDates';
import { inertText, isKebabCase } from '../../core/shared/text';
import { assignmentsUri } from './assignmentsFile';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { trackLabel } from '../tree/lessonNodes';
import type { TrustGate } from '../platform/trustGate';
import { readWorkspaceFileCapped } from '../platform/workspaceFs';
import { pickWorkspaceFolder } from '../catalog/workspaceLessons';
import { host } from '../platform/host';

interface AssignDeps {
	readonly library: LessonLibrary;
	readonly trust: TrustGate;
	readonly log: vscode.LogOutputChannel;
}

/** Arguments that skip the prompts (the extension-host tests, other extensions). */
export interface AssignArgs {
	readonly lessons?: readonly string[];
	readonly tracks?: readonly string[];
	readonly due?: string;
	readonly audience?: string;
	readonly note?: string;
	readonly folder?: vscode.Uri;
}

interface Pick extends vscode.QuickPickItem {
	readonly kind?: vscode.QuickPickItemKind;
	readonly value?: { readonly type: 'lesson' | 'track'; readonly id: string };
}

/** The argument when it is a well-formed {@link AssignArgs} with a due date, else undefined (then the prompts run). */
function readArgs(arg: unknown): AssignArgs | undefined {
	if (typeof arg !== 'object' || arg === null) {
		return undefined;
	}
	const { lessons, tracks, due, audience, note, folder } = arg as Record<string, unknown>;
	const ids = (v: unknown): string[] | undefined => Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
	const text = (v: unknown): string | undefined => typeof v === 'string' ? v : undefined;
	if (typeof due !== 'string') {
		return undefined;
	}
	return {
		lessons: ids(lessons) ?? [], tracks: ids(tracks) ?? [], due,
		...(text(audience) !== undefined ? { audience: text(audience) } : {}),
		...(text(note) !== undefined ? { note: text(note) } : {}),
		...(folder instanceof vscode.Uri ? { folder } : {}),
	};
}

async function askWhat(library: LessonLibrary): Promise<{ lessons: string[]; tracks: string[] } | undefined> {
	const lessons = await library.lessons();
	const tracks = [...new Set(lessons.map((l) => l.meta.track))];
	const items: Pick[] = [
		{ label: vscode.l10n.t('Tracks'), kind: vscode.QuickPickItemKind.Separator },
		...tracks.map((track): Pick => ({
			label: `$(list-tree) ${inertText(trackLabel(track))}`,
			description: vscode.l10n.t('{0} lessons', lessons.filter((l) => l.meta.track === track).length),
			value: { type: 'track', id: track },
		})),
		{ label: vscode.l10n.t('Lessons'), kind: vscode.QuickPickItemKind.Separator },
		...lessons.map((l): Pick => ({
			label: inertText(l.meta.title),
			description: library.originOf(l.meta.id) === 'workspace' ? vscode.l10n.t('workspace lesson') : inertText(trackLabel(l.meta.track)),
			detail: inertText(l.meta.id),
			value: { type: 'lesson', id: l.meta.id },
		})),
	];
	const picked = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Assign Lessons (1/4)'), placeHolder: vscode.l10n.t('Choose whole tracks and/or single lessons'), canPickMany: true, matchOnDetail: true,
	});
	if (!picked || picked.length === 0) {
		return undefined;
	}
	const ids = (type: 'lesson' | 'track'): string[] => picked.flatMap((p) => (p.value?.type === type ? [p.value.id] : []));
	return { lessons: ids('lesson'), tracks: ids('track') };
}

async function askDetails(): Promise<Omit<NewAssignment, 'lessons' | 'tracks'> | undefined> {
	const today = localDate(new Date());
	const due = await vscode.window.showInputBox({
		title: vscode.l10n.t('Assign Lessons (2/4)'), prompt: vscode.l10n.t('Due date: the last day to finish (YYYY-MM-DD)'), value: nextFriday(today),
		validateInput: (v) => isDueDate(v.trim()) ? undefined : vscode.l10n.t('Write a real date as YYYY-MM-DD, e.g. {0}', nextFriday(today)),
	});
	if (due === undefined) {
		return undefined;
	}
	const audience = await vscode.window.showInputBox({
		title: vscode.l10n.t('Assign Lessons (3/4)'), prompt: vscode.l10n.t('Audience (optional): e.g. new-hires. Leave empty to assign to everyone.'),
		validateInput: (v) => v.trim() === '' || isKebabCase(v.trim()) ? undefined : vscode.l10n.t('Use lowercase letters, digits and single hyphens, e.g. new-hires'),
	});
	if (audience === undefined) {
		return undefined;
	}
	const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Assign Lessons (4/4)'), prompt: vscode.l10n.t('Note for the team (optional)') });
	if (note === undefined) {
		return undefined;
	}
	return { due: due.trim(), ...(audience.trim() ? { audience: audience.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
}

/** Writes `text` to `uri`, through the open editor when there is one (so unsaved edits are not overwritten blindly). */
async function writeText(uri: vscode.Uri, text: string): Promise<void> {
	const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
	if (open) {
		const edit = new vscode.WorkspaceEdit();
		edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
		await vscode.workspace.applyEdit(edit);
		await open.save();
		return;
	}
	await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/**
 * Assign Lessons…: asks for lessons and/or tracks, a due date, an audience and a note (or takes them as an
 * argument), then adds them to `.incident-lessons/assignments.json`, keeping everything already in it.
 * Resolves with the file's URI, or undefined when cancelled, untrusted or refused.
 */
export async function assignLessons(deps: AssignDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
	if (!deps.trust.checkTrusted()) {
		return undefined;
	}
	const given = readArgs(arg);
	const folder = await pickWorkspaceFolder(given?.folder);
	if (!folder) {
		return undefined;
	}
	const what = given ? { lessons: [...given.lessons ?? []], tracks: [...given.tracks ?? []] } : await askWhat(deps.library);
	const details = given?.due !== undefined ? { due: given.due, audience: given.audience, note: given.note } : what && await askDetails();
	if (!what || !details || (what.lessons.length === 0 && what.tracks.length === 0) || !isDueDate(details.due)) {
		return undefined;
	}
	const uri = assignmentsUri(folder);
	const read = await readWorkspaceFileCapped(uri, MAX_ASSIGNMENTS_BYTES).catch(() => undefined); // undefined: no file yet
	if (read && 'refused' in read) {
		// Never written through: the file may be a link out of the workspace.
		void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not changed: {1}', ASSIGNMENTS_PATH, read.refused.reason));
		return undefined;
	}
	const existing = read && new TextDecoder().decode(read.bytes);
	const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
	const { addAssignment } = await host().chunk('parsers');
	const edit = addAssignment(open?.getText() ?? existing, { ...what, due: details.due, ...(details.audience ? { audience: details.audience } : {}), ...(details.note ? { note: details.note } : {}) });
	if (edit.kind === 'refused') {
		void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not changed: {1}', ASSIGNMENTS_PATH, inertText(edit.reason)));
		return undefined;
	}
	await writeText(uri, edit.text);
	deps.log.info(`Assigned ${[...what.lessons, ...what.tracks].join(', ')} due ${details.due} in ${uri.toString()}`);
	const openFile = vscode.l10n.t('Open File');
	void vscode.window.showInformationMessage(
		vscode.l10n.t('Assigned {0} lessons or tracks, due {1}. Commit {2} so your team sees it.', what.lessons.length + what.tracks.length, details.due, ASSIGNMENTS_PATH),
		openFile,
	).then((picked) => picked === openFile ? vscode.window.showTextDocument(uri) : undefined);
	return uri;
}
