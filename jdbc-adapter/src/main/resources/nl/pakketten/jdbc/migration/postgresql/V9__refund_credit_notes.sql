-- Pakketten schema, version 9, PostgreSQL: the credit notes refunds of credits issue for invoices the
-- SDK made (issue 11, item 2). Only new, empty tables.

-- A credit note a refund issued: its own number from the practice's series (the counter of
-- pakketten_invoice_numbers, in the refund's transaction), the invoice it credits and the refund.
-- It never changes. The unique number is the guard against a second note with one number.
CREATE TABLE pakketten_refund_credit_notes (
  practice_id  VARCHAR(64) NOT NULL,
  note_number  VARCHAR(64) NOT NULL,
  invoice_id   VARCHAR(64) NOT NULL,
  refund_id    VARCHAR(64) NOT NULL,
  note_date    DATE        NOT NULL,
  currency     VARCHAR(3)  NOT NULL,
  issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by    VARCHAR(64) NOT NULL,
  CONSTRAINT pakketten_refund_credit_notes_pk PRIMARY KEY (practice_id, note_number),
  CONSTRAINT pakketten_refund_credit_notes_invoice_fk FOREIGN KEY (practice_id, invoice_id)
    REFERENCES pakketten_invoices (practice_id, invoice_id),
  CONSTRAINT pakketten_refund_credit_notes_refund_fk FOREIGN KEY (practice_id, refund_id)
    REFERENCES pakketten_refunds (practice_id, refund_id)
);
CREATE INDEX pakketten_refund_credit_notes_invoice_ix ON pakketten_refund_credit_notes (practice_id, invoice_id);
CREATE INDEX pakketten_refund_credit_notes_refund_ix ON pakketten_refund_credit_notes (practice_id, refund_id);

-- A line of a credit note: a lot the refund took credits from, the line of the invoice that granted
-- it, the credits refunded and the part of the refund's amount paid back for it, excluding VAT (the
-- document adds the VAT of the invoice line's rate).
CREATE TABLE pakketten_refund_credit_note_lines (
  practice_id  VARCHAR(64)    NOT NULL,
  note_number  VARCHAR(64)    NOT NULL,
  line_no      INTEGER        NOT NULL CHECK (line_no >= 1),
  invoice_line INTEGER        NOT NULL CHECK (invoice_line >= 1),
  lot_id       VARCHAR(64)    NOT NULL,
  credits      INTEGER        NOT NULL CHECK (credits >= 1),
  amount       NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
  CONSTRAINT pakketten_refund_credit_note_lines_pk PRIMARY KEY (practice_id, note_number, line_no),
  CONSTRAINT pakketten_refund_credit_note_lines_note_fk FOREIGN KEY (practice_id, note_number)
    REFERENCES pakketten_refund_credit_notes (practice_id, note_number)
);
