import * as vscode from 'vscode';
import { authorizationFor } from '../../core/xapi/lrsConfig';
import { CONFIG_SECTION } from '../platform/config';
import { Command } from '../platform/ids';
import type { Services } from '../services';
import type { Team } from '../team/register';
import { LRS_SECRET_KEY } from './lrsSettings';
import { XapiSync } from './xapiSync';

/** The LRS feature, registered: the sync (its status text and a send now, for the tests) and its teardown. */
export interface Xapi extends vscode.Disposable {
	readonly sync: XapiSync;
	/** Stores credentials as the command does once they are typed (empty removes them). */
	readonly setCredentials: (value: string) => Promise<void>;
}

/**
 * Learning records for a company LRS (off until `incidentLessons.lrs.endpoint` is set in the user's settings):
 * the sync, the Set LRS Credentials… command, and a new look at the settings when they change.
 */
export function registerXapi(services: Services, team: Team): Xapi {
	const { context, progress, library, config, log } = services;
	const sync = new XapiSync({ storage: context.globalStorageUri, secrets: context.secrets, progress, library, assigned: team.assigned, config, log });
	const setCredentials = async (value: string): Promise<void> => {
		if (value.trim() === '') {
			await context.secrets.delete(LRS_SECRET_KEY);
			log.info('LRS credentials removed.');
		} else {
			await context.secrets.store(LRS_SECRET_KEY, value.trim());
			log.info('LRS credentials stored in the system keychain.');
		}
		void sync.sendNow();
	};
	const disposable = vscode.Disposable.from(
		sync,
		vscode.commands.registerCommand(Command.SetLrsCredentials, async () => {
			const typed = await vscode.window.showInputBox({
				title: vscode.l10n.t('Set LRS Credentials'),
				prompt: vscode.l10n.t('The LRS key and secret as key:secret (stored in the system keychain; empty removes them)'),
				password: true, ignoreFocusOut: true,
				validateInput: (v) => v.trim() === '' || !('problem' in authorizationFor(v)) ? undefined : vscode.l10n.t('Write key:secret on one line.'),
			});
			if (typed !== undefined) {
				await setCredentials(typed);
			}
		}),
		vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${CONFIG_SECTION}.lrs`) && sync.settingsChanged()),
	);
	return { sync, setCredentials, dispose: () => { disposable.dispose(); } };
}
