/**
 * The learner's shuffle seed: a random id made once per workspace and kept next to that workspace's progress (in
 * globalState, like it), so each learner sees quiz choices in an order of their own that survives reloads, and
 * every window on the workspace sees the same one. Not a secret and not an identity: it only seeds ../../core/page/shuffle.
 */
import type { ProgressMemento } from './storedCopy';

const KEY_PREFIX = 'incidentLessons.learnerSeed:';
const SEED_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The seed stored for `workspaceId`, or a new one, stored on the way (a failed write is passed to `onError`; the
 * new seed is still used for this window).
 */
export function learnerSeed(shared: ProgressMemento, workspaceId: string, onError: (error: unknown) => void): string {
	const key = `${KEY_PREFIX}${workspaceId}`;
	const stored = shared.get(key);
	if (typeof stored === 'string' && SEED_PATTERN.test(stored)) {
		return stored;
	}
	const seed = globalThis.crypto.randomUUID();
	Promise.resolve(shared.update(key, seed)).catch(onError);
	return seed;
}
