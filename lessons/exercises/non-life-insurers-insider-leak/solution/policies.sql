-- Row-level security on the agency's policies table. Every row belongs to exactly one insurer.
-- Seconded staff connect through the role secondee_app. Each request's transaction sets
-- app.home_insurer to the reader's home insurer (SET LOCAL or set_config(..., true)).
ALTER TABLE policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE policies FORCE ROW LEVEL SECURITY;

-- Fails closed: an unset or empty setting compares as NULL and matches no row.
CREATE POLICY secondee_home_insurer_only ON policies
  FOR ALL TO secondee_app
  USING (insurer_id = NULLIF(current_setting('app.home_insurer', true), '')::int);
