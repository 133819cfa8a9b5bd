package nl.pakketten.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs B1–B7 in one process against one embedded PostgreSQL, prints a table of ratios with their
 * targets, and writes the same as JSON. Targets are reported, never enforced. {@code
 * -Dbench.only=B6} (or a comma-separated list) runs only the named benchmarks and loads only what
 * they need.
 */
public final class BenchmarkSuite {
  record Row(String id, String what, String ours, String baseline, double ratio, String target, boolean met) {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmup", 5);
    int clients = Integer.getInteger("bench.clients", 8);
    Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/results.json"));
    Load load = new Load(warmup, seconds);
    List<Row> rows = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("cores", Runtime.getRuntime().availableProcessors());
    facts.put("java", System.getProperty("java.version"));
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    facts.put("clients", clients);
    facts.put("warmupSeconds", warmup);
    facts.put("measureSeconds", seconds);

    Set<String> only = selected(System.getProperty("bench.only", ""));
    facts.put("only", only.isEmpty() ? "all" : String.join(",", new TreeSet<>(only)));
    Row b6 = null;
    List<Load.Result> all = new ArrayList<>();
    try (Database db = Database.start(clients)) {
      facts.put("postgresql", db.version());
      facts.put("durability", db.durability());
      int scale = Math.max(clients, 8);
      TpcbBaseline tpcb = new TpcbBaseline(db.dataSource(), scale);
      SdkWorkload sdk = new SdkWorkload(db.dataSource());
      HotRowBaseline hot = new HotRowBaseline(db.dataSource());
      hot.load();
      boolean spends = wanted(only, "B1", "B2", "B3", "B4");
      if (spends) {
        facts.put("tpcbScale", scale);
        tpcb.load();
        int patients = Integer.getInteger("bench.patients", 10_000);
        facts.put("patients", patients);
        sdk.load(patients);
      }

      // B1 and B3: the uncontended spend against TPC-B, at `clients` and at 1 client.
      Load.Result ours8 = null;
      Load.Result base8 = null;
      if (wanted(only, "B1", "B3")) {
        ours8 = load.run("sdk-spend", clients, (c, n) -> sdk.spendRandom(c, n));
        base8 = load.run("tpcb", clients, (c, n) -> tpcb.transaction());
        all.addAll(List.of(ours8, base8));
      }
      Load.Result ours1 = null;
      Load.Result base1 = null;
      if (wanted(only, "B3")) {
        ours1 = load.run("sdk-spend", 1, (c, n) -> sdk.spendRandom(c + 1000, n));
        base1 = load.run("tpcb", 1, (c, n) -> tpcb.transaction());
        all.addAll(List.of(ours1, base1));
      }
      if (wanted(only, "B1")) {
        Optional<Double> pgbench = PgBench.executable()
            .flatMap(exe -> PgBench.tpcb(exe, db.port(), db.createDatabase("pgbench"), scale, clients, seconds));
        facts.put("pgbenchTps", pgbench.map(t -> (Object) t).orElse("pgbench not on PATH or failed"));
        rows.add(new Row("B1", "uncontended spend vs TPC-B, " + clients + " clients",
            tps(ours8), tps(base8) + pgbench.map(t -> " (pgbench " + String.format(Locale.ROOT, "%.0f", t) + " tps)").orElse(""),
            ours8.tps() / base8.tps(), ">= 0.70", ours8.tps() / base8.tps() >= 0.7));
      }
      if (wanted(only, "B3")) {
        double ourScaling = ours8.tps() / ours1.tps();
        double baseScaling = base8.tps() / base1.tps();
        rows.add(new Row("B3", "scaling " + clients + " ÷ 1 clients, ours ÷ TPC-B's",
            String.format(Locale.ROOT, "%.2fx (%s → %s)", ourScaling, tps(ours1), tps(ours8)),
            String.format(Locale.ROOT, "%.2fx (%s → %s)", baseScaling, tps(base1), tps(base8)),
            ourScaling / baseScaling, ">= 0.80", ourScaling / baseScaling >= 0.8));
      }

      // B2: one hot wallet against one hot row.
      if (wanted(only, "B2")) {
        sdk.loadHotWallet();
        Load.Result oursHot = load.run("sdk-hot-wallet", clients, (c, n) -> sdk.spendHot(c, n));
        Load.Result baseHot = load.run("hot-row", clients, (c, n) -> hot.transaction());
        all.addAll(List.of(oursHot, baseHot));
        rows.add(new Row("B2", "one hot wallet vs one hot row, " + clients + " clients", tps(oursHot), tps(baseHot),
            oursHot.tps() / baseHot.tps(), ">= 0.80", oursHot.tps() / baseHot.tps() >= 0.8));
      }

      // B6: invoices issued in one practice (one number series, a hot row by nature) against one
      // hot row, the baseline measured again right after ours. One operation = create a draft + issue it.
      if (wanted(only, "B6")) {
        InvoiceWorkload invoicing = new InvoiceWorkload(db.dataSource());
        invoicing.load();
        Load.Result oursIssue = load.run("sdk-issue-invoice", clients, invoicing::sale);
        Load.Result baseIssue = load.run("hot-row", clients, (c, n) -> hot.transaction());
        b6 = new Row("B6", "invoice create+issue, one practice vs one hot row, " + clients + " clients",
            tps(oursIssue), tps(baseIssue), oursIssue.tps() / baseIssue.tps(), ">= 0.50",
            oursIssue.tps() / baseIssue.tps() >= 0.5);
        // Beside B6, not a row: the issue alone, on drafts created before the window (enough for five
        // times B6's rate), against the same baseline; it tells how much of B6 the draft costs. If a
        // client runs out of drafts its figure is a lower bound, and says so.
        int perClient = (int) Math.ceil(oursIssue.tps() * 5 * (warmup + seconds) / clients) + 100;
        invoicing.prepareDrafts(clients, perClient);
        Load.Result issueOnly = load.run("sdk-issue-only", clients, invoicing::issuePrepared);
        all.addAll(List.of(oursIssue, baseIssue, issueOnly));
        facts.put("b6IssueOnly", String.format(Locale.ROOT, "%s%s, %.2f of B6's baseline (%d drafts per client prepared)",
            issueOnly.errors() > 0 ? ">= " : "", tps(issueOnly), issueOnly.tps() / baseIssue.tps(), perClient));
      }

      // B4: balance reads stay flat.
      if (wanted(only, "B4")) {
        SdkWorkload.Latencies flat = sdk.balanceLatencies(100_000, 10, Math.max(2000, seconds * 500));
        rows.add(new Row("B4", "balance read, 100,000 ÷ 10 movements in history",
            String.format(Locale.ROOT, "%.1f µs", flat.large()), String.format(Locale.ROOT, "%.1f µs", flat.small()),
            flat.large() / flat.small(), "<= 1.20", flat.large() / flat.small() <= 1.2));
      }

      for (Load.Result r : all) {
        if (r.errors() > 0) {
          System.out.printf(Locale.ROOT, "note: %s at %d clients had %d errors, first: %s%n", r.name(), r.clients(),
              r.errors(), r.firstError());
        }
      }
      facts.put("runs", all);
      if (wanted(only, "B7")) {
        rows.add(DispatcherBenchmark.run(db, facts));
      }
    }

