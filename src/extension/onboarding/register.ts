import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import { Onboarding } from './onboarding';
import { startOnboarding } from './onboardingNotice';
import type { Services } from '../services';
import type { Team } from '../team/register';

/** The new-hire path: the walkthrough's context key, the one-time suggestion, and Start Onboarding. */
export function registerOnboarding(services: Services, team: Pick<Team, 'assigned'>): vscode.Disposable {
	const { context, library, progress, panel, config, trust } = services;
	const start = (): Promise<void> => startOnboarding({ library, progress, panel, config });
	const onboarding = new Onboarding({ workspaceState: context.workspaceState, library, progress, assigned: team.assigned, trust, config, start });
	void onboarding.updateContext();
	void onboarding.showNoticeIfDue();
	return vscode.Disposable.from(onboarding, vscode.commands.registerCommand(Command.StartOnboarding, start));
}
