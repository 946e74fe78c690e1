/**
 * CWE ids as scanners write them: `external/cwe/cwe-798` (CodeQL), `CWE-798: Use of Hard-coded Credentials`
 * (Semgrep), `CWE-798` or a bare `798` in a CWE taxonomy, and a link to cwe.mitre.org. Everything is turned into the
 * lessons' form, `CWE-798`. Pure.
 */

/** CWE ids have at most 4 digits today; 5 leave room. CodeQL pads them with zeros (`cwe-079`). */
const DIGITS = '0*([1-9][0-9]{0,4})';
const TAG_FORMS: readonly RegExp[] = [
	new RegExp(`^external/cwe/cwe-${DIGITS}$`, 'i'),
	new RegExp(`^cwe-${DIGITS}(?:$|[:\\s])`, 'i'),
	new RegExp(`^https?://cwe\\.mitre\\.org/data/definitions/${DIGITS}\\.html$`, 'i'),
];

/** The CWE a tag, rule code or link names, as `CWE-<n>`; undefined when it names none. */
export function cweOfTag(tag: string): string | undefined {
	const text = tag.trim().slice(0, 200);
	for (const form of TAG_FORMS) {
		const digits = form.exec(text)?.[1];
		if (digits !== undefined) {
			return `CWE-${digits}`;
		}
	}
	return undefined;
}

/** A taxon id of the CWE taxonomy (`798` or `CWE-798`) as `CWE-<n>`. */
export function cweOfTaxonId(id: string): string | undefined {
	const digits = new RegExp(`^(?:cwe-)?${DIGITS}$`, 'i').exec(id.trim())?.[1];
	return digits === undefined ? undefined : `CWE-${digits}`;
}

/** The CWE a finding's message declares at its start (`CWE-532: card number passed to a logger`), the convention for a team's own rules. */
export function cweOfMessage(message: string): string | undefined {
	const digits = new RegExp(`^CWE-${DIGITS}:`).exec(message)?.[1];
	return digits === undefined ? undefined : `CWE-${digits}`;
}

/** Short names of the weaknesses the bundled lessons and the rule table use, for messages and the coverage table. */
export const CWE_NAMES: Readonly<Record<string, string>> = {
	'CWE-22': 'path traversal',
	'CWE-78': 'OS command injection',
	'CWE-79': 'cross-site scripting',
	'CWE-89': 'SQL injection',
	'CWE-95': 'eval injection',
	'CWE-200': 'exposure of sensitive information',
	'CWE-208': 'observable timing discrepancy',
	'CWE-250': 'execution with unnecessary privileges',
	'CWE-259': 'hard-coded password',
	'CWE-269': 'improper privilege management',
	'CWE-284': 'improper access control',
	'CWE-285': 'improper authorization',
	'CWE-295': 'improper certificate validation',
	'CWE-308': 'single-factor authentication',
	'CWE-311': 'missing encryption of sensitive data',
	'CWE-312': 'cleartext storage of sensitive information',
	'CWE-319': 'cleartext transmission of sensitive information',
	'CWE-327': 'broken or risky cryptographic algorithm',
	'CWE-338': 'weak pseudo-random number generator',
	'CWE-352': 'cross-site request forgery',
	'CWE-359': 'exposure of private personal information',
	'CWE-494': 'download of code without integrity check',
	'CWE-502': 'deserialization of untrusted data',
	'CWE-522': 'insufficiently protected credentials',
	'CWE-532': 'sensitive information in a log file',
	'CWE-639': 'authorization bypass through a user-controlled key',
	'CWE-778': 'insufficient logging',
	'CWE-798': 'hard-coded credentials',
	'CWE-799': 'improper control of interaction frequency',
	'CWE-863': 'incorrect authorization',
	'CWE-1333': 'inefficient regular expression (ReDoS)',
};

/** The OWASP Top 10 2021 categories, for the coverage table. */
export const OWASP_2021: Readonly<Record<string, string>> = {
	'A01:2021': 'Broken Access Control',
	'A02:2021': 'Cryptographic Failures',
	'A03:2021': 'Injection',
	'A04:2021': 'Insecure Design',
	'A05:2021': 'Security Misconfiguration',
	'A06:2021': 'Vulnerable and Outdated Components',
	'A07:2021': 'Identification and Authentication Failures',
	'A08:2021': 'Software and Data Integrity Failures',
	'A09:2021': 'Security Logging and Monitoring Failures',
	'A10:2021': 'Server-Side Request Forgery',
};

/** `CWE-532 (sensitive information in a log file)`, or the id alone when it has no name here. */
export function describeCwe(id: string): string {
	const name = Object.hasOwn(CWE_NAMES, id) ? CWE_NAMES[id] : undefined;
	return name === undefined ? id : `${id} (${name})`;
}
