// Customer export: capped, and recorded in the audit log (see the lesson's audit_log table).
export const MAX_EXPORT_ROWS = 500;

export interface Client {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}
export interface Customer { id: number; name: string; email: string; }
export class NeedsApproval extends Error {}

// Deliberately vulnerable: an attempt over the cap leaves no trace.
export async function exportCustomers(client: Client, actorId: string, region: string): Promise<Customer[]> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<Customer>(
      'SELECT id, name, email FROM customers WHERE region = $1 ORDER BY id LIMIT $2',
      [region, MAX_EXPORT_ROWS + 1],
    );
    if (rows.length > MAX_EXPORT_ROWS) throw new NeedsApproval(`over ${MAX_EXPORT_ROWS} rows`);
    await client.query(
      `INSERT INTO audit_log (actor_id, action, dataset, row_count, detail)
       VALUES ($1, 'customer_export', 'customers', $2, $3)`,
      [actorId, rows.length, JSON.stringify({ region, customer_ids: rows.map((c) => c.id) })],
    );
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
