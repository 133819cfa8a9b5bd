-- Pakketten schema, version 1, PostgreSQL.
-- Every table belongs to one practice: practice_id leads every primary key, unique key and index,
-- so the tables can be distributed by practice_id (for example on Citus) without redesign.
-- Text lengths: identifiers 64, names 200 (as the core validates them).
-- Money: NUMERIC(19,4) amount + ISO 4217 currency code; exact at every currency's scale.
-- Instants: TIMESTAMP WITH TIME ZONE (microseconds).

-- A package (pakket) and its internal rate per credit.
CREATE TABLE pakketten_packages (
  practice_id        VARCHAR(64)    NOT NULL,
  package_id         VARCHAR(64)    NOT NULL,
  name               VARCHAR(200)   NOT NULL,
  name_key           VARCHAR(400)   NOT NULL, -- the name trimmed and lower-cased: unique per practice
  internal_rate      NUMERIC(19, 4) NOT NULL CHECK (internal_rate >= 0),
  currency           VARCHAR(3)     NOT NULL,
  ledger_account     VARCHAR(64),
  balance_sheet_item VARCHAR(64),
  active             BOOLEAN        NOT NULL,
  changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by         VARCHAR(64)    NOT NULL,
  CONSTRAINT pakketten_packages_pk PRIMARY KEY (practice_id, package_id),
  CONSTRAINT pakketten_packages_name_uk UNIQUE (practice_id, name_key)
);

-- A product that can appear on a product invoice; linked to a package when both link columns are set.
CREATE TABLE pakketten_products (
  practice_id      VARCHAR(64)    NOT NULL,
  product_code     VARCHAR(64)    NOT NULL,
  name             VARCHAR(200)   NOT NULL,
  unit_price       NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
  currency         VARCHAR(3)     NOT NULL,
  package_id       VARCHAR(64),
  credits_per_unit INTEGER CHECK (credits_per_unit >= 1),
  CONSTRAINT pakketten_products_pk PRIMARY KEY (practice_id, product_code),
  CONSTRAINT pakketten_products_link_ck CHECK ((package_id IS NULL) = (credits_per_unit IS NULL)),
  CONSTRAINT pakketten_products_package_fk FOREIGN KEY (practice_id, package_id)
    REFERENCES pakketten_packages (practice_id, package_id)
);
CREATE INDEX pakketten_products_package_ix ON pakketten_products (practice_id, package_id);

-- An appointment type (standard appointment); linked to a package when both link columns are set.
CREATE TABLE pakketten_appointment_types (
  practice_id             VARCHAR(64)  NOT NULL,
  type_id                 VARCHAR(64)  NOT NULL,
  name                    VARCHAR(200) NOT NULL,
  package_id              VARCHAR(64),
  credits_per_appointment INTEGER CHECK (credits_per_appointment >= 1),
  CONSTRAINT pakketten_appointment_types_pk PRIMARY KEY (practice_id, type_id),
  CONSTRAINT pakketten_appointment_types_link_ck CHECK ((package_id IS NULL) = (credits_per_appointment IS NULL)),
  CONSTRAINT pakketten_appointment_types_package_fk FOREIGN KEY (practice_id, package_id)
    REFERENCES pakketten_packages (practice_id, package_id)
);
CREATE INDEX pakketten_appointment_types_package_ix ON pakketten_appointment_types (practice_id, package_id);

-- A patient's credits for one package. The row every change of the wallet locks (SELECT ... FOR UPDATE),
-- and the balance kept in the same transaction as the movement: a balance read is one primary-key lookup.
-- An empty wallet (no lots) goes when its package is deleted.
CREATE TABLE pakketten_wallets (
  practice_id VARCHAR(64) NOT NULL,
  patient_id  VARCHAR(64) NOT NULL,
  package_id  VARCHAR(64) NOT NULL,
  balance     INTEGER     NOT NULL CHECK (balance >= 0),
  CONSTRAINT pakketten_wallets_pk PRIMARY KEY (practice_id, patient_id, package_id),
  CONSTRAINT pakketten_wallets_package_fk FOREIGN KEY (practice_id, package_id)
    REFERENCES pakketten_packages (practice_id, package_id) ON DELETE CASCADE
);

