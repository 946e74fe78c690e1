import * as vscode from 'vscode';
import { localDate } from '../../core/team/dueDates';
import { inertText } from '../../core/shared/text';
import type { LessonStatus } from '../../protocol';
import type { AssignedLessons } from '../team/assignedLessons';
import type { ExtensionConfig } from '../platform/config';
import { dueText } from '../team/dueLabels';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { statusText } from '../tree/lessonNodes';
import type { LessonPanel } from '../page/lessonPanel';
import { summarizer } from './lessonStatus';
import type { ProgressStore } from './progressStore';
import type { TrustGate } from '../platform/trustGate';

interface PickDeps {
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly panel: LessonPanel;
	readonly config: () => ExtensionConfig;
	readonly assigned: AssignedLessons;
	readonly trust: TrustGate;
}

const ICONS: Readonly<Record<LessonStatus, string>> = {
	notStarted: '$(circle-large-outline)', inProgress: '$(circle-large-filled)', passed: '$(pass-filled)', failed: '$(debug-restart)',
};

interface LessonPick extends vscode.QuickPickItem {
	readonly id: string;
}

/** Shows a pick without holding the command open (the walkthrough and tests only need it shown); a choice opens the lesson. */
function offer(deps: PickDeps, items: LessonPick[], title: string): void {
	void vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Open a lesson'), matchOnDescription: true, matchOnDetail: true })
		.then((picked) => picked ? deps.panel.show(picked.id) : undefined);
}

/** Show My Progress: every lesson with its status and score, passed ones counted in the title. */
export async function showProgress(deps: PickDeps): Promise<void> {
	const lessons = await deps.library.lessons();
	const summaryOf = summarizer(deps.progress, deps.config);
	let passed = 0;
	const items = lessons.map((lesson): LessonPick => {
		const summary = summaryOf(lesson);
		passed += summary.status === 'passed' ? 1 : 0;
		const score = summary.answered > 0 ? ` · ${summary.score}%` : '';
		return { label: `${ICONS[summary.status]} ${inertText(lesson.meta.title)}`, description: `${statusText(summary.status)}${score}`, id: lesson.meta.id };
	});
	offer(deps, items, vscode.l10n.t('Your progress: {0} of {1} lessons passed', passed, lessons.length));
}

/** Show Assigned Lessons: the learner's assigned lessons by due date (or why there are none). */
export async function showAssigned(deps: PickDeps): Promise<void> {
	await vscode.commands.executeCommand('incidentLessons.lessons.focus');
	if (!deps.trust.checkTrusted()) {
		return;
	}
	const { items, done, total } = await deps.assigned.progressToday();
	if (total === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Nothing is assigned to you in this workspace. A team lead assigns lessons in .incident-lessons/assignments.json.'));
		return;
	}
	const summaryOf = summarizer(deps.progress, deps.config);
	const today = localDate(new Date());
	const picks = items.map((item): LessonPick => {
		const summary = summaryOf(item.lesson);
		const when = summary.status === 'passed' ? vscode.l10n.t('done') : dueText(item.due, today);
		return { label: `${ICONS[summary.status]} ${inertText(item.lesson.meta.title)}`, description: when, detail: item.note === undefined ? undefined : inertText(item.note), id: item.lessonId };
	});
	offer(deps, picks, vscode.l10n.t('Assigned lessons: {0} of {1} done', done, total));
}
