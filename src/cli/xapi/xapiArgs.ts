/** Arguments of `incident-lessons xapi` → what to do. */
import { parseArgs } from 'node:util';
import { LESSON_LOCALES } from '../../core/lessons/lesson';
import { DEFAULT_ACTIVITY_BASE } from '../../core/xapi/lrsConfig';

export interface XapiCommand {
	readonly kind: 'xapi';
	/** Report files and folders (searched for `*.json`). */
	readonly paths: readonly string[];
	/** The account home page actors are named under (the company's sign-in system). */
	readonly homePage: string;
	/** The IRI activity ids are made under. */
	readonly activityBase: string;
	/** The lessons' language (reports do not record it). */
	readonly language: string;
	/** Send to this LRS instead of printing; credentials come from the environment only. */
	readonly lrs?: string;
}

/** Where `--lrs` takes its credentials from: never from the command line, where `ps` and shell history show them. */
export const LRS_AUTH_ENV = 'INCIDENT_LESSONS_LRS_AUTH';

export const XAPI_USAGE = `  incident-lessons xapi <file|dir>... --home-page <url> [--base <url>] [--lang en|ja] [--lrs <endpoint>]
                                        learners' reports as xAPI statements (a JSON array), or sent to an
                                        LRS with credentials from ${LRS_AUTH_ENV} (key:secret)`;

type Usage = { readonly kind: 'usageError'; readonly message: string };

/** Reads the arguments after `xapi` with Node's own option parser; `--` ends the options. Credentials as an option are refused. */
export function parseXapiArgs(args: readonly string[]): XapiCommand | Usage {
	const options = args.slice(0, args.includes('--') ? args.indexOf('--') : args.length);
	if (options.some((arg) => /^--(auth|key|secret|password|token|user)/.test(arg))) {
		return { kind: 'usageError', message: `xapi takes LRS credentials only from ${LRS_AUTH_ENV}, never as an option` };
	}
	let parsed;
	try {
		parsed = parseArgs({
			args: [...args], allowPositionals: true, strict: true,
			options: { 'home-page': { type: 'string' }, base: { type: 'string' }, lang: { type: 'string' }, lrs: { type: 'string' } },
		});
	} catch (error) {
		return { kind: 'usageError', message: `xapi: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}` };
	}
	const paths = parsed.positionals;
	const values = new Map(Object.entries(parsed.values).map(([name, value]) => [`--${name}`, value]));
	if (paths.length === 0) {
		return { kind: 'usageError', message: 'xapi needs at least one report file or folder' };
	}
	const homePage = values.get('--home-page');
	if (homePage === undefined) {
		return { kind: 'usageError', message: 'xapi needs --home-page <url>: the sign-in system learners are named under (e.g. https://sso.example.com)' };
	}
	const language = values.get('--lang') ?? 'en';
	if (!(LESSON_LOCALES as readonly string[]).includes(language)) {
		return { kind: 'usageError', message: `xapi --lang must be one of ${LESSON_LOCALES.join(', ')}` };
	}
	const lrs = values.get('--lrs');
	return { kind: 'xapi', paths, homePage, activityBase: values.get('--base') ?? DEFAULT_ACTIVITY_BASE, language, ...(lrs !== undefined ? { lrs } : {}) };
}
