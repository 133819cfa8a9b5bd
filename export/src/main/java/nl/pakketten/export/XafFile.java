package nl.pakketten.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.revenue.AccountRole;
import nl.pakketten.revenue.JournalEntry;
import nl.pakketten.revenue.JournalLine;
import nl.pakketten.revenue.JournalPeriod;
import nl.pakketten.revenue.JournalTotal;
import nl.pakketten.revenue.Side;
import org.jspecify.annotations.Nullable;

/**
 * The XAF 3.2 audit file, written with StAX in the order of {@code XmlAuditfileFinancieel3.2.xsd}:
 * header, company (its details, the general ledger of the accounts used or with a balance, the
 * months of the period, the accounts' opening balances, then the transactions). The schema wants the accounts and the transactions' count and totals
 * before the first transaction, so the period is read twice: a first pass collects the accounts,
 * currencies, count and totals (a few values per account, nothing per entry), the second writes.
 */
final class XafFile {
  static final String NAMESPACE = "http://www.auditfiles.nl/XAF/3.2";
  /** The one journal the entries go in: a memorial journal ("memoriaal"). */
  static final String JOURNAL_ID = "PAKKETTEN";
  private static final int MAX_PERIODS = 999;
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  private XafFile() {}

  /** What the first pass learns. */
  private static final class Survey {
    final Map<String, Set<AccountRole>> accounts = new TreeMap<>();
    final Set<String> currencies = new TreeSet<>();
    final JournalCsv.Totals totals = new JournalCsv.Totals();
  }

  static ExportTotals write(JournalPeriod period, PracticeProfile profile, ZoneId zone, String version,
      OutputStream out) {
    LocalDate start = period.from().atZone(zone).toLocalDate();
    LocalDate end = period.to().equals(period.from()) ? start : period.to().minusNanos(1).atZone(zone).toLocalDate();
    YearMonth firstMonth = YearMonth.from(start);
    long months = ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(end)) + 1;
    if (months > MAX_PERIODS) {
      throw InvalidInputException.of("to", period.to(), "an XAF audit file holds at most " + MAX_PERIODS
          + " months (periods); this period spans " + months);
    }
    checkProfile(profile);

    Survey survey = new Survey();
    period.forEach(entry -> {
      for (JournalLine line : entry.lines()) {
        survey.accounts.computeIfAbsent(line.account(), a -> EnumSet.noneOf(AccountRole.class)).add(line.role());
        survey.currencies.add(line.amount().getCurrencyUnit().getCode());
        survey.totals.line(line.side(), line.amount().getAmount());
      }
      survey.totals.entries++;
    });
    // The accounts' balances before the period: debit − credit per account, the zero ones left out.
    Map<String, BigDecimal> opening = new TreeMap<>();
    Map<String, Set<AccountRole>> openingRoles = new TreeMap<>();
    for (JournalTotal total : period.totalsBefore()) {
      BigDecimal amount = total.amount().getAmount();
      opening.merge(total.account(), total.side() == Side.DEBIT ? amount : amount.negate(), BigDecimal::add);
      openingRoles.computeIfAbsent(total.account(), a -> EnumSet.noneOf(AccountRole.class)).add(total.role());
      survey.currencies.add(total.amount().getCurrencyUnit().getCode());
    }
    opening.values().removeIf(balance -> balance.signum() == 0);
    for (String account : opening.keySet()) {
      survey.accounts.computeIfAbsent(account, a -> EnumSet.noneOf(AccountRole.class))
          .addAll(openingRoles.get(account));
    }
    for (String account : survey.accounts.keySet()) {
      if (account.length() > 35) {
        throw InvalidInputException.of("account", account, "is longer than the 35 characters of an XAF account id");
      }
    }
    if (survey.currencies.size() > 1) {
      throw InvalidInputException.of("currency", survey.currencies,
          "an XAF audit file has one currency; the period's entries have several");
    }
    String currency = survey.currencies.isEmpty() ? "EUR" : survey.currencies.iterator().next();

