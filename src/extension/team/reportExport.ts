import * as vscode from 'vscode';
import { ASSIGNMENTS_PATH } from '../../core/shared/paths';
import { localDate } from '../../core/team/dueDates';
import { formatReportSummary, type ReportSummaryLabels } from '../../core/team/reportSummary';
import type { ProgressReport } from '../../core/team/learnerReport';
import { inertText } from '../../core/shared/text';
import type { AssignedLessons } from './assignedLessons';
import type { ExtensionConfig } from '../platform/config';
import { host } from '../platform/host';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { ProgressStore } from '../progress/progressStore';
import type { TrustGate } from '../platform/trustGate';
import { exists } from '../platform/workspaceFs';

/** Where reports go by default, relative to the workspace folder (committed, or handed in). */
export const REPORTS_PATH = '.incident-lessons/reports';

export interface ExportDeps {
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly config: () => ExtensionConfig;
	readonly assigned: AssignedLessons;
	readonly trust: TrustGate;
	readonly extensionVersion: string;
	readonly log: vscode.LogOutputChannel;
}

function summaryLabels(): ReportSummaryLabels {
	return {
		heading: vscode.l10n.t('Security lessons: progress report'),
		byline: vscode.l10n.t('{0} · written {1}'),
		passedCount: vscode.l10n.t('{0} of {1} lessons passed.'),
		assignedCount: vscode.l10n.t('Assigned: {0} of {1} done, {2} overdue.'),
		assignedHeading: vscode.l10n.t('Assigned lessons'),
		otherHeading: vscode.l10n.t('Other lessons started'),
		lessonColumn: vscode.l10n.t('Lesson'),
		dueColumn: vscode.l10n.t('Due'),
		statusColumn: vscode.l10n.t('Status'),
		scoreColumn: vscode.l10n.t('Score'),
		attemptsColumn: vscode.l10n.t('Attempts'),
		lastAnswerColumn: vscode.l10n.t('Last answer'),
		overdue: vscode.l10n.t('overdue'),
		statuses: {
			notStarted: vscode.l10n.t('Not started'),
			inProgress: vscode.l10n.t('In progress'),
			passed: vscode.l10n.t('Passed'),
			failed: vscode.l10n.t('Below the pass mark: try again'),
		},
		noneStarted: vscode.l10n.t('No other lesson started yet.'),
	};
}

/** A file name from a person's name: letters and digits of any script, joined by hyphens. */
export function fileStem(name: string): string {
	return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'learner';
}

export async function askName(folder: vscode.WorkspaceFolder | undefined, trust: TrustGate): Promise<string | undefined> {
	const fromGit = await host().gitUserName(folder?.uri, trust.isTrusted);
	if (fromGit) {
		return fromGit;
	}
	const typed = await vscode.window.showInputBox({
		title: vscode.l10n.t('Export Progress Report'), prompt: host().runsProcesses
			? vscode.l10n.t('Your name, as your team lead knows you (git has no user.name)')
			: vscode.l10n.t('Your name, as your team lead knows you (git\'s user.name cannot be read in the browser)'),
		validateInput: (v) => v.trim() === '' ? vscode.l10n.t('Write your name.') : undefined,
	});
	return typed?.trim() || undefined;
}

/** The first of `<stem>-2.md`, `<stem>-3.md`, … that does not exist yet (undefined after 99 tries). */
async function freeName(markdown: vscode.Uri): Promise<vscode.Uri | undefined> {
	const stem = markdown.path.replace(/\.md$/i, '');
	for (let n = 2; n < 100; n++) {
		const candidate = markdown.with({ path: `${stem}-${n}.md` });
		if (!await exists(candidate)) {
			return candidate;
		}
	}
	return undefined;
}

/**
 * Where the Markdown summary goes: next to the JSON, unless a file is already there. The save dialog asked only
 * about the JSON, so that file is never replaced silently: the learner is asked (Replace, Keep Both or cancel), and
 * a call with a given URI (no one to ask) keeps both. Undefined: cancelled, or no free name.
 */
