// Rate limit on customer rows read, per user, over a sliding window.
// In production keep the counters in a shared store, not in process memory.
export const WINDOW_MS = 60 * 60 * 1000;
export const MAX_ROWS_PER_WINDOW = 2_000;

export interface Audit {
  log(event: { actorId: string; action: string; rowCount: number; detail: Record<string, unknown> }): void;
}

const reads = new Map<string, { at: number; rows: number }[]>();

export function allowRead(audit: Audit, userId: string, rows: number, now = Date.now()): boolean {
  const recent = (reads.get(userId) ?? []).filter((r) => now - r.at < WINDOW_MS);
  // Rows, not requests: a script paging 500 rows at a time must reach the limit as fast as one big read.
  const used = recent.reduce((sum, r) => sum + r.rows, 0);
  if (used + rows > MAX_ROWS_PER_WINDOW) {
    audit.log({ actorId: userId, action: 'read_limit_hit', rowCount: rows, detail: { used } }); // the signal, not just a refusal
    return false;
  }
  recent.push({ at: now, rows });
  reads.set(userId, recent);
  return true;
}
