/** Array helpers. Pure. */

/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument, on the stack,
 * and throws a RangeError past about a hundred thousand items, which hostile input reaches easily.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
	for (const item of items) {
		target.push(item);
	}
}
