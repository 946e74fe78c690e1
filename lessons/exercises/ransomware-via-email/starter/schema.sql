-- The order database, as the migration role created it. You do not need to change this file.
CREATE TABLE customers (
  id           int PRIMARY KEY,
  name         text NOT NULL,
  email        text NOT NULL,
  phone        text,
  bank_account text,            -- for refunds; the application never changes it
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id          int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers (id),
  status      text NOT NULL,
  total       int NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
