package nl.pakketten.benchmarks;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import nl.pakketten.Pakketten;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.outbox.MailCodec;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.jdbc.JdbcStorage;
import nl.pakketten.mail.PakkettenMail;
import nl.pakketten.outbox.DispatchResult;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.DocumentServices.OutgoingMail;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * B7: the outbox dispatcher's mail throughput to an SMTP server (GreenMail, in-process) against a
 * bare Jakarta Mail loop sending the same mails to the same server in the same process.
 *
 * <p>Every mail is an invoice mail as the SDK queues one: a subject, a text and an HTML part, and a
 * PDF-like attachment of about 30 kB. The baseline builds each {@link MimeMessage} as the mail
 * module does (multipart/mixed around a multipart/alternative, the attachment, a stable
 * Message-ID) and sends it as {@code SmtpSender} does: one {@link Session} for the run, a new
 * {@link Transport} connected, used for one message and closed, per message. Ours queues the same
 * mails in the outbox before the clock starts (not timed) and times {@link
 * Pakketten#dispatchOutbox()} until it returns with all sent: the claims (one transaction per
 * batch of 50), decoding each queued mail, the send through {@code PakkettenMail}'s SMTP sender, and
 * one transaction per mail marking it sent.
 *
 * <p>After every run GreenMail must hold exactly the mails of that run, each Message-ID once, and
 * the outbox none queued; then both are emptied, so every run starts from the same state. Runs
 * alternate (bare loop, one dispatcher, bare loop on two threads, two dispatchers) after one
 * warm-up of each; the figures are medians.
 */
final class DispatcherBenchmark {
  private static final PracticeId PRACTICE = PracticeId.of("bench-outbox");
  private static final int ROUNDS = 3;
  private static final int ATTACHMENT_BYTES = 30 * 1024;

  private final @Nullable GreenMail smtp;
  private final DataSource dataSource;
  private final Storage storage;
  private final Pakketten sdk;
  private final Session session;
  private final byte[] attachment = pdfLike();
  private final int mails;
  private final String run = Long.toString(System.nanoTime(), 36);
  private int batch;
  private long sentInAll;
  private long receivedInAll;

  /** Over {@code smtp}; null for {@link #sdkCost()}, which sends nothing. */
  private DispatcherBenchmark(@Nullable GreenMail smtp, DataSource dataSource, int mails) {
    this.smtp = smtp;
    this.dataSource = dataSource;
    this.mails = mails;
    int port = smtp == null ? 25 : smtp.getSmtp().getPort();
    this.storage = JdbcStorage.create(dataSource);
    DocumentServices documents = PakkettenMail.builder().smtp("127.0.0.1", port).startTls(false)
        .timeout(Duration.ofSeconds(30)).build();
    this.sdk = Pakketten.builder().storage(storage).documents(documents).build();
    this.session = Session.getInstance(sessionProperties("127.0.0.1", port, Duration.ofSeconds(30)));
  }

