import * as vscode from 'vscode';
import { LESSON_LOCALES, type LessonLocale } from '../../core/lessons/lesson';

/** Mirrors `contributes.configuration` in package.json (one line per setting). */
export interface ExtensionConfig {
	/** Score in percent a lesson needs to count as passed. */
	readonly passMark: number;
	/** `auto` follows the VS Code display language. */
	readonly lessonLanguage: 'auto' | LessonLocale;
	/** How the Lessons view groups lessons. */
	readonly groupBy: 'track' | 'incident';
	/** Audiences the learner belongs to (e.g. `new-hires`): assignments for them are theirs too. */
	readonly audiences: readonly string[];
	/** Spaced-repetition reviews: on or off, new cards per day, and the opt-in daily reminder. */
	readonly reviews: { readonly enabled: boolean; readonly newCardsPerDay: number; readonly reminder: boolean };
	/** How lessons related to the code in an editor are shown: CodeLens, a light hint at the line end, or not at all. */
	readonly suggestions: 'codeLens' | 'hint' | 'off';
	/** Offer a lesson as a Code Action on problems other tools report with a CWE id. */
	readonly findings: boolean;
	/** Reminders of assigned lessons: on or off, and how many days before the due date the first one comes. */
	readonly reminders: { readonly enabled: boolean; readonly dueSoonDays: number };
}

export const CONFIG_SECTION = 'incidentLessons';

/**
 * Settings an untrusted workspace's `.vscode/settings.json` may not set, as declared in package.json
 * (`capabilities.untrustedWorkspaces.restrictedConfigurations`): they change grading, what is loaded or what is
 * written. VS Code then ignores the workspace's values; readConfig does too whenever the trust gate says untrusted.
 */
export const RESTRICTED_SETTINGS: readonly string[] = [
	'passMark', 'lessonLanguage', 'audiences', 'reviews.enabled', 'reviews.newCardsPerDay',
	// where learning records go and who they name: read from the user's settings only, trusted or not (../xapi/lrsSettings)
	'lrs.endpoint', 'lrs.homePage', 'lrs.accountName', 'lrs.email', 'lrs.activityBase',
];

/** Reads the settings, clamping values a hand-edited settings.json may get wrong; untrusted, restricted ones come from the user only. */
export function readConfig(trusted = true): ExtensionConfig {
	const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
	const get = <T>(key: string, fallback: T): T => {
		if (trusted || !RESTRICTED_SETTINGS.includes(key)) {
			return c.get<T>(key, fallback);
		}
		const values = c.inspect<T>(key);
		return values?.globalValue ?? values?.defaultValue ?? fallback;
	};
	const passMark = get<number>('passMark', 80);
	const lessonLanguage = get<string>('lessonLanguage', 'auto');
	const groupBy = c.get<string>('groupBy', 'track');
	const audiences: unknown = get<unknown>('audiences', []);
	const newCardsPerDay = get<number>('reviews.newCardsPerDay', 20);
	const suggestions = c.get<string>('suggestions.mode', 'codeLens');
	const dueSoonDays = c.get<number>('reminders.dueSoonDays', 7);
	return {
		passMark: Number.isFinite(passMark) ? Math.min(100, Math.max(0, passMark)) : 80,
		lessonLanguage: (LESSON_LOCALES as readonly string[]).includes(lessonLanguage) ? lessonLanguage as LessonLocale : 'auto',
		groupBy: groupBy === 'incident' ? 'incident' : 'track',
		audiences: Array.isArray(audiences) ? audiences.filter((a): a is string => typeof a === 'string').map((a) => a.trim().toLowerCase()) : [],
		reviews: {
			enabled: get<boolean>('reviews.enabled', true) !== false,
			newCardsPerDay: Number.isFinite(newCardsPerDay) ? Math.min(500, Math.max(0, Math.floor(newCardsPerDay))) : 20,
			reminder: c.get<boolean>('reviews.reminder', false) === true,
		},
		suggestions: suggestions === 'hint' || suggestions === 'off' ? suggestions : 'codeLens',
		findings: c.get<boolean>('findings.codeActions', true) !== false,
		reminders: {
			enabled: c.get<boolean>('reminders.enabled', true) !== false,
			dueSoonDays: Number.isFinite(dueSoonDays) ? Math.min(60, Math.max(0, Math.floor(dueSoonDays))) : 7,
		},
	};
}

/** The locale lessons are shown in: the setting, else VS Code's display language, else English. */
export function lessonLocale(config: ExtensionConfig): LessonLocale {
	if (config.lessonLanguage !== 'auto') {
		return config.lessonLanguage;
	}
	const display = vscode.env.language.toLowerCase().split('-')[0] ?? 'en';
	return (LESSON_LOCALES as readonly string[]).includes(display) ? display as LessonLocale : 'en';
}
