import * as vscode from 'vscode';
import { CONFIG_SECTION, type ExtensionConfig } from './config';

interface SuggestionDeps {
	readonly workspaceState: vscode.Memento;
	readonly config: () => ExtensionConfig;
	/** Opens the first onboarding lesson. */
	readonly start: () => Promise<void>;
	/** The workspaceState key set once the suggestion was answered with Start or Don't show again. */
	readonly suggestedKey: string;
	/** The audience a lead names for people new to the team. */
	readonly newHires: string;
}

/**
 * The new-hire suggestion itself (Start / Later / Don't show again), loaded as a chunk only in a workspace where it
 * applies (see Onboarding.shouldSuggest). Start joins the new-hire audience and opens the first onboarding lesson.
 */
export function suggestOnboarding(deps: SuggestionDeps): void {
	const start = vscode.l10n.t('Start');
	const later = vscode.l10n.t('Later');
	const never = vscode.l10n.t('Don\'t show again');
	void vscode.window.showInformationMessage(
		vscode.l10n.t('Welcome to the team! This repository asks new members to take the onboarding security lessons. Start now?'),
		start, later, never,
	).then(async (picked) => {
		if (picked === start) {
			await deps.workspaceState.update(deps.suggestedKey, true);
			await joinNewHires(deps);
			await deps.start();
		} else if (picked === never) {
			await deps.workspaceState.update(deps.suggestedKey, true);
		}
		// Later, or closed: ask again next time the extension starts in this workspace.
	});
}

/** Adds the new-hire audience to the learner's audiences (user settings), so the new-hire assignments count as theirs. */
async function joinNewHires(deps: SuggestionDeps): Promise<void> {
	const audiences = deps.config().audiences;
	if (!audiences.includes(deps.newHires)) {
		await vscode.workspace.getConfiguration(CONFIG_SECTION).update('audiences', [...audiences, deps.newHires], vscode.ConfigurationTarget.Global);
	}
}
