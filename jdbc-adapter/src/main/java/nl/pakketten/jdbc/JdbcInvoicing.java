package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.common.InvoiceId;
import nl.pakketten.common.LotId;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.sale.InvoicePayment;
import nl.pakketten.sale.PaymentMethod;
import nl.pakketten.sale.PaymentReference;
import nl.pakketten.sale.ProductInvoice;
import nl.pakketten.sale.RefundCreditNote;
import nl.pakketten.spi.Invoices;
import nl.pakketten.spi.MailTemplates;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.wallet.RefundId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** The invoicing's ports: practice profiles, e-mail templates, invoices and the number series. */
final class JdbcInvoicing {
  private JdbcInvoicing() {}

  /** An address's four column values, checked against the columns' lengths ({@code field} names it). */
  private static Object[] address(String field, PostalAddress a) {
    return new Object[] {Values.text(field + ".street", a.street(), 200),
        Values.text(field + ".postalCode", a.postalCode(), 20), Values.text(field + ".city", a.city(), 200),
        Values.text(field + ".countryCode", a.countryCode(), 64)};
  }

  private static PostalAddress address(ResultSet rs, String prefix) throws SQLException {
    return new PostalAddress(rs.getString(prefix + "street"), rs.getString(prefix + "postal_code"),
        rs.getString(prefix + "city"), rs.getString(prefix + "country" + (prefix.isEmpty() ? "_code" : "")));
  }

  /** Replaces a row by an update, or inserts it; a concurrent insert fails as transient (23505) and is retried. */
  private static void upsert(Db db, String what, String update, Object[] updateParams, String insert,
      Object[] insertParams) {
    db.call(what, tx -> {
      if (Db.update(tx, update, updateParams) == 0) {
        Db.update(tx, insert, insertParams);
      }
      return null;
    });
  }