async function summaryTarget(markdown: vscode.Uri, canAsk: boolean): Promise<vscode.Uri | undefined> {
	if (!await exists(markdown)) {
		return markdown;
	}
	if (!canAsk) {
		return freeName(markdown);
	}
	const replace = vscode.l10n.t('Replace');
	const keepBoth = vscode.l10n.t('Keep Both');
	const name = inertText(markdown.path.slice(markdown.path.lastIndexOf('/') + 1));
	const picked = await vscode.window.showWarningMessage(
		vscode.l10n.t('{0} already exists next to the report. Replace it with the new summary?', name), { modal: true }, replace, keepBoth);
	return picked === replace ? markdown : picked === keepBoth ? freeName(markdown) : undefined;
}

/** The learner's progress report as of `now`, as Export Progress Report writes it. */
export async function learnerReport(deps: ExportDeps, learner: string, now: Date): Promise<ProgressReport> {
	const folder = vscode.workspace.workspaceFolders?.[0];
	const lessons = await deps.library.lessons();
	const { items } = deps.trust.isTrusted ? await deps.assigned.get() : { items: [] };
	const { buildReport } = await host().chunk('parsers');
	return buildReport({
		learner, now, passMark: deps.config().passMark, progress: deps.progress.get(), toolVersion: deps.extensionVersion,
		lessons: lessons.map((l) => ({ id: l.meta.id, title: l.meta.title, track: l.meta.track, origin: deps.library.originOf(l.meta.id), quizIds: [...l.quizIds], ...(l.exerciseIds ? { exerciseIds: [...l.exerciseIds] } : {}) })),
		assigned: { file: ASSIGNMENTS_PATH, lessons: items },
		...(folder ? { workspace: folder.name } : {}),
	});
}

/**
 * Export Progress Report: writes the learner's progress as versioned JSON (for `incident-lessons report`) and a
 * Markdown summary next to it. The name comes from git or a prompt, the place from a save dialog (default
 * `.incident-lessons/reports/<name>.json`); `{ learner, uri }` skips both. An existing summary is not overwritten
 * without asking (see summaryTarget). Resolves with the JSON file's URI.
 */
export async function exportReport(deps: ExportDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
	const given = typeof arg === 'object' && arg !== null ? arg as { learner?: unknown; uri?: unknown } : {};
	const folder = vscode.workspace.workspaceFolders?.[0];
	const learner = typeof given.learner === 'string' && given.learner.trim() !== '' ? given.learner.trim() : await askName(folder, deps.trust);
	if (!learner) {
		return undefined;
	}
	const defaultUri = folder ? vscode.Uri.joinPath(folder.uri, REPORTS_PATH, `${fileStem(learner)}.json`) : undefined;
	const target = given.uri instanceof vscode.Uri ? given.uri : await vscode.window.showSaveDialog({
		title: vscode.l10n.t('Export Progress Report'), filters: { JSON: ['json'] }, ...(defaultUri ? { defaultUri } : {}),
	});
	if (!target) {
		return undefined;
	}
	const markdown = await summaryTarget(target.with({ path: target.path.replace(/(\.json)?$/i, '.md') }), !(given.uri instanceof vscode.Uri));
	if (!markdown) {
		return undefined;
	}
	const now = new Date();
	const report = await learnerReport(deps, learner, now);
	await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
	await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(report, undefined, '\t')}\n`));
	await vscode.workspace.fs.writeFile(markdown, new TextEncoder().encode(formatReportSummary(report, localDate(now), summaryLabels())));
	deps.log.info(`Progress report written to ${target.toString()} and ${markdown.toString()}`);
	const open = vscode.l10n.t('Open Summary');
	void vscode.window.showInformationMessage(vscode.l10n.t('Progress report written: {0}. Hand it in or commit it.', inertText(vscode.workspace.asRelativePath(target))), open)
		.then((picked) => picked === open ? vscode.window.showTextDocument(markdown) : undefined);
	return target;
}
