// Rate limit on customer rows read, per user, over a sliding window.
// In production keep the counters in a shared store, not in process memory.
export const WINDOW_MS = 60 * 60 * 1000;
export const MAX_ROWS_PER_WINDOW = 2_000;

export interface Audit {
  log(event: { actorId: string; action: string; rowCount: number; detail: Record<string, unknown> }): void;
}

const reads = new Map<string, { at: number; rows: number }[]>();

// Deliberately vulnerable: it counts requests instead of rows, and a refusal leaves no record.
export function allowRead(audit: Audit, userId: string, rows: number, now = Date.now()): boolean {
  const recent = (reads.get(userId) ?? []).filter((r) => now - r.at < WINDOW_MS);
  if (recent.length >= MAX_ROWS_PER_WINDOW) return false;
  recent.push({ at: now, rows });
  reads.set(userId, recent);
  return true;
}