  /**
   * Runs B7 on the suite's database and returns its row (GreenMail as it comes). Into {@code facts}:
   * each side's runs, the two-dispatcher figure, the same alternation against a GreenMail whose
   * replies are not held back (see {@link NoDelayGreenMail}), the SDK's own cost per mail and the
   * delivery check.
   */
  static BenchmarkSuite.Row run(Database db, Map<String, Object> facts) throws Exception {
    int mails = Integer.getInteger("bench.mails", 200);
    // GreenMail logs every recipient it creates at INFO; slf4j-simple reads this when it makes the logger.
    System.setProperty("org.slf4j.simpleLogger.log.com.icegreen", "warn");
    facts.put("b7Mails", mails + " per run, attachment " + ATTACHMENT_BYTES + " bytes");
    long[] delivered = new long[2];
    Medians plain = on(new GreenMail(ServerSetupTest.SMTP.dynamicPort()), db, mails, delivered);
    Medians quick = on(new NoDelayGreenMail(ServerSetupTest.SMTP.dynamicPort()), db, mails, delivered);
    facts.put("b7Runs", plain.runs());
    facts.put("b7TwoDispatchers", plain.twoDispatchers());
    facts.put("b7NoDelay", String.format(Locale.ROOT, "%.1f msg/s ÷ %.1f msg/s = %.2f; %s", quick.ours(),
        quick.bare(), quick.ours() / quick.bare(), quick.twoDispatchers()));
    facts.put("b7NoDelayRuns", quick.runs());
    facts.put("b7SdkCostPerMail", new DispatcherBenchmark(null, db.dataSource(), mails).sdkCost());
    facts.put("b7Delivered", String.format(Locale.ROOT, "GreenMail received %d of %d mails sent, each Message-ID"
        + " once per run", delivered[1], delivered[0]));
    return new BenchmarkSuite.Row("B7", "outbox dispatcher vs bare Jakarta Mail loop, to GreenMail",
        String.format(Locale.ROOT, "%.1f msg/s", plain.ours()), String.format(Locale.ROOT, "%.1f msg/s", plain.bare()),
        plain.ours() / plain.bare(), ">= 0.80", plain.ours() / plain.bare() >= 0.8);
  }

  private static Medians on(GreenMail smtp, Database db, int mails, long[] delivered) throws Exception {
    smtp.start();
    try {
      DispatcherBenchmark bench = new DispatcherBenchmark(smtp, db.dataSource(), mails);
      Medians medians = bench.alternate();
      delivered[0] += bench.sentInAll;
      delivered[1] += bench.receivedInAll;
      return medians;
    } finally {
      smtp.stop();
    }
  }

  /** B7 alone: its own embedded PostgreSQL, the row printed as the suite prints it. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/results-b7.json"));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("cores", Runtime.getRuntime().availableProcessors());
    facts.put("java", System.getProperty("java.version"));
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    List<BenchmarkSuite.Row> rows = new ArrayList<>();
    try (Database db = Database.start(Integer.getInteger("bench.clients", 8))) {
      facts.put("postgresql", db.version());
      facts.put("durability", db.durability());
      rows.add(run(db, facts));
    }
    BenchmarkSuite.print(rows, facts);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, Json.write(rows, facts));
    System.out.println("Results written to " + out.toAbsolutePath());
  }

  /** Medians in mails per second of the four kinds of run, and each run's rate. */
  record Medians(double bare, double ours, double bare2, double ours2, String runs) {
    String twoDispatchers() {
      return String.format(Locale.ROOT, "2 dispatchers %.1f msg/s: %.2f of the bare loop, %.2f of the bare loop on"
          + " 2 threads (%.1f msg/s)", ours2, ours2 / bare, ours2 / bare2, bare2);
    }
  }

