package nl.pakketten.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the adapter speaks, and the few statements that differ between them. */
enum Dialect {
  POSTGRESQL("postgresql",
      "INSERT INTO pakketten_wallets (practice_id, patient_id, package_id, balance) VALUES (?, ?, ?, 0)"
          + " ON CONFLICT DO NOTHING",
      "INSERT INTO pakketten_products (practice_id, product_code, name, unit_price, currency, package_id,"
          + " credits_per_unit, description, vat_rate, validity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (practice_id, product_code) DO UPDATE SET"
          + " name = EXCLUDED.name, unit_price = EXCLUDED.unit_price, currency = EXCLUDED.currency,"
          + " package_id = EXCLUDED.package_id, credits_per_unit = EXCLUDED.credits_per_unit,"
          + " description = EXCLUDED.description, vat_rate = EXCLUDED.vat_rate, validity = EXCLUDED.validity",
      "INSERT INTO pakketten_appointment_types (practice_id, type_id, name, package_id, credits_per_appointment)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (practice_id, type_id) DO UPDATE SET name = EXCLUDED.name,"
          + " package_id = EXCLUDED.package_id, credits_per_appointment = EXCLUDED.credits_per_appointment"),
  H2("h2",
      "MERGE INTO pakketten_wallets w USING (SELECT CAST(? AS VARCHAR(64)) AS practice_id,"
          + " CAST(? AS VARCHAR(64)) AS patient_id, CAST(? AS VARCHAR(64)) AS package_id) s"
          + " ON w.practice_id = s.practice_id AND w.patient_id = s.patient_id AND w.package_id = s.package_id"
          + " WHEN NOT MATCHED THEN INSERT (practice_id, patient_id, package_id, balance)"
          + " VALUES (s.practice_id, s.patient_id, s.package_id, 0)",
      "MERGE INTO pakketten_products (practice_id, product_code, name, unit_price, currency, package_id,"
          + " credits_per_unit, description, vat_rate, validity) KEY (practice_id, product_code)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      "MERGE INTO pakketten_appointment_types (practice_id, type_id, name, package_id, credits_per_appointment)"
          + " KEY (practice_id, type_id) VALUES (?, ?, ?, ?, ?)");

  /** The folder of this dialect's migrations inside the jar. */
  final String migrationFolder;
  /** Creates an empty wallet row unless it exists, without failing when a concurrent transaction creates it. */
  final String createWalletIfMissing;
  /** Inserts or replaces a product. */
  final String upsertProduct;
  /** Inserts or replaces an appointment type. */
  final String upsertAppointmentType;

  Dialect(String folder, String createWalletIfMissing, String upsertProduct, String upsertAppointmentType) {
    this.migrationFolder = "nl/pakketten/jdbc/migration/" + folder;
    this.createWalletIfMissing = createWalletIfMissing;
    this.upsertProduct = upsertProduct;
    this.upsertAppointmentType = upsertAppointmentType;
  }

  /** The dialect of the database the connection talks to; any other database is refused. */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("Pakketten's JDBC adapter supports PostgreSQL and H2, but this DataSource"
        + " connects to " + product + " " + meta.getDatabaseProductVersion());
  }
}
