import * as vscode from 'vscode';
import { DEFAULT_ACTIVITY_BASE, readProfile } from '../../core/xapi/lrsConfig';
import type { XapiProfile } from '../../core/xapi/statements';
import { CONFIG_SECTION } from '../platform/config';

/** Where the LRS key and secret are kept (SecretStorage: the OS keychain), never in settings. */
export const LRS_SECRET_KEY = 'incidentLessons.lrs.credentials';

export interface LrsSettings {
	readonly endpoint: string;
	readonly profile: XapiProfile;
	/** The account name statements use; the global git user.name when empty. */
	readonly accountName: string;
	/** Set only when the lead chose e-mail actors: then statements name the learner by it. */
	readonly email?: string;
}

/**
 * The LRS settings from the user's settings only: a workspace (or folder) value is ignored whether or not the
 * workspace is trusted, since a repository must never be able to send the learner's results elsewhere. Undefined
 * while `lrs.endpoint` is empty (the default: nothing is sent); a problem when a setting cannot be used.
 */
export function readLrsSettings(): LrsSettings | { problem: string } | undefined {
	const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
	const user = (key: string): string => {
		const values = c.inspect<unknown>(key);
		const value = values?.globalValue ?? values?.defaultValue;
		return typeof value === 'string' ? value.trim() : '';
	};
	const endpoint = user('lrs.endpoint');
	if (endpoint === '') {
		return undefined;
	}
	const homePage = user('lrs.homePage');
	if (homePage === '') {
		return { problem: vscode.l10n.t('Set incidentLessons.lrs.homePage: the sign-in system learners are named under.') };
	}
	const email = user('lrs.email');
	const profile = readProfile({ activityBase: user('lrs.activityBase') || DEFAULT_ACTIVITY_BASE, homePage, useEmail: email !== '' });
	if ('problem' in profile) {
		return profile;
	}
	return { endpoint, profile: profile.profile, accountName: user('lrs.accountName'), ...(email !== '' ? { email } : {}) };
}
