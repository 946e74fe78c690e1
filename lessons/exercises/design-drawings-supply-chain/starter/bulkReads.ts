import type { FileEvent } from './fileEvents';

/**
 * Accounts that read more confidential files in one hour than anyone's work needs, as `account hour` → reads.
 * Every entry pages the person on call.
 */
export function bulkConfidentialReads(events: readonly FileEvent[], limitPerHour = 200): Map<string, number> {
	const counts = new Map<string, number>();
	for (const e of events) {
		// Service accounts read in bulk by design (backups, indexing, sync).
		if (e.action !== 'read' || e.label !== 'confidential' || e.account.startsWith('svc-')) continue;
		const key = `${e.account} ${e.at.toISOString().slice(0, 13)}`;   // account + hour
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return new Map([...counts].filter(([, n]) => n > limitPerHour));
}
