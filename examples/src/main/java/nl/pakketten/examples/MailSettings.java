package nl.pakketten.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import nl.pakketten.mail.PakkettenMail;
import nl.pakketten.spi.DocumentServices;

/**
 * Where the quickstart's invoice mail goes. By default nowhere beyond this machine: {@code
 * pakketten-mail} writes it as an {@code .eml} file, with the invoice PDF beside it, into {@code
 * target/quickstart-mail/} under the working directory (the project root when run with the
 * README's command), to open with a mail program and a PDF viewer.
 *
 * <p>Given an SMTP server it sends the mail there instead. Each setting is a system property or,
 * failing that, an environment variable:
 *
 * <ul>
 *   <li>{@code pakketten.smtp.host} / {@code PAKKETTEN_SMTP_HOST}: the server (sending is on when set);
 *   <li>{@code pakketten.smtp.port} / {@code PAKKETTEN_SMTP_PORT}: its port, 587 by default;
 *   <li>{@code pakketten.smtp.user} and {@code .password} / {@code PAKKETTEN_SMTP_USER} and {@code
 *       _PASSWORD}: the login, none by default;
 *   <li>{@code pakketten.smtp.starttls} / {@code PAKKETTEN_SMTP_STARTTLS}: {@code false} for a server
 *       without STARTTLS (a local test server such as Mailpit on port 1025); true by default.
 * </ul>
 *
 * <p>The patients' addresses are {@code @example.com}: point the quickstart at a test server that
 * catches every mail, not at a relay that delivers.
 */
final class MailSettings {
  /** The quickstart's mail directory, relative to the working directory. */
  static final Path DIRECTORY = Path.of("target", "quickstart-mail");

  private final DocumentServices documents;
  private final Optional<Path> directory;
  private final String server;

  private MailSettings(DocumentServices documents, Optional<Path> directory, String server) {
    this.documents = documents;
    this.directory = directory;
    this.server = server;
  }

  /** SMTP when {@code pakketten.smtp.host} or {@code PAKKETTEN_SMTP_HOST} is set, else files in {@link #DIRECTORY}. */
  static MailSettings fromEnvironment() {
    Optional<String> host = setting("host");
    if (host.isEmpty()) {
      return files(DIRECTORY);
    }
    int port = Integer.parseInt(setting("port").orElse("587"));
    boolean startTls = Boolean.parseBoolean(setting("starttls").orElse("true"));
    PakkettenMail.Builder builder = PakkettenMail.builder().smtp(host.get(), port).startTls(startTls);
    Optional<String> user = setting("user");
    user.ifPresent(u -> builder.credentials(u, setting("password").orElse("")));
    return new MailSettings(builder.build(), Optional.empty(),
        host.get() + ":" + port + user.map(u -> " as " + u).orElse("") + (startTls ? " (STARTTLS)" : ""));
  }

  /** Writes every mail as files into {@code directory}. */
  static MailSettings files(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    return new MailSettings(PakkettenMail.builder().writingTo(absolute).build(), Optional.of(absolute), "");
  }

  DocumentServices documents() {
    return documents;
  }

  /** Prints where the mail of document {@code number} went: the files and their paths, or the server. */
  void report(String number, String to, PrintStream out) {
    if (directory.isEmpty()) {
      out.printf("  %-15s by SMTP through %s to %s%n", "Delivered", server, to);
      return;
    }
    List<Path> files = filesOf(number);
    Optional<Path> eml = files.stream().filter(f -> f.toString().endsWith(".eml")).findFirst();
    if (eml.isEmpty()) {
      out.printf("  %-15s nothing in %s yet: the mail is still queued%n", "Not delivered", directory.get());
      return;
    }
    out.printf("  %-15s mail written to %s%n", "Delivered", eml.get());
    files.stream().filter(f -> f.toString().endsWith(".pdf"))
        .forEach(pdf -> out.printf("  %-15s  PDF written to %s%n", "", pdf));
    out.println("Open the .eml with a mail program and the PDF with any viewer. (With PAKKETTEN_SMTP_HOST set,");
    out.println("the quickstart sends by SMTP instead; see docs/invoicing.md.)");
  }

  /** The files whose name holds the document number: the mail and its attachments. */
  private List<Path> filesOf(String number) {
    try (Stream<Path> files = Files.list(directory.orElseThrow())) {
      return files.filter(f -> f.getFileName().toString().contains("." + number + "."))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> setting(String name) {
    String value = System.getProperty("pakketten.smtp." + name);
    if (value == null || value.isBlank()) {
      value = System.getenv("PAKKETTEN_SMTP_" + name.toUpperCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
