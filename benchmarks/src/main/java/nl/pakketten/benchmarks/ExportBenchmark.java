package nl.pakketten.benchmarks;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import nl.pakketten.Pakketten;
import nl.pakketten.common.Actor;
import nl.pakketten.common.PracticeId;
import nl.pakketten.common.Role;
import nl.pakketten.export.ExportTotals;
import nl.pakketten.export.JournalExport;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.jdbc.JdbcStorage;

/**
 * The XAF and CSV exports of a large journal on PostgreSQL (issue 11, Measured): for each size in
 * {@code bench.exportLines} (default 100,000 and 1,000,000 lines: 10x) a practice's journal is
 * generated in SQL, then exported to a stream that counts and drops the bytes. Reports lines per
 * second (wall and this thread's CPU time) and the peak heap in use during the export (the heap
 * pools' peaks, reset after a GC just before it). Run with a small {@code -Xmx} (the profile uses
 * 256m): the heap must stay flat as the lines grow 10x.
 *
 * <pre>./mvnw -B -o -q -Pbench-export -pl benchmarks -am verify -DskipTests</pre>
 */
public final class ExportBenchmark {
  private static final Actor BOOKKEEPER = Actor.of("books", Role.BOOKKEEPER);
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

  private ExportBenchmark() {}

  /** Counts bytes and drops them. */
  static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.exportLines", "100000,1000000").split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    System.out.printf("max heap %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    try (Database db = Database.start(2)) {
      Pakketten pakketten = Pakketten.builder().storage(JdbcStorage.create(db.dataSource())).build();
      JournalExport export = JournalExport.of(pakketten);
      for (int lines : sizes) {
        PracticeId practice = PracticeId.of("export-" + lines);
        generate(db, practice, lines);
        pakketten.savePracticeProfile(SavePracticeProfile.builder().practice(practice)
            .actor(Actor.of("owner", Role.OWNER)).name("Fysio Benchmark")
            .address(new PostalAddress("Dorpsstraat 1", "1234 AB", "Utrecht", "NL")).kvkNumber("12345678")
            .vatNumber("NL001234567B01").senderAddress("facturen@fysio.example").senderName("Fysio")
            .numberFormat("F{yyyy}-{seq:4}").build());
        for (String format : new String[] {"xaf", "csv", "xaf", "csv"}) { // the first of each warms up
          measure(export, practice, format, lines);
        }
      }
    }
  }

  /** Entries of two lines, one every 15 seconds from FROM, over 20 accounts and 5,000 patients. */
  private static void generate(Database db, PracticeId practice, int lines) throws Exception {
    long started = System.nanoTime();
    int entries = lines / 2;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO pakketten_journal_entries (practice_id, entry_id,"
          + " at, patient_id, package_id, lot_ref, source_key, description, kind)"
          + " SELECT ?, md5(g::text)::uuid::text, TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '15 seconds',"
          + " 'patient-' || (g % 5000), 'basis', 'lot-' || (g % 20000), 'appointment:A-' || g,"
          + " 'Credits spent, revenue recognised (1 credit)', 'SPEND' FROM generate_series(1, ?) g")) {
        s.setString(1, practice.value());
        s.setInt(2, entries);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO pakketten_journal_lines (practice_id, entry_id,"
          + " line_no, account, role, side, amount, currency, at, package_id, kind)"
          + " SELECT ?, md5(g::text)::uuid::text, n, CASE n WHEN 0 THEN '1710' ELSE '80' || (g % 19) END,"
          + " CASE n WHEN 0 THEN 'DEFERRED_REVENUE' ELSE 'REVENUE' END, CASE n WHEN 0 THEN 'DEBIT' ELSE 'CREDIT' END,"
          + " 33.33, 'EUR', TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '15 seconds', 'basis', 'SPEND'"
          + " FROM generate_series(1, ?) g, generate_series(0, 1) n")) {
        s.setString(1, practice.value());
        s.setInt(2, entries);
        s.executeUpdate();
      }
      c.commit();
      try (PreparedStatement s = c.prepareStatement("ANALYZE pakketten_journal_entries")) {
        s.execute();
      }
      c.commit();
    }
    System.out.printf("generated %,d lines in %.1f s%n", lines, (System.nanoTime() - started) / 1e9);
  }

  private static void measure(JournalExport export, PracticeId practice, String format, int lines)
      throws Exception {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    // The live heap: what every collection during the export left in use, at its largest.
    AtomicLong liveAfterGc = new AtomicLong();
    AtomicLong collections = new AtomicLong();
    NotificationListener listener = (notification, handback) -> {
      if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> heap.stream().anyMatch(p -> p.getName().equals(e.getKey())))
            .mapToLong(e -> e.getValue().getUsed()).sum();
        liveAfterGc.accumulateAndGet(after, Math::max);
        collections.incrementAndGet();
      }
    };
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    collectors.forEach(c -> ((NotificationEmitter) c).addNotificationListener(listener, null, null));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    Counting out = new Counting();
    ExportTotals totals;
    if (format.equals("xaf")) {
      totals = export.writeXaf(practice, BOOKKEEPER, FROM, TO, out);
    } else {
      try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        totals = export.writeCsv(practice, BOOKKEEPER, FROM, TO, writer);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    Thread.sleep(200); // notifications arrive on another thread
    for (GarbageCollectorMXBean c : collectors) {
      ((NotificationEmitter) c).removeNotificationListener(listener);
    }
    if (totals.lines() != lines || totals.totalDebit().compareTo(totals.totalCredit()) != 0) {
      throw new IllegalStateException("Export totals do not add up: " + totals);
    }
    System.out.printf("%s %,9d lines: %5.1f s wall (%,8.0f lines/s), %5.1f s CPU of this thread (%,8.0f lines/s),"
            + " %,6.1f MB written; heap: %,5.1f MB before, live after GC at most %,5.1f MB (%d GCs),"
            + " peak in use %,5.1f MB (garbage included)%n",
        format, totals.lines(), seconds, totals.lines() / seconds, cpuSeconds, totals.lines() / cpuSeconds,
        out.bytes / 1e6, baseline / 1e6, liveAfterGc.get() / 1e6, collections.get(), peak / 1e6);
  }
}
