-- The host application's own table, in its own Flyway history (flyway_schema_history).
CREATE TABLE host_orders (
  invoice_id VARCHAR(64) PRIMARY KEY,
  note       VARCHAR(200) NOT NULL
);
