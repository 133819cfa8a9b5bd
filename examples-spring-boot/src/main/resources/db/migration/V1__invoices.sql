-- The application's own table, in its own Flyway history (flyway_schema_history). The starter
-- applies the SDK's tables after this, with their own history (pakketten_schema_history).
CREATE TABLE invoices (
  invoice_id VARCHAR(64) PRIMARY KEY,
  patient_id VARCHAR(64) NOT NULL,
  status     VARCHAR(16) NOT NULL
);
