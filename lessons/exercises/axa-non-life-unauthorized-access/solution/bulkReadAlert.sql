-- Runs every morning and again each hour: accounts that read far more customer rows today than they
-- usually do. Every row it returns pages the person on call.
WITH daily AS (
  SELECT actor_id, date_trunc('day', at) AS read_day, sum(row_count) AS rows_read
  FROM audit_log
  WHERE action IN ('customer_read', 'customer_export') AND at >= now() - interval '31 days'
  GROUP BY actor_id, read_day
),
baseline AS (
  SELECT actor_id, avg(rows_read) AS avg_rows
  FROM daily
  WHERE read_day < date_trunc('day', now())
  GROUP BY actor_id
)
SELECT d.actor_id, d.rows_read, b.avg_rows
FROM daily d
LEFT JOIN baseline b ON b.actor_id = d.actor_id   -- keep accounts that have no history
WHERE d.read_day = date_trunc('day', now())
  AND (b.actor_id IS NULL                          -- no reads in the past 30 days: always worth a look
       OR d.rows_read > 3 * b.avg_rows + 1000);
