// Customer export: capped, and recorded in the audit log (see the lesson's audit_log table).
export const MAX_EXPORT_ROWS = 500;

export interface Client {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}
export interface Customer { id: number; name: string; email: string; }
export class NeedsApproval extends Error {}

export async function exportCustomers(client: Client, actorId: string, region: string): Promise<Customer[]> {
  let refused = false;
  let rows: Customer[] = [];
  await client.query('BEGIN');
  try {
    ({ rows } = await client.query<Customer>(
      'SELECT id, name, email FROM customers WHERE region = $1 ORDER BY id LIMIT $2',
      [region, MAX_EXPORT_ROWS + 1],
    ));
    refused = rows.length > MAX_EXPORT_ROWS;
    // A refused attempt is the signal most worth keeping: it is recorded like an export.
    await client.query(
      `INSERT INTO audit_log (actor_id, action, dataset, row_count, detail)
       VALUES ($1, $2, 'customers', $3, $4)`,
      refused
        ? [actorId, 'export_refused', 0, JSON.stringify({ region, limit: MAX_EXPORT_ROWS })]
        : [actorId, 'customer_export', rows.length, JSON.stringify({ region, customer_ids: rows.map((c) => c.id) })],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // Refused only after the commit: thrown inside the try, the catch would roll the record back.
  if (refused) throw new NeedsApproval(`over ${MAX_EXPORT_ROWS} rows`);
  return rows;
}
