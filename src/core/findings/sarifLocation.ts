/**
 * Where a SARIF result says its finding is, made safe to print: the URI is never opened or followed. Only file
 * locations are accepted (a relative reference, or a `file:` URI); any other scheme (`command:`, `https:`,
 * `vscode:`), a `..` segment (percent-encoded too), control characters or a very long URI are refused with a
 * reason. Pure.
 */

/** Longer artifact URIs are refused: real paths are far shorter, and every one is printed. */
export const MAX_URI_LENGTH = 2000;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export type SafeLocation = { readonly path: string } | { readonly problem: string };

function decode(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/** The path part of a `file:` URI: `file:///a/b`, `file://localhost/a/b`, `file:/a/b`; another host is refused. */
function filePath(uri: string): string | undefined {
	const rest = uri.slice('file:'.length);
	if (!rest.startsWith('//')) {
		return rest;
	}
	const slash = rest.indexOf('/', 2);
	const host = rest.slice(2, slash < 0 ? rest.length : slash).toLowerCase();
	return host === '' || host === 'localhost' ? (slash < 0 ? '/' : rest.slice(slash)) : undefined;
}

/**
 * The path of an artifact URI, relative to `root` (a `/`-separated absolute path, the folder the command runs in)
 * when it is inside it, else as found. Relative URIs (CodeQL's `%SRCROOT%` ones) are taken as relative to the
 * project; the base's own value in the log is not used.
 */
export function safeArtifactPath(uri: string, root: string): SafeLocation {
	if (uri.length > MAX_URI_LENGTH) {
		return { problem: `the location URI is longer than ${MAX_URI_LENGTH} characters` };
	}
	const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
	let raw = uri;
	if (scheme !== undefined && scheme.length > 1) {
		if (scheme !== 'file') {
			return { problem: `a "${scheme}:" URI is not a file location` };
		}
		const found = filePath(uri);
		if (found === undefined) {
			return { problem: 'a file: URI on another host is not a local file' };
		}
		raw = found;
	}
	const decoded = decode(raw.replace(/[?#].*$/s, ''));
	if (decoded === undefined) {
		return { problem: 'the location URI has a malformed percent escape' };
	}
	if (CONTROL.test(decoded)) {
		return { problem: 'the location has control characters' };
	}
	// A Windows path (`file:///C:/src/a.js`, `C:\\src\\a.js`) loses the slash before its drive letter.
	const slashed = decoded.replace(/\\/g, '/').replace(/^\/(?=[a-z]:\/)/i, '');
	const segments = slashed.split('/');
	if (segments.includes('..')) {
		return { problem: 'the location climbs out of its folder with ".."' };
	}
	const parts = segments.filter((s) => s !== '' && s !== '.');
	if (parts.length === 0) {
		return { problem: 'the location names no file' };
	}
	const absolute = slashed.startsWith('/');
	const path = `${absolute ? '/' : ''}${parts.join('/')}`;
	const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
	return { path: base !== '' && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path };
}
