package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The start-up check that the database holds every migration this release needs, so that a host
 * that upgraded the jar but not its schema is stopped at start-up with the version found and the
 * one needed, not at the first command that writes what a newer migration added.
 */
final class SchemaVersion {
  private SchemaVersion() {}

  /**
   * Checks that every migration this release needs was applied: for each version, a probe of
   * what it added. A database left at an older version would otherwise fail only at the first
   * command that writes what the newer one added.
   */
  static void verify(Connection connection, Dialect dialect) throws SQLException {
    int applied = 0;
    String missing = null;
    int missingVersion = 0;
    for (Probe probe : Probe.values()) {
      if (!probe.isPresent(connection)) {
        missing = probe.adds;
        missingVersion = probe.version;
        break;
      }
      applied = probe.version;
    }
    if (missing != null) {
      int needed = Probe.values()[Probe.values().length - 1].version;
      throw new IllegalStateException(applied == 0
          ? "The Pakketten tables are not in this database: apply the migrations at classpath:"
              + dialect.migrationFolder + " first, for example with Flyway (see docs/schema.md)"
          : "The Pakketten schema in this database is at version " + applied + ", this release needs version "
              + needed + " (missing from V" + missingVersion + ": " + missing + "): apply the migrations at classpath:"
              + dialect.migrationFolder + " (see docs/schema.md)");
    }
  }

  /** What each shipped migration adds, in version order, probed without reading a row. */
  enum Probe {
    V1(1, "the tables", "SELECT practice_id, patient_id, package_id, balance FROM pakketten_wallets WHERE 1 = 0"),
    V2(2, "the appointments' first schedule answers",
        "SELECT scheduled_coverage, scheduled_package_id, scheduled_cost FROM pakketten_appointments WHERE 1 = 0;"
            + "SELECT lot_id FROM pakketten_scheduled_allocations WHERE 1 = 0"),
    V3(3, "the indexes of paged reads", null) {
      @Override
      boolean isPresent(Connection connection) throws SQLException {
        return hasIndex(connection, "pakketten_journal_entries", "pakketten_journal_entries_at_seq_ix");
      }
    },
    V4(4, "invoicing: practice profiles, products' VAT, invoices, payments, numbering and mail templates",
        "SELECT description, vat_rate FROM pakketten_products WHERE 1 = 0;"
            + "SELECT payment_no FROM pakketten_invoice_payments WHERE 1 = 0;"
            + "SELECT last_number FROM pakketten_invoice_numbers WHERE 1 = 0;"
            + "SELECT text_body FROM pakketten_mail_templates WHERE 1 = 0;"
            + "SELECT iban FROM pakketten_practice_profiles WHERE 1 = 0"),
    V5(5, "the transactional outbox of mails and events",
        "SELECT seq, message_id, next_attempt_at, content FROM pakketten_outbox WHERE 1 = 0"),
    V6(6, "validity of paid credits, breakage accounts, low-balance thresholds, refunds and expiry notices",
        "SELECT breakage_account, low_balance_threshold FROM pakketten_packages WHERE 1 = 0;"
            + "SELECT validity FROM pakketten_products WHERE 1 = 0;"
            + "SELECT refund_id, refund_value, amount FROM pakketten_refunds WHERE 1 = 0;"
            + "SELECT notified_for FROM pakketten_expiry_notices WHERE 1 = 0"),
    V7(7, "payment reversals and transfers between patients",
        "SELECT value_out, transferred_from FROM pakketten_lots WHERE 1 = 0;"
            + "SELECT reversal_id, receivable FROM pakketten_reversals WHERE 1 = 0;"
            + "SELECT transfer_id, new_lot_id FROM pakketten_transfers WHERE 1 = 0"),
    V8(8, "the journal entries' kinds and the lines' report columns",
        "SELECT kind FROM pakketten_journal_entries WHERE 1 = 0;"
            + "SELECT at, package_id, kind FROM pakketten_journal_lines WHERE 1 = 0"),
    V9(9, "the credit notes refunds issue for invoices the SDK made",
        "SELECT note_number, refund_id FROM pakketten_refund_credit_notes WHERE 1 = 0;"
            + "SELECT invoice_line, lot_id, amount FROM pakketten_refund_credit_note_lines WHERE 1 = 0");

    final int version;
    final String adds;
    private final String probes;

    Probe(int version, String adds, String probes) {
      this.version = version;
      this.adds = adds;
      this.probes = probes;
    }

    boolean isPresent(Connection connection) throws SQLException {
      for (String sql : probes.split(";")) {
        // A failed probe ends the checks (the first missing version is reported), so a failed
        // statement that aborted the connection's transaction on PostgreSQL is never followed.
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
          ps.executeQuery().close();
        } catch (SQLException e) {
          return false;
        }
      }
      return true;
    }

    static boolean hasIndex(Connection connection, String table, String index) throws SQLException {
      DatabaseMetaData meta = connection.getMetaData();
      String tableName = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), tableName, false, true)) {
        while (rs.next()) {
          if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
