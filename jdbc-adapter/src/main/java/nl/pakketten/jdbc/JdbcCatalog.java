package nl.pakketten.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.BalanceSheetItem;
import nl.pakketten.catalog.CreditPackage;
import nl.pakketten.catalog.LedgerAccount;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.catalog.Product;
import nl.pakketten.catalog.ProductCode;
import nl.pakketten.catalog.ProductLink;
import nl.pakketten.common.NotFoundException;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.UserId;
import nl.pakketten.invoicing.VatRate;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.Products;
import nl.pakketten.spi.ValueBuilders;

/** The catalog's ports: packages, products and appointment types. */
final class JdbcCatalog {
  private JdbcCatalog() {}

  static final class JdbcPackages implements Packages {
    private static final String COLUMNS = "practice_id, package_id, name, internal_rate, currency, ledger_account,"
        + " balance_sheet_item, active, changed_at, changed_by, breakage_account, low_balance_threshold";
    private static final int NAME = 200;
    private static final int NAME_KEY = 400;

    private final Db db;

    JdbcPackages(Db db) {
      this.db = db;
    }

    @Override
    public Optional<CreditPackage> find(PracticeId practice, PackageId id) {
      return db.first("find a package", "SELECT " + COLUMNS + " FROM pakketten_packages"
          + " WHERE practice_id = ? AND package_id = ?", JdbcPackages::map, practice.value(), id.value());
    }

    @Override
    public Optional<CreditPackage> findByName(PracticeId practice, String name) {
      String key = nameKey(name);
      if (key.length() > NAME_KEY) {
        return Optional.empty();
      }
      return db.first("find a package by name", "SELECT " + COLUMNS + " FROM pakketten_packages"
          + " WHERE practice_id = ? AND name_key = ?", JdbcPackages::map, practice.value(), key);
    }

    @Override
    public List<CreditPackage> list(PracticeId practice) {
      List<CreditPackage> packages = new ArrayList<>(db.list("list packages", "SELECT " + COLUMNS
          + " FROM pakketten_packages WHERE practice_id = ?", JdbcPackages::map, practice.value()));
      packages.sort(Packages.ORDER);
      return packages;
    }

    @Override
    public void insert(CreditPackage pkg) {
      db.update("insert package " + pkg.id(), "INSERT INTO pakketten_packages (" + COLUMNS
          + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(pkg));
    }

    @Override
    public void update(CreditPackage pkg) {
      Object[] v = values(pkg);
      int rows = db.update("update package " + pkg.id(), "UPDATE pakketten_packages SET name = ?,"
          + " internal_rate = ?, currency = ?, ledger_account = ?, balance_sheet_item = ?, active = ?, changed_at = ?,"
          + " changed_by = ?, breakage_account = ?, low_balance_threshold = ?, name_key = ?"
          + " WHERE practice_id = ? AND package_id = ?",
          v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[0], v[1]);
      if (rows == 0) {
        throw new NotFoundException("package", pkg.id(), pkg.practice());
      }
    }

    @Override
    public void delete(PracticeId practice, PackageId id) {
      db.update("delete package " + id, "DELETE FROM pakketten_packages WHERE practice_id = ? AND package_id = ?",
          practice.value(), id.value());
    }

    private static Object[] values(CreditPackage p) {
      return new Object[] {
          p.practice().value(),
          p.id().value(),
          Values.text("name", p.name(), NAME),
          Values.amount("internalRate", p.internalRate()),
          p.internalRate().getCurrencyUnit().getCode(),
          p.ledgerAccount().map(LedgerAccount::value).map(Object.class::cast).orElse(Values.Null.VARCHAR),
          p.balanceSheetItem().map(BalanceSheetItem::value).map(Object.class::cast).orElse(Values.Null.VARCHAR),
          p.active(),
          Values.instant(p.changedAt()),
          p.changedBy().value(),
          p.breakageAccount().map(LedgerAccount::value).map(Object.class::cast).orElse(Values.Null.VARCHAR),
          p.lowBalanceThreshold().map(Object.class::cast).orElse(Values.Null.INTEGER),
          Values.text("name", nameKey(p.name()), NAME_KEY)};
    }

    /** The key under which names are unique: the core's, computed in Java, stored in a plain column. */
    static String nameKey(String name) {
      return CreditPackage.nameKey(name);
    }

    private static CreditPackage map(ResultSet rs) throws SQLException {
      return ValueBuilders.creditPackage()
          .practice(PracticeId.of(rs.getString("practice_id")))
          .id(PackageId.of(rs.getString("package_id")))
          .name(rs.getString("name"))
          .internalRate(Values.money(rs, "internal_rate", "currency"))
          .ledgerAccount(Values.text(rs, "ledger_account").map(LedgerAccount::of))
          .balanceSheetItem(Values.text(rs, "balance_sheet_item").map(BalanceSheetItem::of))
          .active(rs.getBoolean("active"))
          .changedAt(Values.instant(rs, "changed_at"))
          .changedBy(UserId.of(rs.getString("changed_by")))
          .breakageAccount(Values.text(rs, "breakage_account").map(LedgerAccount::of))
          .lowBalanceThreshold(Optional.ofNullable((Integer) rs.getObject("low_balance_threshold", Integer.class)))
          .build();
    }
  }

