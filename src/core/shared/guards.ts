/** Type guards for data that arrives untyped (parsed JSON and YAML, stored state, webview messages). Pure. */

/** Is `value` a plain object: not null and not an array? */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
