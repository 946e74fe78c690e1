-- Runs every hour over audit_log: accounts that took a lot of customer data.
-- Every row it returns pages the person on call.
SELECT actor_id, at, row_count
FROM audit_log
WHERE action IN ('customer_read', 'customer_export')
  AND at >= now() - interval '1 hour'
  AND row_count > 5000;
