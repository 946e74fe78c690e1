import * as vscode from 'vscode';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { LessonPanel } from '../page/lessonPanel';
import { CONFIG_SECTION, type ExtensionConfig } from '../platform/config';
import { summarizer } from '../progress/lessonStatus';
import type { ProgressStore } from '../progress/progressStore';

interface NoticeDeps {
	readonly workspaceState: vscode.Memento;
	readonly config: () => ExtensionConfig;
	/** Opens the first onboarding lesson. */
	readonly start: () => Promise<void>;
	/** The workspaceState key set once the notice was answered with Start or Don't show again. */
	readonly answeredKey: string;
	/** The audience a lead names for people new to the team. */
	readonly newHires: string;
}

/**
 * The new-hire notification itself (Start / Later / Don't show again), loaded as a chunk only in a workspace where it
 * applies (see Onboarding.shouldShowNotice), or with the Start Onboarding command. Start joins the new-hire audience and
 * opens the first onboarding lesson.
 */
export function showOnboardingNotice(deps: NoticeDeps): void {
	const start = vscode.l10n.t('Start');
	const later = vscode.l10n.t('Later');
	const never = vscode.l10n.t('Don\'t show again');
	void vscode.window.showInformationMessage(
		vscode.l10n.t('Welcome to the team! This repository asks new members to take the onboarding security lessons. Start now?'),
		start, later, never,
	).then(async (picked) => {
		if (picked === start) {
			await deps.workspaceState.update(deps.answeredKey, true);
			await joinNewHires(deps);
			await deps.start();
		} else if (picked === never) {
			await deps.workspaceState.update(deps.answeredKey, true);
		}
		// Later, or closed: ask again next time the extension starts in this workspace.
	});
}

/** Adds the new-hire audience to the learner's audiences (user settings), so the new-hire assignments count as theirs. */
async function joinNewHires(deps: NoticeDeps): Promise<void> {
	const audiences = deps.config().audiences;
	if (!audiences.includes(deps.newHires)) {
		await vscode.workspace.getConfiguration(CONFIG_SECTION).update('audiences', [...audiences, deps.newHires], vscode.ConfigurationTarget.Global);
	}
}

interface StartDeps {
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly panel: LessonPanel;
	readonly config: () => ExtensionConfig;
}

/** Start Onboarding: the first onboarding lesson not passed yet. */
export async function startOnboarding(deps: StartDeps): Promise<void> {
	const summaryOf = summarizer(deps.progress, deps.config);
	const onboarding = (await deps.library.lessons()).filter((l) => l.meta.track === 'onboarding');
	const next = onboarding.find((l) => summaryOf(l).status !== 'passed');
	if (next) {
		await deps.panel.show(next.meta.id);
	} else {
		void vscode.window.showInformationMessage(vscode.l10n.t('You have passed every onboarding lesson. Well done!'));
	}
}
