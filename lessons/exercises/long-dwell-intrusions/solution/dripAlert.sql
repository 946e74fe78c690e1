-- Runs every hour over audit_log: accounts whose last seven days of customer reads are far above their
-- usual week. Small reads add up, so data taken a little at a time still crosses the line.
-- Every row it returns pages the person on call.
WITH weekly AS (
  SELECT actor_id,
         sum(row_count) FILTER (WHERE at >= now() - interval '7 days')       AS last_7d,
         sum(row_count) FILTER (WHERE at <  now() - interval '7 days') / 4.0 AS usual_week
  FROM audit_log
  WHERE action IN ('customer_read', 'customer_export') AND at >= now() - interval '35 days'
  GROUP BY actor_id
)
SELECT actor_id, last_7d, usual_week
FROM weekly
WHERE last_7d > 3 * coalesce(usual_week, 0) + 5000;   -- no history counts as a usual week of zero
