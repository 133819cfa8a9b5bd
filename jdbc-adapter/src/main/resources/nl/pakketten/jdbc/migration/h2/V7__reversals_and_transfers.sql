-- Pakketten schema, version 7, H2: payment reversals and transfers between patients (issue 11,
-- items 3 and 4).

-- The part of a lot's deferred value that left it without being recognised (revoked with its reversed
-- payment, or moved with credits transferred to another patient), and the lot a transferred lot came
-- from. A lot's unrecognised value is deferred_value - recognised_revenue - value_out.
ALTER TABLE pakketten_lots ADD COLUMN value_out NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE pakketten_lots ADD COLUMN transferred_from VARCHAR(64);
ALTER TABLE pakketten_lots ADD CONSTRAINT pakketten_lots_value_out_ck
  CHECK (value_out >= 0 AND recognised_revenue + value_out <= deferred_value);

-- A reversed payment: the idempotency record of its reversal (primary key) and the guard that a
-- payment is reversed once (the unique invoice id).
CREATE TABLE pakketten_reversals (
  practice_id     VARCHAR(64)    NOT NULL,
  reversal_id     VARCHAR(64)    NOT NULL,
  invoice_id      VARCHAR(64)    NOT NULL,
  patient_id      VARCHAR(64)    NOT NULL,
  credits_revoked INTEGER        NOT NULL CHECK (credits_revoked >= 0),
  value_revoked   NUMERIC(19, 4) NOT NULL CHECK (value_revoked >= 0),
  credits_kept    INTEGER        NOT NULL CHECK (credits_kept >= 0),
  receivable      NUMERIC(19, 4) NOT NULL CHECK (receivable >= 0),
  currency        VARCHAR(3)     NOT NULL,
  reversed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  reversed_by     VARCHAR(64)    NOT NULL,
  CONSTRAINT pakketten_reversals_pk PRIMARY KEY (practice_id, reversal_id),
  CONSTRAINT pakketten_reversals_payment_uk UNIQUE (practice_id, invoice_id)
);

-- A transfer of credits between two patients: the idempotency record of the call.
CREATE TABLE pakketten_transfers (
  practice_id     VARCHAR(64)    NOT NULL,
  transfer_id     VARCHAR(64)    NOT NULL,
  from_patient_id VARCHAR(64)    NOT NULL,
  origin_lot_id   VARCHAR(64)    NOT NULL,
  to_patient_id   VARCHAR(64)    NOT NULL,
  new_lot_id      VARCHAR(64)    NOT NULL,
  package_id      VARCHAR(64)    NOT NULL,
  credits         INTEGER        NOT NULL CHECK (credits >= 1),
  transferred_value NUMERIC(19, 4) NOT NULL CHECK (transferred_value >= 0),
  currency        VARCHAR(3)     NOT NULL,
  transferred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  transferred_by  VARCHAR(64)    NOT NULL,
  CONSTRAINT pakketten_transfers_pk PRIMARY KEY (practice_id, transfer_id),
  CONSTRAINT pakketten_transfers_origin_fk FOREIGN KEY (practice_id, origin_lot_id)
    REFERENCES pakketten_lots (practice_id, lot_id),
  CONSTRAINT pakketten_transfers_new_lot_fk FOREIGN KEY (practice_id, new_lot_id)
    REFERENCES pakketten_lots (practice_id, lot_id)
);
