import type { FileEvent, Label } from './fileEvents';

// Every label the classification marks as confidential, partner folders included.
const MONITORED_LABELS: ReadonlySet<Label> = new Set<Label>(['confidential', 'confidential-shared']);
// Known bulk readers, named one by one: every other account, service accounts included, is counted.
const KNOWN_BULK_READERS: ReadonlySet<string> = new Set(['svc-backup']);

/**
 * Accounts that read more confidential files in one hour than anyone's work needs, as `account hour` → reads.
 * Every entry pages the person on call.
 */
export function bulkConfidentialReads(events: readonly FileEvent[], limitPerHour = 200): Map<string, number> {
	const counts = new Map<string, number>();
	for (const e of events) {
		if (e.action !== 'read' || !MONITORED_LABELS.has(e.label) || KNOWN_BULK_READERS.has(e.account)) continue;
		const key = `${e.account} ${e.at.toISOString().slice(0, 13)}`;   // account + hour
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return new Map([...counts].filter(([, n]) => n > limitPerHour));
}
