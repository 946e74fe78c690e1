-- The order application's database account. The application:
--   * reads customers and orders, and places new orders (and new customers);
--   * changes an order's status;
--   * lets a customer change their e-mail address and phone number.
CREATE ROLE orders_app LOGIN;   -- password set from the secret store

-- The first release let the application create and migrate its own tables.
ALTER TABLE customers OWNER TO orders_app;
ALTER TABLE orders OWNER TO orders_app;
GRANT ALL PRIVILEGES ON customers, orders TO orders_app;