  /** The parameters in order, each array among them spread out (an address's four columns). */
  private static Object[] flat(Object... parts) {
    List<Object> all = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Object[] many) {
        all.addAll(List.of(many));
      } else {
        all.add(part);
      }
    }
    return all.toArray();
  }

  static final class JdbcPracticeProfiles implements PracticeProfiles {
    private static final String FIELDS = "name, street, postal_code, city, country_code, kvk_number, vat_number, iban,"
        + " sender_address, sender_name, number_format, payment_term_days, default_language";

    private final Db db;

    JdbcPracticeProfiles(Db db) {
      this.db = db;
    }

    @Override
    public Optional<PracticeProfile> find(PracticeId practice) {
      return db.first("read the practice profile", "SELECT practice_id, " + FIELDS
          + " FROM pakketten_practice_profiles WHERE practice_id = ?", JdbcPracticeProfiles::map, practice.value());
    }

    @Override
    public void save(PracticeProfile p) {
      Object[] fields = flat(new Object[] {Values.text("name", p.name(), 200)}, flat(address("address",
          p.address()), Values.text("kvkNumber", p.kvkNumber(), 20), Values.text("vatNumber", p.vatNumber(), 20),
          p.iban().isPresent() ? Values.text("iban", p.iban().get(), 40) : Values.Null.VARCHAR,
          Values.text("senderAddress", p.senderAddress(), 200), Values.text("senderName", p.senderName(), 200),
          Values.text("numberFormat", p.numberFormat(), 64), p.paymentTermDays(),
          p.defaultLanguage().toLanguageTag()));
      upsert(db, "save the practice profile",
          "UPDATE pakketten_practice_profiles SET name = ?, street = ?, postal_code = ?, city = ?, country_code = ?,"
              + " kvk_number = ?, vat_number = ?, iban = ?, sender_address = ?, sender_name = ?, number_format = ?,"
              + " payment_term_days = ?, default_language = ? WHERE practice_id = ?",
          flat(fields, p.practice().value()),
          "INSERT INTO pakketten_practice_profiles (" + FIELDS + ", practice_id)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          flat(fields, p.practice().value()));
    }

    private static PracticeProfile map(ResultSet rs) throws SQLException {
      return ValueBuilders.practiceProfile()
          .practice(PracticeId.of(rs.getString("practice_id")))
          .name(rs.getString("name"))
          .address(address(rs, ""))
          .kvkNumber(rs.getString("kvk_number"))
          .vatNumber(rs.getString("vat_number"))
          .iban(Values.text(rs, "iban"))
          .senderAddress(rs.getString("sender_address"))
          .senderName(rs.getString("sender_name"))
          .numberFormat(rs.getString("number_format"))
          .paymentTermDays(rs.getInt("payment_term_days"))
          .defaultLanguage(Locale.forLanguageTag(rs.getString("default_language")))
          .build();
    }
  }

  static final class JdbcMailTemplates implements MailTemplates {
    private final Db db;

    JdbcMailTemplates(Db db) {
      this.db = db;
    }

    @Override
    public Optional<MailTemplate> find(PracticeId practice, DocumentKind kind, Locale language) {
      return db.first("read a mail template", "SELECT kind, doc_language, subject, html, text_body"
          + " FROM pakketten_mail_templates WHERE practice_id = ? AND kind = ? AND doc_language = ?",
          rs -> new MailTemplate(DocumentKind.valueOf(rs.getString("kind")),
              Locale.forLanguageTag(rs.getString("doc_language")), rs.getString("subject"), rs.getString("html"),
              rs.getString("text_body")),
          practice.value(), kind.name(), language.toLanguageTag());
    }

    @Override
    public void save(PracticeId practice, MailTemplate t) {
      Object[] parts = {Values.text("subject", t.subject(), 1000), Values.text("html", t.html(), 100_000),
          Values.text("text", t.text(), 100_000)};
      Object[] key = {practice.value(), t.kind().name(), Values.text("language", t.language().toLanguageTag(), 35)};
      upsert(db, "save a mail template",
          "UPDATE pakketten_mail_templates SET subject = ?, html = ?, text_body = ?"
              + " WHERE practice_id = ? AND kind = ? AND doc_language = ?", flat(parts, key),
          "INSERT INTO pakketten_mail_templates (subject, html, text_body, practice_id, kind, doc_language)"
              + " VALUES (?, ?, ?, ?, ?, ?)", flat(parts, key));
    }
  }

  static final class JdbcInvoices implements Invoices {
    private static final String HEAD = "practice_id, invoice_id, patient_id, currency, created_at, created_by,"
        + " invoice_number, issue_date, due_date, doc_language, issued_at, issued_by, supplier_name, supplier_street,"
        + " supplier_postal_code, supplier_city, supplier_country, supplier_kvk, supplier_vat, supplier_iban,"
        + " supplier_email, customer_name, customer_street, customer_postal_code, customer_city, customer_country,"
        + " customer_email, sent_at, credit_note_number, cancelled_on, cancelled_at, cancelled_by";
    private static final String LINES = "line_no, product_code, description, quantity, unit_price, vat_rate,"
        + " package_name, credits";
    private static final String PAYMENTS = "reference, amount, paid_on, method, registered_at, registered_by";
    /** The columns an issue sets besides the number, as assignments. */
    private static final String ISSUE_COLUMNS = "issue_date = ?, due_date = ?, doc_language = ?, issued_at = ?,"
        + " issued_by = ?, supplier_name = ?, supplier_street = ?, supplier_postal_code = ?, supplier_city = ?,"
        + " supplier_country = ?, supplier_kvk = ?, supplier_vat = ?, supplier_iban = ?, supplier_email = ?,"
        + " customer_name = ?, customer_street = ?, customer_postal_code = ?, customer_city = ?, customer_country = ?,"
        + " customer_email = ?";
    /**
     * PostgreSQL: takes the practice's next number and stores the issue with it in one statement.
     * The number is written as {@link InvoiceNumbers.Numbering#number} writes it ({@code lpad} alone
     * would cut a sequence wider than the padding). Answers the sequence taken (NULL when the
     * practice has no counter row yet, and then nothing was changed), the number stored and how many
     * invoice rows were issued.
     */
    private static final String ISSUE_NUMBERED = "WITH n AS (UPDATE pakketten_invoice_numbers"
        + " SET last_number = last_number + 1 WHERE practice_id = ? RETURNING last_number::text AS seq),"
        + " i AS (UPDATE pakketten_invoices SET invoice_number = ? || lpad(n.seq, greatest(?, length(n.seq)), '0') || ?, "
        + ISSUE_COLUMNS + " FROM n WHERE practice_id = ? AND invoice_id = ? RETURNING invoice_number)"
        + " SELECT (SELECT seq FROM n), (SELECT invoice_number FROM i), (SELECT COUNT(*) FROM i)";

    private final Db db;
    private final Dialect dialect;

    JdbcInvoices(Db db, Dialect dialect) {
      this.db = db;
      this.dialect = dialect;
    }

    @Override
    public Optional<ProductInvoice> find(PracticeId practice, InvoiceId id) {
      return read(practice, id, "");
    }

    /** Locks the invoice's head row: issuing, paying, sending and cancelling one invoice take turns. */
    @Override
    public Optional<ProductInvoice> lock(PracticeId practice, InvoiceId id) {
      return read(practice, id, " FOR UPDATE");
    }

    /**
     * The head row (locked when {@code lock} says so), then the lines and payments. On PostgreSQL
     * the three statements go in one round trip: they stay three statements, so the lines and
     * payments are read with a snapshot taken after the head's lock was granted, as the last holder
     * of the lock left them (the reasoning of {@code JdbcWallets.lockAndReadLots}). The lines and
     * payments carry the currency as text and are turned into money once the head's currency is known.
     */
    private Optional<ProductInvoice> read(PracticeId practice, InvoiceId id, String lock) {
      String head = "SELECT " + HEAD + " FROM pakketten_invoices WHERE practice_id = ? AND invoice_id = ?" + lock;
      String lines = "SELECT " + LINES + " FROM pakketten_invoice_lines"
          + " WHERE practice_id = ? AND invoice_id = ? ORDER BY line_no";
      String payments = "SELECT " + PAYMENTS + " FROM pakketten_invoice_payments"
          + " WHERE practice_id = ? AND invoice_id = ? ORDER BY payment_no";
      return db.call("read invoice " + id, tx -> {
        if (dialect != Dialect.POSTGRESQL) {
          List<Head> heads = Db.list(tx, head, JdbcInvoices::head, practice.value(), id.value());
          if (heads.isEmpty()) {
            return Optional.empty();
          }
          CurrencyUnit currency = heads.get(0).currency();
          return Optional.of(heads.get(0).invoice()
              .lines(Db.list(tx, lines, rs -> line(rs, currency), practice.value(), id.value()))
              .payments(Db.list(tx, payments, rs -> payment(rs, currency), practice.value(), id.value()))
              .build());
        }
        List<List<Object>> rows = Db.lists(tx, head + "; " + lines + "; " + payments,
            List.of(JdbcInvoices::head, JdbcInvoices::rawLine, JdbcInvoices::rawPayment),
            practice.value(), id.value(), practice.value(), id.value(), practice.value(), id.value());
        if (rows.get(0).isEmpty()) {
          return Optional.empty();
        }
        Head first = (Head) rows.get(0).get(0);
        CurrencyUnit currency = first.currency();
        for (Object line : rows.get(1)) {
          first.invoice().addLines(((RawLine) line).in(currency));
        }
        for (Object payment : rows.get(2)) {
          first.invoice().addPayments(((RawPayment) payment).in(currency));
        }
        return Optional.of(first.invoice().build());
      });
    }

    @Override
    public void insert(ProductInvoice draft) {
      db.call("insert invoice " + draft.id(), tx -> {
        String practice = draft.practice().value();
        String id = draft.id().value();
        Db.update(tx, "INSERT INTO pakketten_invoices (practice_id, invoice_id, patient_id, currency, created_at,"
            + " created_by) VALUES (?, ?, ?, ?, ?, ?)", practice, id, draft.patient().value(),
            draft.currency().getCode(), Values.instant(draft.createdAt()), draft.createdBy().value());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
          ProductInvoice.Line l = draft.lines().get(i);
          rows.add(new Object[] {practice, id, i + 1, l.productCode().value(),
              Values.text("description", l.description(), 200), l.quantity(), Values.amount("unitPrice", l.unitPrice()),
              l.vatRate().name(),
              l.packageName().isPresent() ? Values.text("packageName", l.packageName().get(), 200) : Values.Null.VARCHAR,
              l.credits()});
        }
        Db.batch(tx, "INSERT INTO pakketten_invoice_lines (practice_id, invoice_id, " + LINES
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return null;
      });
    }

    @Override
    public void update(ProductInvoice invoice) {
      Optional<ProductInvoice.Issue> issue = invoice.issue();
      Optional<ProductInvoice.Cancellation> cancel = invoice.cancellation();
      Object[] issued = issue.map(i -> flat(Values.text("number", i.number(), 64), issueColumns(i)))
          .orElseGet(JdbcInvoices::notIssued);
      Object[] rest = {invoice.sentAt().<Object>map(Values::instant).orElse(Values.Null.TIMESTAMP),
          cancel.<Object>map(c -> Values.text("creditNoteNumber", c.creditNoteNumber(), 64)).orElse(Values.Null.VARCHAR),
          cancel.<Object>map(ProductInvoice.Cancellation::date).orElse(Values.Null.DATE),
          cancel.<Object>map(c -> Values.instant(c.at())).orElse(Values.Null.TIMESTAMP),
          cancel.<Object>map(c -> c.by().value()).orElse(Values.Null.VARCHAR),
          invoice.practice().value(), invoice.id().value()};
      int rows = db.update("update invoice " + invoice.id(), "UPDATE pakketten_invoices SET invoice_number = ?, "
          + ISSUE_COLUMNS + ", sent_at = ?, credit_note_number = ?, cancelled_on = ?, cancelled_at = ?,"
          + " cancelled_by = ? WHERE practice_id = ? AND invoice_id = ?", flat(issued, rest));
      if (rows == 0) {
        throw new IllegalStateException("No invoice " + invoice.id() + " in practice " + invoice.practice());
      }
    }

    /** The values of the issue's columns after its number, in the order of {@link #ISSUE_COLUMNS}. */
    private static Object[] issueColumns(ProductInvoice.Issue i) {
      return flat(new Object[] {i.issueDate(), i.dueDate(), i.language().toLanguageTag(), Values.instant(i.at()),
          i.by().value(), Values.text("supplier.name", i.supplier().name(), 200)},
          flat(address("supplier", i.supplier().address()),
          Values.text("supplier.kvkNumber", i.supplier().kvkNumber(), 20),
          Values.text("supplier.vatNumber", i.supplier().vatNumber(), 20),
          Values.text("supplier.iban", i.supplier().iban(), 40), Values.text("supplier.email", i.supplier().email(), 200),
          Values.text("customer.name", i.customer().name(), 200)), flat(address("customer", i.customer().address()),
          Values.text("customer.email", i.customer().email(), 320)));
    }

    /** The issue's 21 columns of a draft: number, two dates, language, instant, then 16 texts, all NULL. */
    private static Object[] notIssued() {
      Object[] all = new Object[21];
      java.util.Arrays.fill(all, Values.Null.VARCHAR);
      all[1] = Values.Null.DATE;
      all[2] = Values.Null.DATE;
      all[4] = Values.Null.TIMESTAMP;
      return all;
    }

    @Override
    public void addPayment(PracticeId practice, InvoiceId invoice, InvoicePayment p) {
      db.call("add payment " + p.reference() + " to invoice " + invoice, tx -> {
        List<Integer> last = Db.list(tx, "SELECT COALESCE(MAX(payment_no), 0) AS last_no"
            + " FROM pakketten_invoice_payments WHERE practice_id = ? AND invoice_id = ?",
            rs -> rs.getInt("last_no"), practice.value(), invoice.value());
        Db.update(tx, "INSERT INTO pakketten_invoice_payments (practice_id, invoice_id, payment_no, " + PAYMENTS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", practice.value(), invoice.value(), last.get(0) + 1,
            p.reference().value(), Values.amount("amount", p.amount()), p.paidOn(), p.method().name(),
            Values.instant(p.registeredAt()), p.registeredBy().value());
        return null;
      });
    }

    @Override
    public Optional<InvoiceId> paidWith(PracticeId practice, PaymentReference reference) {
      return db.first("find payment " + reference, "SELECT invoice_id FROM pakketten_invoice_payments"
          + " WHERE practice_id = ? AND reference = ?", rs -> InvoiceId.of(rs.getString("invoice_id")),
          practice.value(), reference.value());
    }

    /**
     * Increments the practice's counter row, which stays locked by this transaction until it ends:
     * a concurrent issue waits for it, then increments the committed value, so two transactions never
     * get one number, and a rollback undoes the increment, so no number is skipped. PostgreSQL reads
     * the new value with {@code UPDATE ... RETURNING}; H2 with a select of the row it holds. The first
     * number of a practice inserts the row; two first numbers at once clash on its key (23505), and
     * the loser's command is retried.
     */
    @Override
    public long nextNumber(PracticeId practice) {
      return db.call("take the next invoice number", tx -> {
        List<Long> next;
        if (dialect == Dialect.POSTGRESQL) {
          next = Db.list(tx, "UPDATE pakketten_invoice_numbers SET last_number = last_number + 1"
              + " WHERE practice_id = ? RETURNING last_number", rs -> rs.getLong(1), practice.value());
        } else {
          next = Db.update(tx, "UPDATE pakketten_invoice_numbers SET last_number = last_number + 1"
              + " WHERE practice_id = ?", practice.value()) == 0 ? List.of()
              : Db.list(tx, "SELECT last_number FROM pakketten_invoice_numbers WHERE practice_id = ?",
                  rs -> rs.getLong(1), practice.value());
        }
        if (!next.isEmpty()) {
          return next.get(0);
        }
        Db.update(tx, "INSERT INTO pakketten_invoice_numbers (practice_id, last_number) VALUES (?, 1)",
            practice.value());
        return 1L;
      });
    }

    /**
     * On PostgreSQL the number is taken inside the statement that stores the issue, so the counter
     * row is locked for that one statement and the commit, as a hot row at its cheapest is: every
     * read and check of the issue has been done before this call, and nothing but building the
     * answer follows it. (Held back as a before-commit hook it would save only that building: the
     * answer and the event carry the number, so the number must be known when the use case
     * returns.) A practice's first number inserts the counter row the usual way ({@link
     * #nextNumber}). H2 takes the default path: the number, then the update.
     */
    @Override
    public ProductInvoice issue(ProductInvoice draft, ProductInvoice.Issue issue,
        InvoiceNumbers.Numbering numbering) {
      if (dialect != Dialect.POSTGRESQL) {
        return Invoices.super.issue(draft, issue, numbering);
      }
      Object[] params = flat(draft.practice().value(), Values.text("numberFormat", numbering.prefix(), 64),
          numbering.digits(), Values.text("numberFormat", numbering.suffix(), 64), issueColumns(issue),
          draft.practice().value(), draft.id().value());
      Optional<String> number = db.call("issue invoice " + draft.id(), tx -> {
        List<Object[]> taken = Db.list(tx, ISSUE_NUMBERED, rs -> new Object[] {rs.getString(1), rs.getString(2),
            rs.getLong(3)}, params);
        Object[] row = taken.get(0);
        if (row[0] == null) {
          return Optional.empty();
        }
        if ((long) row[2] != 1) {
          throw new IllegalStateException("No invoice " + draft.id() + " in practice " + draft.practice());
        }
        return Optional.of((String) row[1]);
      });
      if (number.isEmpty()) {
        return Invoices.super.issue(draft, issue, numbering);
      }
      return ValueBuilders.productInvoice().from(draft).issue(issue.withNumber(number.get())).build();
    }

    /**
     * Stores the note's row and its lines. The primary key (practice, number) refuses a second note
     * with a number already stored (23505, retried as transient).
     */
    @Override
    public void insertCreditNote(RefundCreditNote note) {
      db.call("insert credit note " + note.number(), tx -> {
        String practice = note.practice().value();
        String number = Values.text("number", note.number(), 64);
        Db.update(tx, "INSERT INTO pakketten_refund_credit_notes (practice_id, note_number, invoice_id, refund_id,"
            + " note_date, currency, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", practice, number,
            note.invoiceId().value(), note.refundId().value(), note.date(),
            note.lines().get(0).amount().getCurrencyUnit().getCode(), Values.instant(note.at()), note.by().value());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < note.lines().size(); i++) {
          RefundCreditNote.Line l = note.lines().get(i);
          rows.add(new Object[] {practice, number, i + 1, l.invoiceLine(), l.lot().value(), l.credits(),
              Values.amount("amount", l.amount())});
        }
        Db.batch(tx, "INSERT INTO pakketten_refund_credit_note_lines (practice_id, note_number, line_no,"
            + " invoice_line, lot_id, credits, amount) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        return null;
      });
    }

    @Override
    public List<RefundCreditNote> creditNotes(PracticeId practice, InvoiceId invoice) {
      return creditNotes(practice, "n.invoice_id = ?", invoice.value());
    }

    @Override
    public List<RefundCreditNote> creditNotesOfRefund(PracticeId practice, RefundId refund) {
      return creditNotes(practice, "n.refund_id = ?", refund.value());
    }

    /**
     * The notes matching {@code where}, with their lines, in one query: a row per line, in the order
     * the notes were issued (their time, then their number's length and text: a wider number is a
     * later one), then the line's.
     */
    private List<RefundCreditNote> creditNotes(PracticeId practice, String where, String value) {
      record Row(String number, InvoiceId invoice, RefundId refund, LocalDate date, java.time.Instant at,
          UserId by, RefundCreditNote.Line line) {}
      List<Row> rows = db.list("read credit notes", "SELECT n.note_number, n.invoice_id, n.refund_id, n.note_date,"
          + " n.currency, n.issued_at, n.issued_by, l.invoice_line, l.lot_id, l.credits, l.amount"
          + " FROM pakketten_refund_credit_notes n JOIN pakketten_refund_credit_note_lines l"
          + " ON l.practice_id = n.practice_id AND l.note_number = n.note_number"
          + " WHERE n.practice_id = ? AND " + where
          + " ORDER BY n.issued_at, LENGTH(n.note_number), n.note_number, l.line_no",
          rs -> new Row(rs.getString("note_number"), InvoiceId.of(rs.getString("invoice_id")),
              RefundId.of(rs.getString("refund_id")), rs.getObject("note_date", LocalDate.class),
              Values.instant(rs, "issued_at"), UserId.of(rs.getString("issued_by")),
              new RefundCreditNote.Line(rs.getInt("invoice_line"), LotId.of(rs.getString("lot_id")),
                  rs.getInt("credits"), money(rs, "amount", CurrencyUnit.of(rs.getString("currency"))))),
          practice.value(), value);
      List<RefundCreditNote> notes = new ArrayList<>();
      int from = 0;
      for (int i = 1; i <= rows.size(); i++) {
        if (i == rows.size() || !rows.get(i).number().equals(rows.get(from).number())) {
          Row first = rows.get(from);
          notes.add(new RefundCreditNote(practice, first.number(), first.invoice(), first.refund(), first.date(),
              rows.subList(from, i).stream().map(Row::line).toList(), first.at(), first.by()));
          from = i;
        }
      }
      return notes;
    }

    /** An invoice's head row: the builder without lines and payments, and the currency to read them in. */
    private record Head(ProductInvoice.Builder invoice, CurrencyUnit currency) {}

    private static Head head(ResultSet rs) throws SQLException {
      CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency"));
      ProductInvoice.Builder b = ValueBuilders.productInvoice()
          .practice(PracticeId.of(rs.getString("practice_id")))
          .id(InvoiceId.of(rs.getString("invoice_id")))
          .patient(PatientId.of(rs.getString("patient_id")))
          .currency(currency)
          .createdAt(Values.instant(rs, "created_at"))
          .createdBy(UserId.of(rs.getString("created_by")));
      Optional<String> number = Values.text(rs, "invoice_number");
      if (number.isPresent()) {
        b.issue(new ProductInvoice.Issue(number.get(), rs.getObject("issue_date", LocalDate.class),
            rs.getObject("due_date", LocalDate.class), Locale.forLanguageTag(rs.getString("doc_language")),
            new InvoiceDocument.Supplier(rs.getString("supplier_name"), address(rs, "supplier_"),
                rs.getString("supplier_kvk"), rs.getString("supplier_vat"), rs.getString("supplier_iban"),
                rs.getString("supplier_email")),
            new InvoiceDocument.Customer(rs.getString("customer_name"), address(rs, "customer_"),
                rs.getString("customer_email")),
            Values.instant(rs, "issued_at"), UserId.of(rs.getString("issued_by"))));
      }
      if (rs.getObject("sent_at") != null) {
        b.sentAt(Values.instant(rs, "sent_at"));
      }
      Optional<String> creditNote = Values.text(rs, "credit_note_number");
      if (creditNote.isPresent()) {
        b.cancellation(new ProductInvoice.Cancellation(creditNote.get(), rs.getObject("cancelled_on", LocalDate.class),
            Values.instant(rs, "cancelled_at"), UserId.of(rs.getString("cancelled_by"))));
      }
      return new Head(b, currency);
    }

    /** A line as read before its invoice's currency is known. */
    private record RawLine(ProductCode code, String description, int quantity, java.math.BigDecimal unitPrice,
        VatRate vatRate, Optional<String> packageName, int credits) {
      ProductInvoice.Line in(CurrencyUnit currency) {
        return new ProductInvoice.Line(code, description, quantity, money(unitPrice, currency), vatRate, packageName,
            credits);
      }
    }

    private static RawLine rawLine(ResultSet rs) throws SQLException {
      return new RawLine(ProductCode.of(rs.getString("product_code")), rs.getString("description"),
          rs.getInt("quantity"), rs.getBigDecimal("unit_price"), VatRate.valueOf(rs.getString("vat_rate")),
          Values.text(rs, "package_name"), rs.getInt("credits"));
    }

    /** A payment as read before its invoice's currency is known. */
    private record RawPayment(PaymentReference reference, java.math.BigDecimal amount, LocalDate paidOn,
        PaymentMethod method, java.time.Instant registeredAt, UserId registeredBy) {
      InvoicePayment in(CurrencyUnit currency) {
        return new InvoicePayment(reference, money(amount, currency), paidOn, method, registeredAt, registeredBy);
      }
    }

    private static RawPayment rawPayment(ResultSet rs) throws SQLException {
      return new RawPayment(PaymentReference.of(rs.getString("reference")), rs.getBigDecimal("amount"),
          rs.getObject("paid_on", LocalDate.class), PaymentMethod.valueOf(rs.getString("method")),
          Values.instant(rs, "registered_at"), UserId.of(rs.getString("registered_by")));
    }

    private static ProductInvoice.Line line(ResultSet rs, CurrencyUnit currency) throws SQLException {
      return new ProductInvoice.Line(ProductCode.of(rs.getString("product_code")), rs.getString("description"),
          rs.getInt("quantity"), money(rs, "unit_price", currency), VatRate.valueOf(rs.getString("vat_rate")),
          Values.text(rs, "package_name"), rs.getInt("credits"));
    }

    private static InvoicePayment payment(ResultSet rs, CurrencyUnit currency) throws SQLException {
      return new InvoicePayment(PaymentReference.of(rs.getString("reference")), money(rs, "amount", currency),
          rs.getObject("paid_on", LocalDate.class), PaymentMethod.valueOf(rs.getString("method")),
          Values.instant(rs, "registered_at"), UserId.of(rs.getString("registered_by")));
    }

    private static Money money(ResultSet rs, String column, CurrencyUnit currency) throws SQLException {
      return money(rs.getBigDecimal(column), currency);
    }

    private static Money money(java.math.BigDecimal amount, CurrencyUnit currency) {
      return Money.of(currency, amount.setScale(currency.getDecimalPlaces(), java.math.RoundingMode.UNNECESSARY));
    }
  }
}
