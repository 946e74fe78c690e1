import * as vscode from 'vscode';
import { CONFIG_SECTION, type ExtensionConfig } from './config';
import { Disposable } from './dispose';
import type { AssignedLessons } from './assignedLessons';
import type { LessonLibrary } from './lessonLibrary';
import { summarize } from './lessonStatus';
import type { ProgressStore } from './progressStore';
import type { TrustGate } from './trustGate';

/** The audience a lead names for people new to the team. */
export const NEW_HIRES = 'new-hires';
/** Set once the suggestion was answered with Start or Don't show again in this workspace. */
const SUGGESTED_KEY = 'incidentLessons.onboardingSuggested';
/** The walkthrough's "take the first onboarding lesson" step completes on this context key. */
const STARTED_CONTEXT = 'incidentLessons:onboardingStarted';

interface OnboardingDeps {
	readonly workspaceState: vscode.Memento;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly assigned: AssignedLessons;
	readonly trust: TrustGate;
	readonly config: () => ExtensionConfig;
	readonly start: () => Promise<void>;
}

/**
 * The new-hire path: keeps the walkthrough's `incidentLessons:onboardingStarted` context key true once any
 * onboarding lesson has an answer, and, in a workspace whose assignments name `new-hires`, suggests the
 * onboarding track once (Start / Later / Don't show again).
 */
export class Onboarding extends Disposable {
	constructor(private readonly deps: OnboardingDeps) {
		super();
		this.register(deps.progress.onDidChange(() => void this.updateContext()));
		this.register(deps.library.onDidChange(() => void this.updateContext()));
	}

	/** True once an onboarding lesson has at least one answer. */
	async hasStarted(): Promise<boolean> {
		const progress = this.deps.progress.get();
		const passMark = this.deps.config().passMark;
		return (await this.deps.library.lessons()).some((l) => l.meta.track === 'onboarding' && summarize(l, progress, passMark).answered > 0);
	}

	/** Sets `incidentLessons:onboardingStarted`, on which the walkthrough's second step completes. */
	async updateContext(): Promise<void> {
		await vscode.commands.executeCommand('setContext', STARTED_CONTEXT, await this.hasStarted());
	}

	/** Whether the suggestion applies now: trusted, not answered before, a `new-hires` assignment, onboarding not started. */
	async shouldSuggest(): Promise<boolean> {
		if (!this.deps.trust.isTrusted || this.deps.workspaceState.get(SUGGESTED_KEY) === true) {
			return false;
		}
		const { documents } = await this.deps.assigned.get();
		const forNewHires = documents.some(({ document }) => document.assignments.some((a) => a.audience === NEW_HIRES));
		return forNewHires && !await this.hasStarted();
	}

	/** Shows the suggestion when it applies. Resolves when it is shown (not when it is answered). */
	async maybeSuggest(): Promise<void> {
		if (!await this.shouldSuggest()) {
			return;
		}
		const start = vscode.l10n.t('Start');
		const later = vscode.l10n.t('Later');
		const never = vscode.l10n.t('Don\'t show again');
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Welcome to the team! This repository asks new members to take the onboarding security lessons. Start now?'),
			start, later, never,
		).then(async (picked) => {
			if (picked === start) {
				await this.deps.workspaceState.update(SUGGESTED_KEY, true);
				await this.joinNewHires();
				await this.deps.start();
			} else if (picked === never) {
				await this.deps.workspaceState.update(SUGGESTED_KEY, true);
			}
			// Later, or closed: ask again next time the extension starts in this workspace.
		});
	}

	/** Adds `new-hires` to the learner's audiences (user settings), so the new-hire assignments count as theirs. */
	private async joinNewHires(): Promise<void> {
		const audiences = this.deps.config().audiences;
		if (!audiences.includes(NEW_HIRES)) {
			await vscode.workspace.getConfiguration(CONFIG_SECTION).update('audiences', [...audiences, NEW_HIRES], vscode.ConfigurationTarget.Global);
		}
	}
}
