import * as vscode from 'vscode';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { AssignedLessons } from '../team/assignedLessons';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { summarizer } from '../progress/lessonStatus';
import type { ProgressStore } from '../progress/progressStore';
import type { TrustGate } from '../platform/trustGate';

/** The audience a lead names for people new to the team. */
export const NEW_HIRES = 'new-hires';
/** Set once the notice was answered with Start or Don't show again in this workspace (the stored name is kept). */
const NOTICE_ANSWERED_KEY = 'incidentLessons.onboardingSuggested';
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
 * onboarding lesson has an answer, and, in a workspace whose assignments name `new-hires`, offers the
 * onboarding track once in a notice (Start / Later / Don't show again).
 */
export class Onboarding extends Disposable {
	constructor(private readonly deps: OnboardingDeps) {
		super();
		this.register(deps.progress.onDidChange(() => void this.updateContext()));
		this.register(deps.library.onDidChange(() => void this.updateContext()));
	}

	/** True once an onboarding lesson has at least one answer. */
	async hasStarted(): Promise<boolean> {
		const summaryOf = summarizer(this.deps.progress, this.deps.config);
		return (await this.deps.library.lessons()).some((l) => l.meta.track === 'onboarding' && summaryOf(l).answered > 0);
	}

	/** Sets `incidentLessons:onboardingStarted`, on which the walkthrough's second step completes. */
	async updateContext(): Promise<void> {
		await vscode.commands.executeCommand('setContext', STARTED_CONTEXT, await this.hasStarted());
	}

	/** Whether the notice applies now: trusted, not answered before, a `new-hires` assignment, onboarding not started. */
	async shouldShowNotice(): Promise<boolean> {
		if (!this.deps.trust.isTrusted || this.deps.workspaceState.get(NOTICE_ANSWERED_KEY) === true) {
			return false;
		}
		const { documents } = await this.deps.assigned.get();
		const forNewHires = documents.some(({ document }) => document.assignments.some((a) => a.audience === NEW_HIRES));
		return forNewHires && !await this.hasStarted();
	}

	/** Shows the notification (onboardingNotice, loaded only then) when it applies. Resolves when it is shown, not answered. */
	async showNoticeIfDue(): Promise<void> {
		if (await this.shouldShowNotice()) {
			const { showOnboardingNotice } = await import('./onboardingNotice');
			showOnboardingNotice({ ...this.deps, answeredKey: NOTICE_ANSWERED_KEY, newHires: NEW_HIRES });
		}
	}
}