    // B5: the core's own cost, in-memory, with JMH.
    if (wanted(only, "B5")) {
      Options options = new OptionsBuilder().include(CoreOverheadBenchmark.class.getSimpleName())
          .forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(Math.max(1, warmup / 2)))
          .measurementIterations(3).measurementTime(TimeValue.seconds(Math.max(1, seconds / 3)))
          .jvmArgs("-Xmx2g").build();
      double sdkOps = 0;
      double baseOps = 0;
      for (RunResult r : new Runner(options).run()) {
        String method = r.getParams().getBenchmark();
        double score = r.getPrimaryResult().getScore();
        if (method.endsWith("sdkSpend")) {
          sdkOps = score;
        } else if (method.endsWith("baselineSpend")) {
          baseOps = score;
        }
      }
      rows.add(new Row("B5", "core overhead: in-memory spend vs hand-written bookkeeping (JMH)",
          String.format(Locale.ROOT, "%.0f ops/s", sdkOps), String.format(Locale.ROOT, "%.0f ops/s", baseOps),
          sdkOps / baseOps, ">= 0.25", sdkOps / baseOps >= 0.25));
    }
    if (b6 != null) {
      rows.add(b6);
    }

    rows.sort(Comparator.comparing(Row::id));
    print(rows, facts);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, Json.write(rows, facts));
    System.out.println("Results written to " + out.toAbsolutePath());
  }

  /**
   * The ids named by {@code bench.only} (for example {@code B6} or {@code B1,B3}), upper-cased; empty
   * for all. An unknown id is refused, so a typo does not run nothing for five minutes.
   */
  private static Set<String> selected(String property) {
    Set<String> ids = new HashSet<>();
    for (String id : property.split(",")) {
      String trimmed = id.trim().toUpperCase(Locale.ROOT);
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.matches("B[1-7]")) {
        throw new IllegalArgumentException("bench.only names B1 to B7, comma-separated; not '" + id.trim() + "'");
      }
      ids.add(trimmed);
    }
    return ids;
  }

  /** Whether any of {@code ids} is selected (everything is, when nothing was named). */
  private static boolean wanted(Set<String> only, String... ids) {
    if (only.isEmpty()) {
      return true;
    }
    for (String id : ids) {
      if (only.contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static String tps(Load.Result r) {
    return String.format(Locale.ROOT, "%.0f tps", r.tps());
  }

  static void print(List<Row> rows, Map<String, Object> facts) {
    System.out.println();
    System.out.println("Pakketten benchmarks — ratios against the database's own limits, one run");
    facts.forEach((k, v) -> {
      if (!k.equals("runs")) {
        System.out.printf(Locale.ROOT, "  %-15s %s%n", k, v);
      }
    });
    System.out.println();
    String format = "| %-3s | %-62s | %-26s | %-38s | %6s | %-7s | %-4s |%n";
    System.out.printf(Locale.ROOT, format, "id", "measure", "ours", "baseline", "ratio", "target", "met");
    System.out.printf(Locale.ROOT, format, "---", "-".repeat(62), "-".repeat(26), "-".repeat(38), "-----:", "-------", "----");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, format, r.id(), r.what(), r.ours(), r.baseline(),
          String.format(Locale.ROOT, "%.2f", r.ratio()), r.target(), r.met() ? "yes" : "NO");
    }
    System.out.println();
  }

  private BenchmarkSuite() {}
}
