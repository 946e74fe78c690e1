/**
 * Export My Progress… and Import Progress…: the learner's answers, exercise records and review cards as a versioned
 * JSON file (../../core/progress/progressExport), to carry them where Settings Sync does not (another profile, a
 * machine without sync, a backup). An import merges into what is there, never replaces it, and says what it added.
 * Files go through `workspace.fs`, so both work wherever the workbench runs.
 */
import * as vscode from 'vscode';
import type { ImportProblem } from '../../core/progress/progressExport';
import type { MergeCounts } from '../../core/progress/progressMerge';
import { inertText } from '../../core/shared/text';
import type { ProgressStore } from './progressStore';
import { host } from '../platform/host';

/** Largest file read, in bytes: the core's character limit, which UTF-8 text reaches no sooner. */
const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
const FILTERS = { JSON: ['json'] };

export interface TransferDeps {
	readonly progress: ProgressStore;
	readonly log: vscode.LogOutputChannel;
}

/** The file's name, safe to show in a notification. */
const shownName = (uri: vscode.Uri): string => inertText(uri.path.slice(uri.path.lastIndexOf('/') + 1));

/** Writes the learner's progress to a file picked in a save dialog (or `arg`, a Uri); resolves with where. */
export async function exportMyProgress(deps: TransferDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
	const folder = vscode.workspace.workspaceFolders?.[0];
	const now = new Date();
	const name = `incident-lessons-progress-${now.toISOString().slice(0, 10)}.json`;
	const target = arg instanceof vscode.Uri ? arg : await vscode.window.showSaveDialog({
		title: vscode.l10n.t('Export My Progress'), filters: FILTERS, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, name) } : {}),
	});
	if (!target) {
		return undefined;
	}
	const p = deps.progress.get();
	const { exportProgressText } = await host().chunk('parsers');
	await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportProgressText(p, now)));
	const lessons = Object.keys(p.lessons).length;
	const answers = Object.values(p.lessons).reduce((n, lesson) => n + Object.keys(lesson.quizzes).length, 0);
	const cards = Object.values(p.reviews).reduce((n, lessonCards) => n + Object.keys(lessonCards).length, 0);
	deps.log.info(`Progress exported to ${target.toString()}: ${lessons} lessons, ${answers} answers, ${cards} review cards.`);
	void vscode.window.showInformationMessage(vscode.l10n.t('Progress exported to {0}: {1} lessons, {2} answers, {3} review cards.', shownName(target), lessons, answers, cards));
	return target;
}

/** The text of `source`, or why it cannot be read (missing, a folder, too large). */
async function readSource(source: vscode.Uri): Promise<{ text: string } | ImportProblem> {
	try {
		const { size, type } = await vscode.workspace.fs.stat(source);
		if ((type & vscode.FileType.File) === 0) {
			return { problem: vscode.l10n.t('it is not a file') };
		}
		if (size > MAX_IMPORT_BYTES) {
			return { problem: vscode.l10n.t('it is larger than {0} MB', MAX_IMPORT_BYTES / (1024 * 1024)) };
		}
		return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(source)) };
	} catch (e) {
		return { problem: e instanceof vscode.FileSystemError ? e.message : String(e) };
	}
}

/**
 * Merges a file picked in an open dialog (or `arg`, a Uri) into the learner's progress. A file that is not a valid
 * export is refused whole, with its name (and line), and progress is left as it was. Resolves with what was merged.
 */
export async function importProgress(deps: TransferDeps, arg?: unknown): Promise<MergeCounts | undefined> {
	const source = arg instanceof vscode.Uri ? arg : (await vscode.window.showOpenDialog({
		title: vscode.l10n.t('Import Progress'), openLabel: vscode.l10n.t('Import'), canSelectMany: false, filters: FILTERS,
	}))?.[0];
	if (!source) {
		return undefined;
	}
	const name = shownName(source);
	const read = await readSource(source);
	const { parseProgressExport } = await host().chunk('parsers');
	const parsed = 'text' in read ? parseProgressExport(read.text) : read;
	if (!('progress' in parsed)) {
		const problem = inertText(parsed.problem.slice(0, 300));
		deps.log.warn(`Import of ${source.toString()} refused: ${problem}${parsed.line !== undefined ? ` (line ${parsed.line})` : ''}`);
		void vscode.window.showErrorMessage(parsed.line !== undefined
			? vscode.l10n.t('Could not import {0} (line {1}): {2}. Your progress is unchanged.', name, parsed.line, problem)
			: vscode.l10n.t('Could not import {0}: {1}. Your progress is unchanged.', name, problem));
		return undefined;
	}
	const counts = await deps.progress.merge(parsed.progress);
	if (counts === undefined) {
		void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: your progress was saved by a newer version of Incident Lessons. Update it first.', name));
		return undefined;
	}
	deps.log.info(`Imported ${source.toString()}: ${counts.lessons} lessons, ${counts.answers} answers, ${counts.exercises} exercise records, ${counts.cards} review cards merged.`);
	void vscode.window.showInformationMessage(counts.lessons === 0
		? vscode.l10n.t('Nothing new in {0}: your progress already holds every answer in it.', name)
		: vscode.l10n.t('Merged from {0}: {1} lessons, {2} answers, {3} exercise records, {4} review cards. Later answers you already had were kept.',
			name, counts.lessons, counts.answers, counts.exercises, counts.cards));
	return counts;
}