-- A lot: the credits one paid invoice line or one import granted. Rate and deferred value are fixed at
-- granting; only credits_remaining and recognised_revenue change afterwards.
CREATE TABLE pakketten_lots (
  practice_id        VARCHAR(64)    NOT NULL,
  lot_id             VARCHAR(64)    NOT NULL,
  patient_id         VARCHAR(64)    NOT NULL,
  package_id         VARCHAR(64)    NOT NULL,
  position           INTEGER        NOT NULL CHECK (position >= 0), -- order of granting within the wallet
  source_kind        VARCHAR(16)    NOT NULL CHECK (source_kind IN ('INVOICE_LINE', 'IMPORT')),
  invoice_id         VARCHAR(64),
  line_number        INTEGER,
  product_code       VARCHAR(64),
  import_id          VARCHAR(64),
  import_reason      VARCHAR(500),
  credits_granted    INTEGER        NOT NULL CHECK (credits_granted >= 1),
  credits_remaining  INTEGER        NOT NULL,
  currency           VARCHAR(3)     NOT NULL,
  rate_per_credit    NUMERIC(19, 4) NOT NULL CHECK (rate_per_credit >= 0),
  deferred_value     NUMERIC(19, 4) NOT NULL CHECK (deferred_value >= 0),
  recognised_revenue NUMERIC(19, 4) NOT NULL,
  deferred_account   VARCHAR(64)    NOT NULL, -- balance-sheet item, fixed at granting
  revenue_account    VARCHAR(64)    NOT NULL, -- ledger account, fixed at granting
  granted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  granted_by         VARCHAR(64)    NOT NULL,
  expires_on         DATE,
  CONSTRAINT pakketten_lots_pk PRIMARY KEY (practice_id, lot_id),
  CONSTRAINT pakketten_lots_position_uk UNIQUE (practice_id, patient_id, package_id, position),
  CONSTRAINT pakketten_lots_remaining_ck CHECK (credits_remaining BETWEEN 0 AND credits_granted),
  CONSTRAINT pakketten_lots_recognised_ck CHECK (recognised_revenue BETWEEN 0 AND deferred_value),
  CONSTRAINT pakketten_lots_wallet_fk FOREIGN KEY (practice_id, patient_id, package_id)
    REFERENCES pakketten_wallets (practice_id, patient_id, package_id)
);
CREATE INDEX pakketten_lots_package_ix ON pakketten_lots (practice_id, package_id);
CREATE INDEX pakketten_lots_expiry_ix ON pakketten_lots (practice_id, expires_on);

-- An appointment as the SDK knows it; its primary key is the idempotency key of schedule and cancel.
CREATE TABLE pakketten_appointments (
  practice_id       VARCHAR(64) NOT NULL,
  appointment_id    VARCHAR(64) NOT NULL,
  patient_id        VARCHAR(64) NOT NULL,
  type_id           VARCHAR(64) NOT NULL,
  scheduled_type_id VARCHAR(64) NOT NULL,
  start_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  status            VARCHAR(16) NOT NULL,
  coverage          VARCHAR(16) NOT NULL,
  package_id        VARCHAR(64),
  cost              INTEGER     NOT NULL CHECK (cost >= 0),
  cancel_outcome    VARCHAR(32),
  changed_by        VARCHAR(64) NOT NULL,
  changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pakketten_appointments_pk PRIMARY KEY (practice_id, appointment_id)
);

-- The credits an appointment took from each lot, and the revenue that recognised.
CREATE TABLE pakketten_allocations (
  practice_id    VARCHAR(64)    NOT NULL,
  appointment_id VARCHAR(64)    NOT NULL,
  position       INTEGER        NOT NULL,
  lot_id         VARCHAR(64)    NOT NULL,
  credits        INTEGER        NOT NULL CHECK (credits >= 1),
  revenue        NUMERIC(19, 4) NOT NULL,
  currency       VARCHAR(3)     NOT NULL,
  CONSTRAINT pakketten_allocations_pk PRIMARY KEY (practice_id, appointment_id, position),
  CONSTRAINT pakketten_allocations_appointment_fk FOREIGN KEY (practice_id, appointment_id)
    REFERENCES pakketten_appointments (practice_id, appointment_id) ON DELETE CASCADE
);

