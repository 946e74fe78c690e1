/**
 * Where statements go and how they name things, checked before anything is sent: the LRS endpoint, the activity
 * base and the account home page must be absolute https IRIs (plain http only to this machine's loopback, for a
 * local LRS), and credentials become an `Authorization` header without ever being part of a URL. Pure.
 */
import type { XapiProfile } from './statements';

/** An LRS to send to: its statements resource's parent (ends with `/`) and the `Authorization` header value. */
export interface LrsTarget {
	readonly endpoint: string;
	readonly authorization: string;
}

/** The project's own address: activity ids are made under it unless a lead chooses a base. */
export const DEFAULT_ACTIVITY_BASE = 'https://github.com/incident-lessons/incident-lessons/xapi/';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The URL with a trailing slash, or a one-line reason it cannot be used: not absolute, not http(s), http to a host
 * other than loopback (credentials and results would cross the network in clear), or user info in the URL.
 */
export function checkIri(text: string, what: string): { iri: string } | { problem: string } {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return { problem: `${what} is not an absolute URL` };
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
		return { problem: `${what} must be https (plain http only to 127.0.0.1 or localhost)` };
	}
	if (url.username !== '' || url.password !== '') {
		return { problem: `${what} must not hold credentials; give them separately` };
	}
	if (url.search !== '' || url.hash !== '') {
		return { problem: `${what} must not have a query or fragment` };
	}
	const iri = url.href;
	return { iri: iri.endsWith('/') ? iri : `${iri}/` };
}

/** The profile from the lead's settings or flags, or the first problem with them. */
export function readProfile(input: { activityBase: string; homePage: string; useEmail?: boolean }): { profile: XapiProfile } | { problem: string } {
	const base = checkIri(input.activityBase, 'the activity base');
	if ('problem' in base) {
		return base;
	}
	const home = checkIri(input.homePage, 'the account home page');
	if ('problem' in home) {
		return home;
	}
	return { profile: { activityBase: base.iri, homePage: home.iri.replace(/\/$/, ''), ...(input.useEmail === true ? { useEmail: true } : {}) } };
}

/** Longest credentials accepted (a key and secret are tens of characters; a token a few kB at most). */
export const MAX_CREDENTIALS_LENGTH = 8192;

/**
 * The `Authorization` header for credentials written `key:secret` (Basic) or already as `Basic …`/`Bearer …`,
 * or a problem (empty, too long, or holding line breaks or controls that could split a header). The
 * credentials never appear in the problem.
 */
export function authorizationFor(credentials: string): { authorization: string } | { problem: string } {
	const text = credentials.trim();
	if (text === '' || text.length > MAX_CREDENTIALS_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
		return { problem: 'LRS credentials must be key:secret (or a Basic/Bearer header value) on one line' };
	}
	if (/^(Basic|Bearer) \S+$/.test(text)) {
		return { authorization: text };
	}
	if (!text.includes(':')) {
		return { problem: 'LRS credentials must be key:secret (or a Basic/Bearer header value) on one line' };
	}
	const bytes = new TextEncoder().encode(text);
	return { authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

/** The target for an endpoint and credentials, or the first problem with either. */
export function lrsTarget(endpoint: string, credentials: string): { target: LrsTarget } | { problem: string } {
	const checked = checkIri(endpoint, 'the LRS endpoint');
	if ('problem' in checked) {
		return checked;
	}
	const auth = authorizationFor(credentials);
	return 'problem' in auth ? auth : { target: { endpoint: checked.iri, authorization: auth.authorization } };
}
