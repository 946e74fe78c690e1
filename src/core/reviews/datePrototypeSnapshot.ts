/**
 * The own property names of `Date.prototype` before ts-fsrs loads. ts-fsrs 5 adds deprecated helpers to
 * `Date.prototype` when it is imported; the extension host is shared with other extensions, so ./reviewScheduler
 * removes them again with this list. Import this module before ts-fsrs.
 */
export const DATE_PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Date.prototype));
