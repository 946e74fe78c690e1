/**
 * Checks on data that arrives untyped (parsed JSON and YAML, stored state, webview messages), and records keyed by
 * strings that come from it: no key, not even `__proto__`, reaches a prototype. Pure.
 */

/** Is `value` a plain object: not null and not an array? */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Is `value` a time `Date.parse` reads (stored times are ISO 8601)? */
export function isTime(value: unknown): value is string {
	return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** A record with no prototype, so any string is a safe key. */
export function createRecord<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

/** The own entry `key` of `record`, never an inherited property. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
	return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