  static final class JdbcProducts implements Products {
    private static final String COLUMNS = "practice_id, product_code, name, unit_price, currency, package_id,"
        + " credits_per_unit, description, vat_rate, validity";

    private final Db db;
    private final Dialect dialect;

    JdbcProducts(Db db, Dialect dialect) {
      this.db = db;
      this.dialect = dialect;
    }

    @Override
    public Optional<Product> find(PracticeId practice, ProductCode code) {
      return db.first("find a product", "SELECT " + COLUMNS + " FROM pakketten_products"
          + " WHERE practice_id = ? AND product_code = ?", JdbcProducts::map, practice.value(), code.value());
    }

    @Override
    public void save(Product product) {
      Optional<ProductLink> link = product.link();
      db.update("save product " + product.code(), dialect.upsertProduct,
          product.practice().value(),
          product.code().value(),
          Values.text("name", product.name(), 200),
          Values.amount("unitPrice", product.unitPrice()),
          product.unitPrice().getCurrencyUnit().getCode(),
          link.map(l -> (Object) l.packageId().value()).orElse(Values.Null.VARCHAR),
          link.map(l -> (Object) l.creditsPerUnit()).orElse(Values.Null.INTEGER),
          // NULL when it is the name, so that a renamed product without a description of its own follows its name.
          product.description().equals(product.name()) ? Values.Null.VARCHAR
              : Values.text("description", product.description(), 200),
          product.vatRate().name(),
          link.flatMap(ProductLink::validity).map(v -> (Object) v.toString()).orElse(Values.Null.VARCHAR));
    }

    @Override
    public List<Product> linkedTo(PracticeId practice, PackageId packageId) {
      List<Product> products = new ArrayList<>(db.list("list products of a package", "SELECT " + COLUMNS
              + " FROM pakketten_products WHERE practice_id = ? AND package_id = ?", JdbcProducts::map,
          practice.value(), packageId.value()));
      products.sort(Comparator.comparing(Product::code));
      return products;
    }

    private static Product map(ResultSet rs) throws SQLException {
      Optional<Integer> credits = Values.integer(rs, "credits_per_unit");
      Optional<String> validity = Values.text(rs, "validity");
      return ValueBuilders.product()
          .practice(PracticeId.of(rs.getString("practice_id")))
          .code(ProductCode.of(rs.getString("product_code")))
          .name(rs.getString("name"))
          .unitPrice(Values.money(rs, "unit_price", "currency"))
          .description(Values.text(rs, "description").orElse(rs.getString("name")))
          .vatRate(VatRate.valueOf(rs.getString("vat_rate")))
          .link(Values.text(rs, "package_id").map(p -> new ProductLink(PackageId.of(p), credits.orElseThrow(),
              validity.map(java.time.Period::parse))))
          .build();
    }
  }

  static final class JdbcAppointmentTypes implements AppointmentTypes {
    private static final String COLUMNS = "practice_id, type_id, name, package_id, credits_per_appointment";

    private final Db db;
    private final Dialect dialect;

    JdbcAppointmentTypes(Db db, Dialect dialect) {
      this.db = db;
      this.dialect = dialect;
    }

    @Override
    public Optional<AppointmentType> find(PracticeId practice, AppointmentTypeId id) {
      return db.first("find an appointment type", "SELECT " + COLUMNS + " FROM pakketten_appointment_types"
          + " WHERE practice_id = ? AND type_id = ?", JdbcAppointmentTypes::map, practice.value(), id.value());
    }

    @Override
    public void save(AppointmentType type) {
      Optional<AppointmentTypeLink> link = type.link();
      db.update("save appointment type " + type.id(), dialect.upsertAppointmentType,
          type.practice().value(),
          type.id().value(),
          Values.text("name", type.name(), 200),
          link.map(l -> (Object) l.packageId().value()).orElse(Values.Null.VARCHAR),
          link.map(l -> (Object) l.creditsPerAppointment()).orElse(Values.Null.INTEGER));
    }

    @Override
    public List<AppointmentType> linkedTo(PracticeId practice, PackageId packageId) {
      List<AppointmentType> types = new ArrayList<>(db.list("list appointment types of a package", "SELECT "
              + COLUMNS + " FROM pakketten_appointment_types WHERE practice_id = ? AND package_id = ?",
          JdbcAppointmentTypes::map, practice.value(), packageId.value()));
      types.sort(Comparator.comparing(AppointmentType::id));
      return types;
    }

    private static AppointmentType map(ResultSet rs) throws SQLException {
      Optional<Integer> credits = Values.integer(rs, "credits_per_appointment");
      return ValueBuilders.appointmentType()
          .practice(PracticeId.of(rs.getString("practice_id")))
          .id(AppointmentTypeId.of(rs.getString("type_id")))
          .name(rs.getString("name"))
          .link(Values.text(rs, "package_id")
              .map(p -> new AppointmentTypeLink(PackageId.of(p), credits.orElseThrow())))
          .build();
    }
  }
}
