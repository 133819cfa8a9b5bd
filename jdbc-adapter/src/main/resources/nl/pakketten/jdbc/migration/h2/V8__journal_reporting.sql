-- Pakketten schema, version 8, H2: the journal's reports (issue 11, item 5): the kind of each journal
-- entry, and on each line the columns the reports group by, so a report is one scan of the lines with
-- GROUP BY and no join.

-- What each entry books (nl.pakketten.revenue.EntryKind). Entries booked before this version are
-- classified by their lines' roles and their source key, as JournalEntry's constructor without a kind
-- does: a receivable or a payments-clearing credit is a reversal, a debit and a credit of deferred
-- revenue a transfer, a payments-clearing debit a sale, an imports-offset line an import, a revenue
-- credit a spend, a revenue debit a give-back, a refunds-payable line or a source key 'refund:...' a
-- refund, and what is left (deferred revenue to breakage) an expiry.
ALTER TABLE pakketten_journal_entries ADD COLUMN kind VARCHAR(16);
UPDATE pakketten_journal_entries e SET kind = CASE
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'RECEIVABLE') THEN 'REVERSAL'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'DEFERRED_REVENUE' AND l.side = 'DEBIT')
    AND EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'DEFERRED_REVENUE' AND l.side = 'CREDIT') THEN 'TRANSFER'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'PAYMENTS_CLEARING' AND l.side = 'DEBIT') THEN 'SALE'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'PAYMENTS_CLEARING' AND l.side = 'CREDIT') THEN 'REVERSAL'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'IMPORTS_OFFSET') THEN 'IMPORT'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'REVENUE' AND l.side = 'CREDIT') THEN 'SPEND'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'REVENUE' AND l.side = 'DEBIT') THEN 'GIVE_BACK'
  WHEN EXISTS (SELECT 1 FROM pakketten_journal_lines l WHERE l.practice_id = e.practice_id
      AND l.entry_id = e.entry_id AND l.role = 'REFUNDS_PAYABLE') OR e.source_key LIKE 'refund:%' THEN 'REFUND'
  ELSE 'EXPIRY' END;
ALTER TABLE pakketten_journal_entries ALTER COLUMN kind SET NOT NULL;
ALTER TABLE pakketten_journal_entries ADD CONSTRAINT pakketten_journal_entries_kind_ck
  CHECK (kind IN ('SALE', 'IMPORT', 'SPEND', 'GIVE_BACK', 'EXPIRY', 'REFUND', 'REVERSAL', 'TRANSFER'));

-- Copies of the entry's time, package and kind on each of its lines (written with the line, never
-- changed, as the entry itself is never changed).
ALTER TABLE pakketten_journal_lines ADD COLUMN at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pakketten_journal_lines ADD COLUMN package_id VARCHAR(64);
ALTER TABLE pakketten_journal_lines ADD COLUMN kind VARCHAR(16);
UPDATE pakketten_journal_lines l SET
  at = (SELECT e.at FROM pakketten_journal_entries e WHERE e.practice_id = l.practice_id AND e.entry_id = l.entry_id),
  package_id = (SELECT e.package_id FROM pakketten_journal_entries e
    WHERE e.practice_id = l.practice_id AND e.entry_id = l.entry_id),
  kind = (SELECT e.kind FROM pakketten_journal_entries e WHERE e.practice_id = l.practice_id AND e.entry_id = l.entry_id);
ALTER TABLE pakketten_journal_lines ALTER COLUMN at SET NOT NULL;
ALTER TABLE pakketten_journal_lines ALTER COLUMN kind SET NOT NULL;
ALTER TABLE pakketten_journal_lines ADD CONSTRAINT pakketten_journal_lines_kind_ck
  CHECK (kind IN ('SALE', 'IMPORT', 'SPEND', 'GIVE_BACK', 'EXPIRY', 'REFUND', 'REVERSAL', 'TRANSFER'));

-- The reports read one role's lines of a practice in a period (the roll-forward: the deferred-revenue
-- lines before the period's end).
CREATE INDEX pakketten_journal_lines_report_ix ON pakketten_journal_lines (practice_id, role, at);
