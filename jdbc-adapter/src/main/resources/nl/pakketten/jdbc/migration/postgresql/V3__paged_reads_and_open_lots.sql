-- Pakketten schema, version 3, PostgreSQL: indexes for bounded reads (issue 8, part 9).

-- A command reads a wallet's open lots only (credits remaining above 0), in the order granted. The
-- partial index holds only open lots, so a wallet's used-up lots cost a command nothing however
-- many there are; a lot leaves it when its last credit is used and returns on a give-back.
CREATE INDEX pakketten_lots_open_ix ON pakketten_lots (practice_id, patient_id, package_id, position)
  WHERE credits_remaining > 0;

-- The journal is read in pages ordered by (at, seq): keyset paging walks this index from the
-- cursor. It serves every query the index on (practice_id, at) served, so that one goes.
CREATE INDEX pakketten_journal_entries_at_seq_ix ON pakketten_journal_entries (practice_id, at, seq);
DROP INDEX pakketten_journal_entries_at_ix;

-- The history is read in pages ordered by seq through pakketten_movements_patient_ix
-- (practice_id, patient_id, seq) from version 1: nothing to add.