-- The idempotency record of a payment registration or an import, written in the same transaction as
-- its lots: a replay answers from it; the same key with another fingerprint is a conflict.
CREATE TABLE pakketten_grant_receipts (
  practice_id VARCHAR(64) NOT NULL,
  kind        VARCHAR(16) NOT NULL CHECK (kind IN ('PAYMENT', 'IMPORT')),
  receipt_key VARCHAR(64) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pakketten_grant_receipts_pk PRIMARY KEY (practice_id, kind, receipt_key)
);

-- The lots a receipt granted, in the order of the answer.
CREATE TABLE pakketten_receipt_grants (
  practice_id     VARCHAR(64)    NOT NULL,
  kind            VARCHAR(16)    NOT NULL,
  receipt_key     VARCHAR(64)    NOT NULL,
  position        INTEGER        NOT NULL,
  lot_id          VARCHAR(64)    NOT NULL,
  package_id      VARCHAR(64)    NOT NULL,
  credits         INTEGER        NOT NULL,
  currency        VARCHAR(3)     NOT NULL,
  rate_per_credit NUMERIC(19, 4) NOT NULL,
  deferred_value  NUMERIC(19, 4) NOT NULL,
  CONSTRAINT pakketten_receipt_grants_pk PRIMARY KEY (practice_id, kind, receipt_key, position),
  CONSTRAINT pakketten_receipt_grants_receipt_fk FOREIGN KEY (practice_id, kind, receipt_key)
    REFERENCES pakketten_grant_receipts (practice_id, kind, receipt_key)
);

-- The patient's history: one row per movement of credits. Append-only: never updated or deleted.
CREATE TABLE pakketten_movements (
  practice_id VARCHAR(64)    NOT NULL,
  movement_id VARCHAR(64)    NOT NULL,
  seq         BIGINT GENERATED ALWAYS AS IDENTITY, -- the order of appending
  patient_id  VARCHAR(64)    NOT NULL,
  package_id  VARCHAR(64)    NOT NULL,
  lot_id      VARCHAR(64)    NOT NULL,
  kind        VARCHAR(16)    NOT NULL,
  credits     INTEGER        NOT NULL CHECK (credits >= 1),
  revenue     NUMERIC(19, 4) NOT NULL,
  currency    VARCHAR(3)     NOT NULL,
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(64)    NOT NULL,
  reason      VARCHAR(1000)  NOT NULL,
  source_key  VARCHAR(200)   NOT NULL,
  CONSTRAINT pakketten_movements_pk PRIMARY KEY (practice_id, movement_id)
);
CREATE INDEX pakketten_movements_patient_ix ON pakketten_movements (practice_id, patient_id, seq);

-- The journal: one balanced entry per movement that moved money. Append-only: no row is ever updated,
-- so no account total becomes a row every transaction of a practice writes.
CREATE TABLE pakketten_journal_entries (
  practice_id VARCHAR(64)  NOT NULL,
  entry_id    VARCHAR(64)  NOT NULL,
  seq         BIGINT GENERATED ALWAYS AS IDENTITY, -- booking order
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  patient_id  VARCHAR(64),
  package_id  VARCHAR(64),
  lot_ref     VARCHAR(64),
  source_key  VARCHAR(200),
  description VARCHAR(500),
  CONSTRAINT pakketten_journal_entries_pk PRIMARY KEY (practice_id, entry_id)
);
CREATE INDEX pakketten_journal_entries_at_ix ON pakketten_journal_entries (practice_id, at);

CREATE TABLE pakketten_journal_lines (
  practice_id VARCHAR(64)    NOT NULL,
  entry_id    VARCHAR(64)    NOT NULL,
  line_no     INTEGER        NOT NULL,
  account     VARCHAR(64)    NOT NULL,
  role        VARCHAR(32)    NOT NULL,
  side        VARCHAR(8)     NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
  amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
  currency    VARCHAR(3)     NOT NULL,
  CONSTRAINT pakketten_journal_lines_pk PRIMARY KEY (practice_id, entry_id, line_no),
  CONSTRAINT pakketten_journal_lines_entry_fk FOREIGN KEY (practice_id, entry_id)
    REFERENCES pakketten_journal_entries (practice_id, entry_id)
);
