-- Pakketten schema, version 4, PostgreSQL: invoicing (issue 10): the practice profile, the products'
-- invoice fields, product invoices with their lines and payments, the number series, and the
-- practices' e-mail templates.

-- What an invoice line of the product says (NULL: its name) and its VAT treatment. A constant
-- default rewrites no row (PostgreSQL 11+), and the check is NOT VALID, so no row is scanned:
-- every existing row holds the default.
ALTER TABLE pakketten_products ADD COLUMN description VARCHAR(200);
ALTER TABLE pakketten_products ADD COLUMN vat_rate VARCHAR(16) DEFAULT 'EXEMPT' NOT NULL;
ALTER TABLE pakketten_products ADD CONSTRAINT pakketten_products_vat_rate_ck
  CHECK (vat_rate IN ('EXEMPT', 'LOW', 'GENERAL')) NOT VALID;

-- One profile per practice: what its invoices print, who mails them, how they are numbered.
CREATE TABLE pakketten_practice_profiles (
  practice_id       VARCHAR(64)  NOT NULL,
  name              VARCHAR(200) NOT NULL,
  street            VARCHAR(200) NOT NULL,
  postal_code       VARCHAR(20)  NOT NULL,
  city              VARCHAR(200) NOT NULL,
  country_code      VARCHAR(64)  NOT NULL,
  kvk_number        VARCHAR(20)  NOT NULL,
  vat_number        VARCHAR(20)  NOT NULL,
  iban              VARCHAR(40),
  sender_address    VARCHAR(200) NOT NULL,
  sender_name       VARCHAR(200) NOT NULL,
  number_format     VARCHAR(64)  NOT NULL,
  payment_term_days INTEGER      NOT NULL CHECK (payment_term_days BETWEEN 0 AND 365),
  default_language  VARCHAR(35)  NOT NULL,
  CONSTRAINT pakketten_practice_profiles_pk PRIMARY KEY (practice_id)
);

-- A practice's own template per document kind and language (its BCP 47 tag).
CREATE TABLE pakketten_mail_templates (
  practice_id VARCHAR(64)     NOT NULL,
  kind        VARCHAR(16)     NOT NULL CHECK (kind IN ('PRODUCT_INVOICE', 'CREDIT_NOTE')),
  doc_language VARCHAR(35)   NOT NULL,
  subject     VARCHAR(1000)   NOT NULL,
  html        VARCHAR(100000) NOT NULL,
  text_body   VARCHAR(100000) NOT NULL,
  CONSTRAINT pakketten_mail_templates_pk PRIMARY KEY (practice_id, kind, doc_language)
);

-- The number series: one counter per practice, the last number given. Issuing and cancelling
-- increment it in the transaction that stores the number, so the row is locked until that
-- transaction ends: a rolled-back issue gives its number back, concurrent ones wait in turn, and
-- the series has no gap and no repeat. (A sequence would leave gaps on rollback.)
CREATE TABLE pakketten_invoice_numbers (
  practice_id VARCHAR(64) NOT NULL,
  last_number BIGINT      NOT NULL CHECK (last_number >= 1),
  CONSTRAINT pakketten_invoice_numbers_pk PRIMARY KEY (practice_id)
);

-- A product invoice: the draft's head; once issued, its number, dates and the snapshot of the
-- practice (supplier_*) and the patient (customer_*) as printed; when sent; its credit note.
CREATE TABLE pakketten_invoices (
  practice_id          VARCHAR(64)  NOT NULL,
  invoice_id           VARCHAR(64)  NOT NULL,
  patient_id           VARCHAR(64)  NOT NULL,
  currency             VARCHAR(3)   NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by           VARCHAR(64)  NOT NULL,
  invoice_number       VARCHAR(64),
  issue_date           DATE,
  due_date             DATE,
  doc_language         VARCHAR(35),
  issued_at            TIMESTAMP WITH TIME ZONE,
  issued_by            VARCHAR(64),
  supplier_name        VARCHAR(200),
  supplier_street      VARCHAR(200),
  supplier_postal_code VARCHAR(20),
  supplier_city        VARCHAR(200),
  supplier_country     VARCHAR(64),
  supplier_kvk         VARCHAR(20),
  supplier_vat         VARCHAR(20),
  supplier_iban        VARCHAR(40),
  supplier_email       VARCHAR(200),
  customer_name        VARCHAR(200),
  customer_street      VARCHAR(200),
  customer_postal_code VARCHAR(20),
  customer_city        VARCHAR(200),
  customer_country     VARCHAR(64),
  customer_email       VARCHAR(320),
  sent_at              TIMESTAMP WITH TIME ZONE,
  credit_note_number   VARCHAR(64),
  cancelled_on         DATE,
  cancelled_at         TIMESTAMP WITH TIME ZONE,
  cancelled_by         VARCHAR(64),
  CONSTRAINT pakketten_invoices_pk PRIMARY KEY (practice_id, invoice_id),
  CONSTRAINT pakketten_invoices_cancel_ck CHECK (credit_note_number IS NULL OR invoice_number IS NOT NULL)
);
-- Numbers are unique in a practice, whether an invoice's or a credit note's (both from one series).
CREATE UNIQUE INDEX pakketten_invoices_number_ux ON pakketten_invoices (practice_id, invoice_number);
CREATE UNIQUE INDEX pakketten_invoices_credit_note_ux ON pakketten_invoices (practice_id, credit_note_number);

-- The lines of an invoice, as priced when the draft was made; never changed.
CREATE TABLE pakketten_invoice_lines (
  practice_id  VARCHAR(64)    NOT NULL,
  invoice_id   VARCHAR(64)    NOT NULL,
  line_no      INTEGER        NOT NULL,
  product_code VARCHAR(64)    NOT NULL,
  description  VARCHAR(200)   NOT NULL,
  quantity     INTEGER        NOT NULL CHECK (quantity >= 1),
  unit_price   NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
  vat_rate     VARCHAR(16)    NOT NULL CHECK (vat_rate IN ('EXEMPT', 'LOW', 'GENERAL')),
  package_name VARCHAR(200),
  credits      INTEGER        NOT NULL CHECK (credits >= 0),
  CONSTRAINT pakketten_invoice_lines_pk PRIMARY KEY (practice_id, invoice_id, line_no),
  CONSTRAINT pakketten_invoice_lines_invoice_fk FOREIGN KEY (practice_id, invoice_id)
    REFERENCES pakketten_invoices (practice_id, invoice_id)
);

-- The payments of invoices; the host's reference is unique in the practice (idempotency).
CREATE TABLE pakketten_invoice_payments (
  practice_id   VARCHAR(64)    NOT NULL,
  reference     VARCHAR(64)    NOT NULL,
  invoice_id    VARCHAR(64)    NOT NULL,
  payment_no    INTEGER        NOT NULL,
  amount        NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
  paid_on       DATE           NOT NULL,
  method        VARCHAR(16)    NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  registered_by VARCHAR(64)    NOT NULL,
  CONSTRAINT pakketten_invoice_payments_pk PRIMARY KEY (practice_id, reference),
  CONSTRAINT pakketten_invoice_payments_invoice_fk FOREIGN KEY (practice_id, invoice_id)
    REFERENCES pakketten_invoices (practice_id, invoice_id)
);
CREATE UNIQUE INDEX pakketten_invoice_payments_no_ux
  ON pakketten_invoice_payments (practice_id, invoice_id, payment_no);
