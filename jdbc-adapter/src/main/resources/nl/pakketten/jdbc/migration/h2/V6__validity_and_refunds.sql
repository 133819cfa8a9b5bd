-- Pakketten schema, version 6, h2: validity of paid credits, breakage and refunds (issue 11,
-- items 1 and 2).

-- Where a package books breakage (expired credits, the part of a refund not paid back); NULL for
-- the lot's revenue account. And the balance at or below which a spend raises CreditsLow.
ALTER TABLE pakketten_packages ADD COLUMN breakage_account VARCHAR(64);
ALTER TABLE pakketten_packages ADD COLUMN low_balance_threshold INTEGER CHECK (low_balance_threshold >= 0);

-- How long the credits of a paid product stay valid, as an ISO-8601 period (P12M); NULL: no expiry.
ALTER TABLE pakketten_products ADD COLUMN validity VARCHAR(32);

-- The idempotency record of a refund of credits, written in the same transaction as its movements
-- (kind REFUNDED, source key refund:<refund_id>): a replay answers from it; the same key with another
-- fingerprint is a conflict.
CREATE TABLE pakketten_refunds (
  practice_id  VARCHAR(64)    NOT NULL,
  refund_id    VARCHAR(64)    NOT NULL,
  fingerprint  VARCHAR(64)    NOT NULL,
  patient_id   VARCHAR(64)    NOT NULL,
  package_id   VARCHAR(64)    NOT NULL,
  credits      INTEGER        NOT NULL CHECK (credits >= 1),
  currency     VARCHAR(3)     NOT NULL,
  refund_value NUMERIC(19, 4) NOT NULL CHECK (refund_value >= 0), -- the deferred value taken off
  amount       NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),       -- paid back; the rest is breakage
  refunded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pakketten_refunds_pk PRIMARY KEY (practice_id, refund_id),
  CONSTRAINT pakketten_refunds_amount_ck CHECK (amount <= refund_value)
);

-- Which lots NotifyExpiringCredits told the host about on which day: one CreditsExpiringSoon per
-- lot and day, however often it runs.
CREATE TABLE pakketten_expiry_notices (
  practice_id  VARCHAR(64) NOT NULL,
  lot_id       VARCHAR(64) NOT NULL,
  notified_for DATE        NOT NULL,
  CONSTRAINT pakketten_expiry_notices_pk PRIMARY KEY (practice_id, lot_id, notified_for)
);