    try {
      // Buffered here, whatever the caller passes: StAX writes a few bytes at a time.
      OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
      Xml xml = new Xml(OUTPUT.createXMLStreamWriter(buffered, "UTF-8"));
      xml.w.writeStartDocument("UTF-8", "1.0");
      xml.w.writeCharacters("\n");
      xml.w.setDefaultNamespace(NAMESPACE);
      xml.start("auditfile");
      xml.w.writeDefaultNamespace(NAMESPACE);

      xml.start("header");
      xml.text("fiscalYear", start.getYear() == end.getYear() ? String.valueOf(start.getYear())
          : start.getYear() + "-" + end.getYear());
      xml.text("startDate", start.toString());
      xml.text("endDate", end.toString());
      xml.text("curCode", currency);
      xml.text("dateCreated", period.readAt().atZone(zone).toLocalDate().toString());
      xml.text("softwareDesc", "Pakketten");
      xml.text("softwareVersion", version);
      xml.end();

      xml.start("company");
      xml.text("companyIdent", profile.kvkNumber());
      xml.text("companyName", profile.name());
      xml.text("taxRegistrationCountry", country(profile));
      xml.text("taxRegIdent", profile.vatNumber());
      xml.start("streetAddress");
      xml.text("streetname", profile.address().street());
      xml.text("city", profile.address().city());
      xml.text("postalCode", profile.address().postalCode());
      xml.text("country", country(profile));
      xml.end();

      if (!survey.accounts.isEmpty()) {
        xml.start("generalLedger");
        for (Map.Entry<String, Set<AccountRole>> account : survey.accounts.entrySet()) {
          xml.start("ledgerAccount");
          xml.text("accID", account.getKey());
          xml.text("accDesc", description(account.getValue()));
          xml.text("accTp", accountType(account.getValue()));
          xml.end();
        }
        xml.end();
      }

      xml.start("periods");
      for (int i = 0; i < months; i++) {
        YearMonth month = firstMonth.plusMonths(i);
        xml.start("period");
        xml.text("periodNumber", String.valueOf(i + 1));
        xml.text("periodDesc", month.toString());
        xml.text("startDatePeriod", (i == 0 ? start : month.atDay(1)).toString());
        xml.text("endDatePeriod", (i == months - 1 ? end : month.atEndOfMonth()).toString());
        xml.end();
      }
      xml.end();

      if (!opening.isEmpty()) {
        openingBalance(xml, opening, start);
      }

      xml.start("transactions");
      xml.text("linesCount", String.valueOf(survey.totals.lines));
      xml.text("totalDebit", survey.totals.debit.toPlainString());
      xml.text("totalCredit", survey.totals.credit.toPlainString());
      xml.start("journal");
      xml.text("jrnID", JOURNAL_ID);
      xml.text("desc", "Pakketten: prepaid appointment packages (deferred and recognised revenue)");
      xml.text("jrnTp", "M");
      JournalCsv.Totals written = new JournalCsv.Totals();
      period.forEach(entry -> {
        try {
          transaction(xml, entry, written.entries + 1, firstMonth, zone, written);
        } catch (XMLStreamException e) {
          throw new UncheckedIOException(new IOException("Could not write the XAF file", e));
        }
      });
      xml.end(); // journal
      xml.end(); // transactions
      xml.end(); // company
      xml.end(); // auditfile
      xml.w.writeEndDocument();
      xml.w.flush();
      xml.w.close(); // does not close the underlying stream
      buffered.flush();
      ExportTotals result = written.result();
      if (!result.equals(survey.totals.result())) {
        // Both passes read one snapshot; a difference is a storage adapter that does not keep that.
        throw new IllegalStateException("The journal changed between the two passes of the XAF export: "
            + survey.totals.result() + " then " + result);
      }
      return result;
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new IOException("Could not write the XAF file", e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The accounts' balances on the period's first day: one line per account with a balance, debit or
   * credit. The journal balances, so the debit lines add up to the credit lines.
   */
  private static void openingBalance(Xml xml, Map<String, BigDecimal> opening, LocalDate start)
      throws XMLStreamException {
    BigDecimal debit = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO;
    for (BigDecimal balance : opening.values()) {
      if (balance.signum() > 0) {
        debit = debit.add(balance);
      } else {
        credit = credit.add(balance.negate());
      }
    }
    xml.start("openingBalance");
    xml.text("opBalDate", start.toString());
    xml.text("opBalDesc", "Balances of the accounts before " + start + ", from the journal of Pakketten");
    xml.text("linesCount", String.valueOf(opening.size()));
    xml.text("totalDebit", debit.toPlainString());
    xml.text("totalCredit", credit.toPlainString());
    int number = 0;
    for (Map.Entry<String, BigDecimal> balance : opening.entrySet()) {
      xml.start("obLine");
      xml.text("nr", String.valueOf(++number));
      xml.text("accID", balance.getKey());
      xml.text("amnt", balance.getValue().abs().toPlainString());
      xml.text("amntTp", balance.getValue().signum() > 0 ? "D" : "C");
      xml.end();
    }
    xml.end();
  }

  private static void transaction(Xml xml, JournalEntry entry, long number, YearMonth firstMonth, ZoneId zone,
      JournalCsv.Totals written) throws XMLStreamException {
    LocalDate date = entry.at().atZone(zone).toLocalDate();
    xml.start("transaction");
    xml.text("nr", String.valueOf(number));
    xml.text("desc", entry.description());
    xml.text("periodNumber", String.valueOf(ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(date)) + 1));
    xml.text("trDt", date.toString());
    xml.text("amnt", entry.total().getAmount().toPlainString());
    xml.text("amntTp", "D");
    List<JournalLine> lines = entry.lines();
    String about = about(entry);
    for (int i = 0; i < lines.size(); i++) {
      JournalLine line = lines.get(i);
      xml.start("trLine");
      xml.text("nr", String.valueOf(i + 1));
      xml.text("accID", line.account());
      xml.text("docRef", entry.id());
      xml.text("effDate", date.toString());
      xml.text("desc", roleText(line.role()) + about);
      xml.text("amnt", line.amount().getAmount().toPlainString());
      xml.text("amntTp", line.side() == Side.DEBIT ? "D" : "C");
      xml.end();
      written.line(line.side(), line.amount().getAmount());
    }
    xml.end();
    written.entries++;
  }

  /** The patient, package, lot and source of an entry, for its lines' descriptions. */
  private static String about(JournalEntry entry) {
    StringBuilder s = new StringBuilder();
    if (entry.patient() != null) {
      s.append("; patient ").append(entry.patient().value());
    }
    if (entry.packageId() != null) {
      s.append("; package ").append(entry.packageId().value());
    }
    if (entry.lot() != null) {
      s.append("; lot ").append(entry.lot().value());
    }
    s.append("; source ").append(entry.sourceKey());
    return s.toString();
  }

  private static String roleText(AccountRole role) {
    return switch (role) {
      case REVENUE -> "Revenue";
      case DEFERRED_REVENUE -> "Deferred revenue";
      case PAYMENTS_CLEARING -> "Payments clearing";
      case IMPORTS_OFFSET -> "Imported credits offset";
      case RECEIVABLE -> "Receivable";
      case BREAKAGE -> "Breakage";
      case REFUNDS_PAYABLE -> "Refunds payable";
    };
  }

  private static String description(Set<AccountRole> roles) {
    return String.join(" / ", roles.stream().map(XafFile::accountText).toList());
  }

  private static String accountText(AccountRole role) {
    return switch (role) {
      case REVENUE -> "Revenue from packages (grootboekrekening)";
      case DEFERRED_REVENUE -> "Prepaid packages, deferred revenue (balanspost)";
      case PAYMENTS_CLEARING -> "Payments of package invoices to clear";
      case IMPORTS_OFFSET -> "Counter-account of imported credits";
      case RECEIVABLE -> "Receivables from patients of reversed payments";
      case BREAKAGE -> "Breakage: value of expired or partly refunded credits";
      case REFUNDS_PAYABLE -> "Refunds of credits payable to patients";
    };
  }

  /** B (balance sheet) or P (profit and loss) when every role agrees, M (mixed) otherwise. */
  private static String accountType(Set<AccountRole> roles) {
    Set<String> types = new TreeSet<>();
    for (AccountRole role : roles) {
      types.add(switch (role) {
        case REVENUE, BREAKAGE -> "P";
        case DEFERRED_REVENUE, PAYMENTS_CLEARING, REFUNDS_PAYABLE, RECEIVABLE -> "B";
        case IMPORTS_OFFSET -> "M";
      });
    }
    return types.size() == 1 ? types.iterator().next() : "M";
  }

  private static String country(PracticeProfile profile) {
    return profile.address().countryCode().toUpperCase(Locale.ROOT);
  }

  /** Refuses a profile whose fields do not fit the XAF's types, naming every field that does not. */
  private static void checkProfile(PracticeProfile profile) {
    List<FieldViolation> problems = new ArrayList<>();
    fits(problems, "profile.name", profile.name(), 999);
    fits(problems, "profile.kvkNumber", profile.kvkNumber(), 35);
    fits(problems, "profile.vatNumber", profile.vatNumber(), 30);
    fits(problems, "profile.address.street", profile.address().street(), 999);
    fits(problems, "profile.address.city", profile.address().city(), 50);
    fits(problems, "profile.address.postalCode", profile.address().postalCode(), 10);
    String country = profile.address().countryCode();
    if (!Set.of(Locale.getISOCountries()).contains(country.toUpperCase(Locale.ROOT))) {
      problems.add(FieldViolation.of("profile.address.countryCode", country,
          "is not an ISO 3166 country code, which an XAF audit file needs"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void fits(List<FieldViolation> problems, String field, @Nullable String value, int max) {
    if (value == null || value.isEmpty()) {
      problems.add(FieldViolation.of(field, value, "is needed in an XAF audit file"));
    } else if (value.length() > max) {
      problems.add(FieldViolation.of(field, value, "is longer than the " + max + " characters an XAF audit file"
          + " allows"));
    }
  }

  /** A StAX writer that indents by depth: one element per line, for a reader of the file. */
  private static final class Xml {
    final XMLStreamWriter w;
    private int depth;

    Xml(XMLStreamWriter w) {
      this.w = w;
    }

    void start(String name) throws XMLStreamException {
      indent();
      w.writeStartElement(NAMESPACE, name);
      depth++;
    }

    void end() throws XMLStreamException {
      depth--;
      indent();
      w.writeEndElement();
      if (depth == 0) {
        w.writeCharacters("\n");
      }
    }

    void text(String name, String value) throws XMLStreamException {
      indent();
      w.writeStartElement(NAMESPACE, name);
      w.writeCharacters(value);
      w.writeEndElement();
    }

    private void indent() throws XMLStreamException {
      if (depth > 0) {
        w.writeCharacters("\n" + "  ".repeat(depth));
      }
    }
  }
}