  /** One warm-up of each kind of run, then {@link #ROUNDS} rounds of all four in turn. */
  private Medians alternate() throws Exception {
    bare(1);
    dispatched(1);
    bare(2);
    dispatched(2);
    List<Double> bare1 = new ArrayList<>();
    List<Double> ours1 = new ArrayList<>();
    List<Double> bare2 = new ArrayList<>();
    List<Double> ours2 = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      bare1.add(bare(1));
      ours1.add(dispatched(1));
      bare2.add(bare(2));
      ours2.add(dispatched(2));
    }
    return new Medians(median(bare1), median(ours1), median(bare2), median(ours2), String.format(Locale.ROOT,
        "bare %s; 1 dispatcher %s; bare on 2 threads %s; 2 dispatchers %s (msg/s)", rates(bare1), rates(ours1),
        rates(bare2), rates(ours2)));
  }

  /** The bare loop on {@code threads} threads, each sending its share; mails per second. */
  private double bare(int threads) throws Exception {
    List<OutgoingMail> batchMails = new ArrayList<>();
    String prefix = nextBatch();
    for (int i = 0; i < mails; i++) {
      batchMails.add(mail(prefix, i));
    }
    long nanos = timed(threads, t -> () -> {
      for (int i = t; i < mails; i += threads) {
        send(batchMails.get(i));
      }
      return null;
    });
    check(prefix);
    return mails * 1e9 / nanos;
  }

  /** {@code threads} dispatchers at once over the queued mails until all are sent; mails per second. */
  private double dispatched(int threads) throws Exception {
    String prefix = nextBatch();
    queue(prefix);
    long nanos = timed(threads, t -> () -> sdk.dispatchOutbox());
    check(prefix);
    long left = sdk.outboxDepth();
    if (left != 0) {
      throw new IllegalStateException(left + " mails still queued after the dispatchers returned");
    }
    return mails * 1e9 / nanos;
  }

  private static long timed(int threads, IntFunction<Callable<?>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Object>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<?> task = work.apply(t);
        tasks.add(task::call);
      }
      long start = System.nanoTime();
      for (Future<Object> f : pool.invokeAll(tasks)) {
        f.get();
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdown();
    }
  }

  private String nextBatch() {
    return "b7-" + run + "-" + (++batch);
  }

  /** The batch's mails in the outbox, due now, in transactions of 50; not timed. */
  private void queue(String prefix) throws SQLException {
    emptyOutbox();
    Instant now = Instant.now();
    for (int from = 0; from < mails; from += 50) {
      int first = from;
      storage.transactions().inTransaction(() -> {
        for (int i = first; i < Math.min(mails, first + 50); i++) {
          OutgoingMail mail = mail(prefix, i);
          storage.outbox().add(new Outbox.NewMessage(UUID.randomUUID().toString(), PRACTICE, MessageKind.MAIL,
              mail.to(), mail.mail().subject(), mail.messageId(), MailCodec.encode(mail), now, now));
        }
        return null;
      });
    }
    sql("VACUUM ANALYZE pakketten_outbox");
  }

  private void emptyOutbox() throws SQLException {
    sql("DELETE FROM pakketten_outbox");
    sql("VACUUM pakketten_outbox");
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /**
   * GreenMail holds exactly this batch's mails, each Message-ID once; then it is emptied. Waits up to
   * 10 s for mails still being stored (none should be: a sender's send returns after the server's
   * reply to the message).
   */
  private void check(String prefix) throws Exception {
    GreenMail smtp = Objects.requireNonNull(this.smtp);
    smtp.waitForIncomingEmail(10_000, mails);
    MimeMessage[] received = smtp.getReceivedMessages();
    Set<String> ids = new HashSet<>();
    for (MimeMessage m : received) {
      String id = m.getMessageID();
      if (id == null || !id.startsWith("<" + prefix + "-")) {
        throw new IllegalStateException("GreenMail holds a mail not of batch " + prefix + ": " + id);
      }
      ids.add(id);
    }
    sentInAll += mails;
    receivedInAll += received.length;
    if (received.length != mails || ids.size() != mails) {
      throw new IllegalStateException("batch " + prefix + ": " + mails + " sent, GreenMail received "
          + received.length + " with " + ids.size() + " distinct Message-IDs");
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  /**
   * What the SDK itself does per mail, without SMTP: a dispatch round with a sender that does
   * nothing, then the same steps through the ports in the order {@code OutboxDispatch} takes them
   * (a claim of 50 in a transaction; for each mail, decoding it and a transaction marking it sent),
   * each timed on its own. Medians of five, after one warm-up.
   */
  private String sdkCost() throws Exception {
    Pakketten noSend = Pakketten.builder().storage(storage).documents(new NoSend()).build();
    List<Double> round = new ArrayList<>();
    List<Double> claim = new ArrayList<>();
    List<Double> decode = new ArrayList<>();
    List<Double> mark = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    for (int r = 0; r < 6; r++) {
      queue(nextBatch());
      long start = System.nanoTime();
      DispatchResult result = noSend.dispatchOutbox();
      long roundNanos = System.nanoTime() - start;
      if (result.delivered() != mails) {
        throw new IllegalStateException("a round with no sending delivered " + result.delivered());
      }

      // The same steps in the same order as OutboxDispatch, each timed on its own.
      queue(nextBatch());
      OutboxSettings settings = OutboxSettings.defaults();
      long claimNanos = 0;
      long decodeNanos = 0;
      long markNanos = 0;
      int claimedInAll = 0;
      while (true) {
        long t0 = System.nanoTime();
        Instant now = Instant.now();
        List<Outbox.Claimed> claimed = storage.transactions().inTransaction(() -> storage.outbox()
            .claim(EnumSet.of(MessageKind.MAIL), now, settings.batchSize(), now.plus(settings.lease())));
        claimNanos += System.nanoTime() - t0;
        for (Outbox.Claimed c : claimed) {
          long t1 = System.nanoTime();
          MailCodec.decode(c.content());
          long t2 = System.nanoTime();
          storage.transactions().inTransaction(() -> {
            storage.outbox().markSent(c.message().id(), Instant.now());
            return null;
          });
          decodeNanos += t2 - t1;
          markNanos += System.nanoTime() - t2;
        }
        claimedInAll += claimed.size();
        if (claimed.size() < settings.batchSize()) {
          break;
        }
      }
      if (claimedInAll != mails) {
        throw new IllegalStateException("claimed " + claimedInAll + " of " + mails);
      }
      if (r > 0) { // the first is a warm-up of these paths
        round.add(roundNanos / 1e3 / mails);
        claim.add(claimNanos / 1e3 / mails);
        decode.add(decodeNanos / 1e3 / mails);
        mark.add(markNanos / 1e3 / mails);
        total.add((claimNanos + decodeNanos + markNanos) / 1e3 / mails);
      }
    }
    emptyOutbox();
    return String.format(Locale.ROOT, "%.0f µs per mail for a dispatch round with a sender that does nothing %s;"
        + " the same steps timed one by one: claim %.0f µs (in batches of 50), decode %.0f µs, mark sent %.0f µs"
        + " (a transaction each), %.0f µs in all %s", median(round), rates(round), median(claim), median(decode),
        median(mark), median(total), rates(total));
  }

  // --- the bare Jakarta Mail loop ---

  /** The properties {@code SmtpSender} gives its session, without login or STARTTLS. */
  private static Properties sessionProperties(String host, int port, Duration timeout) {
    String millis = Long.toString(timeout.toMillis());
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.auth", "false");
    properties.put("mail.smtp.starttls.enable", "false");
    properties.put("mail.smtp.starttls.required", "false");
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    return properties;
  }

  /** One mail as {@code SmtpSender} sends it: a new transport, connected, one message, closed. */
  private void send(OutgoingMail mail) throws MessagingException {
    MimeMessage message = message(mail);
    Transport transport = session.getTransport("smtp");
    try {
      transport.connect();
      transport.sendMessage(message, message.getAllRecipients());
    } finally {
      transport.close();
    }
  }

  /** The message as the mail module's {@code MimeMessages} builds it, with the same stable Message-ID. */
  private MimeMessage message(OutgoingMail mail) throws MessagingException {
    try {
      InternetAddress from = new InternetAddress(mail.fromAddress(), true);
      from.validate();
      InternetAddress to = new InternetAddress(mail.to(), true);
      to.validate();
      from.setPersonal(mail.fromName(), StandardCharsets.UTF_8.name());
      String id = "<" + mail.messageId() + "@" + mail.fromAddress().substring(mail.fromAddress().indexOf('@') + 1)
          + ">";
      MimeMessage message = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", id);
        }
      };
      message.setFrom(from);
      message.setRecipient(MimeMessage.RecipientType.TO, to);
      message.setSubject(mail.mail().subject(), StandardCharsets.UTF_8.name());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.mail().text(), StandardCharsets.UTF_8.name());
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.mail().html(), StandardCharsets.UTF_8.name(), "html");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(new MimeMultipart("alternative", text, html));
      MimeMultipart mixed = new MimeMultipart("mixed", body);
      for (DocumentServices.Attachment a : mail.attachments()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
        part.setFileName(a.fileName());
        part.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      message.setContent(mixed);
      message.saveChanges();
      return message;
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the mails ---

  /** Mail {@code i} of a batch: the same content for both sides, a Message-ID of letters, digits and '-'. */
  private OutgoingMail mail(String prefix, int i) {
    String number = String.format(Locale.ROOT, "F2026-%06d", i);
    String subject = "Factuur " + number + " van Fysio Benchmark";
    String text = "Beste Jan Jansen,\n\nIn de bijlage vindt u factuur " + number + " voor uw pakket van"
        + " 10 behandelingen.\nTotaal: € 450,00, te betalen voor 1 januari 2027 op NL91 ABNA 0417 1643 00 onder"
        + " vermelding van " + number + ".\n\nMet vriendelijke groet,\nFysio Benchmark\n";
    String html = "<html><body><p>Beste Jan Jansen,</p><p>In de bijlage vindt u factuur <b>" + number
        + "</b> voor uw pakket van 10 behandelingen.</p><table><tr><td>Totaal</td><td>€ 450,00</td></tr>"
        + "<tr><td>Te betalen voor</td><td>1 januari 2027</td></tr><tr><td>IBAN</td><td>NL91 ABNA 0417 1643 00"
        + "</td></tr></table><p>Met vriendelijke groet,<br>Fysio Benchmark</p></body></html>";
    return new OutgoingMail(prefix + "-" + i, "facturen@fysio.example", "Fysio Benchmark",
        "patient" + (i % 1000) + "@example.nl", new DocumentServices.RenderedMail(subject, html, text),
        List.of(new DocumentServices.Attachment(number + ".pdf", "application/pdf", attachment)));
  }

  /** About 30 kB shaped like a PDF: header, binary body (fixed seed), trailer. */
  private static byte[] pdfLike() {
    byte[] bytes = new byte[ATTACHMENT_BYTES];
    new Random(7).nextBytes(bytes);
    byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = "\nstartxref\n0\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(tail, 0, bytes, bytes.length - tail.length, tail.length);
    return bytes;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String rates(List<Double> values) {
    return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
  }

  /**
   * GreenMail with {@code TCP_NODELAY} on the server side of every connection. GreenMail writes a
   * reply of several lines (the one to {@code EHLO}) a line at a time; with Nagle's algorithm on,
   * its second line waits for the client's acknowledgement of the first, which the client's kernel
   * delays (up to 40 ms on Linux) because it has nothing to send. That costs every connection about
   * 45 ms here, the same on both sides, and hides what the sender itself costs. The client side is
   * left as {@code SmtpSender} has it.
   */
  private static final class NoDelayGreenMail extends GreenMail {
    NoDelayGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
      Map<String, AbstractServer> services = new HashMap<>();
      for (ServerSetup setup : setups) {
        if (!ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
          throw new IllegalArgumentException("only SMTP: " + setup.getProtocol());
        }
        services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
          @Override
          protected void handleClientSocket(Socket client) throws SocketException {
            client.setTcpNoDelay(true);
            super.handleClientSocket(client);
          }
        });
      }
      return services;
    }
  }

  /** Document services whose send does nothing: the SDK's own cost per mail, no SMTP. */
  private static final class NoSend implements DocumentServices {
    @Override
    public void checkTemplate(MailTemplate template) {}

    @Override
    public MailTemplate defaultTemplate(DocumentKind kind, Locale language) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RenderedMail render(MailTemplate template, InvoiceDocument document) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] pdf(InvoiceDocument document) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void send(OutgoingMail mail) {}

    @Override
    public List<String> ibanProblems(String iban) {
      return List.of();
    }
  }
}
