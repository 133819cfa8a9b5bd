-- Pakketten schema, version 2, PostgreSQL: the answer an appointment's schedule call gave, kept so
-- that a replay of that call answers the same after a type change or a cancellation.
-- Rows written before this version keep NULL here: a replay of their schedule answers from the
-- appointment's current state, as version 1 did.
-- Adding nullable columns without a default rewrites no row; the check is NOT VALID so that adding
-- it scans no existing row (they are all NULL), and it still holds for every row written after.

ALTER TABLE pakketten_appointments ADD COLUMN scheduled_coverage VARCHAR(16);
ALTER TABLE pakketten_appointments ADD COLUMN scheduled_package_id VARCHAR(64);
ALTER TABLE pakketten_appointments ADD COLUMN scheduled_cost INTEGER;
ALTER TABLE pakketten_appointments ADD CONSTRAINT pakketten_appointments_scheduled_cost_check
  CHECK (scheduled_cost >= 0) NOT VALID;

-- The credits a covered schedule took from each lot, kept only while they differ from the
-- appointment's current allocations (after a type change); until then they are its rows in
-- pakketten_allocations, so scheduling writes nothing here.
CREATE TABLE pakketten_scheduled_allocations (
  practice_id    VARCHAR(64)    NOT NULL,
  appointment_id VARCHAR(64)    NOT NULL,
  position       INTEGER        NOT NULL,
  lot_id         VARCHAR(64)    NOT NULL,
  credits        INTEGER        NOT NULL CHECK (credits >= 1),
  revenue        NUMERIC(19, 4) NOT NULL,
  currency       VARCHAR(3)     NOT NULL,
  CONSTRAINT pakketten_scheduled_allocations_pk PRIMARY KEY (practice_id, appointment_id, position),
  CONSTRAINT pakketten_scheduled_allocations_appointment_fk FOREIGN KEY (practice_id, appointment_id)
    REFERENCES pakketten_appointments (practice_id, appointment_id) ON DELETE CASCADE
);
