-- The order application's database account. The application:
--   * reads customers and orders, and places new orders (and new customers);
--   * changes an order's status;
--   * lets a customer change their e-mail address and phone number.
CREATE ROLE orders_app LOGIN;   -- password set from the secret store

-- The tables stay owned by the migration role. The application gets what its job needs, no more:
-- no DELETE, TRUNCATE or TRIGGER, and UPDATE only on the columns it changes.
GRANT SELECT, INSERT ON customers, orders TO orders_app;
GRANT UPDATE (status, updated_at) ON orders TO orders_app;
GRANT UPDATE (email, phone, updated_at) ON customers TO orders_app;
