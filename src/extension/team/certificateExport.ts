import * as vscode from 'vscode';
import { certificateHtml, lessonContentText, type CertificateLabels, type CertificateLesson } from '../../core/audit/certificate';
import { progressSince } from '../../core/team/cycles';
import { localDate } from '../../core/team/dueDates';
import { ownEntry } from '../../core/shared/records';
import { inertText } from '../../core/shared/text';
import { askName, fileStem, learnerReport, REPORTS_PATH, type ExportDeps } from './reportExport';

/** The certificate's words in the display language (the `{n}` markers stay for the page to fill). */
function certificateLabels(): CertificateLabels {
	return {
		lang: vscode.env.language,
		title: vscode.l10n.t('Certificate of completion'),
		subtitle: vscode.l10n.t('Security lessons from real incidents'),
		passedInCycle: vscode.l10n.t('passed every assigned lesson in the training cycle {0} to {1}, each at or above the pass mark of {2}%.', '{0}', '{1}', '{2}'),
		passedByDue: vscode.l10n.t('passed every assigned lesson for the assignment due {0}, each at or above the pass mark of {1}%.', '{0}', '{1}'),
		lesson: vscode.l10n.t('Lesson'),
		score: vscode.l10n.t('Score'),
		passedOn: vscode.l10n.t('Passed on'),
		contentHash: vscode.l10n.t('Lesson content SHA-256'),
		madeFrom: vscode.l10n.t('Made from the progress report {0}, SHA-256 {1}.', '{0}', '{1}'),
		howToCheck: vscode.l10n.t('To check: the report file\'s SHA-256 must match (for example {0}), and {1} on it must show the same lessons passed.', '{0}', '{1}'),
		written: vscode.l10n.t('Written {0}{1}. A self-reported record of completion: evidence as reported, not proof.', '{0}', '{1}'),
	};
}

/** SHA-256 of `bytes` as lowercase hex (Web Crypto: the same in the desktop and the web extension host). */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Export Certificate…: once every assigned lesson is passed (in its current cycle, for a recurring assignment),
 * writes a certificate of completion as HTML and, next to it, the progress report it was made from
 * (`<name>-report.json`, whose SHA-256 the certificate carries). `{ learner, uri }` skips the name prompt and the
 * save dialog. Resolves with the certificate's URI, or undefined when nothing was written.
 */
export async function exportCertificate(deps: ExportDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
	const { items } = deps.trust.isTrusted ? await deps.assigned.get() : { items: [] };
	if (items.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Nothing is assigned to you in this workspace, so there is no certificate to write.'));
		return undefined;
	}
	const summaries = items.map((item) => deps.assigned.summaryOf(item));
	const passed = summaries.filter((s) => s.status === 'passed').length;
	if (passed < items.length) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Pass every assigned lesson first: {0} of {1} passed.', passed, items.length));
		return undefined;
	}
	const given = typeof arg === 'object' && arg !== null ? arg as { learner?: unknown; uri?: unknown } : {};
	const folder = vscode.workspace.workspaceFolders?.[0];
	const learner = typeof given.learner === 'string' && given.learner.trim() !== '' ? given.learner.trim() : await askName(folder, deps.trust);
	if (!learner) {
		return undefined;
	}
	const defaultUri = folder ? vscode.Uri.joinPath(folder.uri, REPORTS_PATH, `${fileStem(learner)}-certificate.html`) : undefined;
	const target = given.uri instanceof vscode.Uri ? given.uri : await vscode.window.showSaveDialog({
		title: vscode.l10n.t('Export Certificate'), filters: { HTML: ['html'] }, ...(defaultUri ? { defaultUri } : {}),
	});
	if (!target) {
		return undefined;
	}
	const reportUri = target.with({ path: `${target.path.replace(/(\.html?)?$/i, '')}-report.json` });
	const now = new Date();
	const reportBytes = new TextEncoder().encode(`${JSON.stringify(await learnerReport(deps, learner, now), undefined, '\t')}\n`);
	const parsed = new Map((await deps.library.getMany(items.map((i) => i.lessonId))).map((l) => [l.meta.id, l]));
	const lessons: CertificateLesson[] = [];
	for (const [index, item] of items.entries()) {
		const lesson = parsed.get(item.lessonId);
		const stored = ownEntry(deps.progress.get().lessons, item.lessonId);
		const counted = item.cycle ? progressSince(stored, item.cycle.start, (iso) => localDate(new Date(iso))) : stored;
		lessons.push({
			id: item.lessonId, title: item.lesson.meta.title, score: summaries[index]?.score ?? 0,
			passedOn: counted ? localDate(new Date(counted.updatedAt)) : '',
			contentSha256: lesson ? await sha256Hex(new TextEncoder().encode(lessonContentText(lesson))) : '',
		});
	}
	const cycle = items[0]?.cycle;
	const sameCycle = cycle && items.every((i) => i.cycle?.start === cycle.start && i.cycle.end === cycle.end);
	const html = certificateHtml({
		learner, generatedAt: now.toISOString(), passMark: deps.config().passMark, lessons,
		due: items.map((i) => i.due).sort().at(-1) ?? '',
		...(sameCycle ? { cycle: { start: cycle.start, end: cycle.end } } : {}),
		report: { file: reportUri.path.slice(reportUri.path.lastIndexOf('/') + 1), sha256: await sha256Hex(reportBytes) },
		...(deps.extensionVersion ? { toolVersion: deps.extensionVersion } : {}),
		labels: certificateLabels(),
	});
	await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
	await vscode.workspace.fs.writeFile(reportUri, reportBytes);
	await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
	deps.log.info(`Certificate written to ${target.toString()} with its report ${reportUri.toString()}`);
	const open = vscode.l10n.t('Open in Browser');
	void vscode.window.showInformationMessage(vscode.l10n.t('Certificate written: {0}, with the report it was made from.', inertText(vscode.workspace.asRelativePath(target))), open)
		.then((picked) => picked === open ? vscode.env.openExternal(target) : undefined);
	return target;
}
