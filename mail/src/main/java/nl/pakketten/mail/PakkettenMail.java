package nl.pakketten.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import nl.pakketten.spi.DocumentServices;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of {@code pakketten-mail}: builds the {@link DocumentServices} the invoicing use
 * cases need, sending over one SMTP server, or writing each mail into a directory.
 *
 * <pre>{@code
 * DocumentServices documents = PakkettenMail.builder()
 *     .smtp("smtp.example.nl", 587)
 *     .credentials("facturen@example.nl", password)
 *     .startTls(true)
 *     .timeout(Duration.ofSeconds(20))
 *     .build();
 * Pakketten pakketten = Pakketten.builder().storage(storage).documents(documents).build();
 * }</pre>
 *
 * <p>Without a mail server — in development, a demonstration or a test — write the mails as files
 * instead, to open with a mail program and a PDF viewer:
 *
 * <pre>{@code
 * DocumentServices documents = PakkettenMail.builder().writingTo(Path.of("target/mail")).build();
 * }</pre>
 */
public final class PakkettenMail {
  private PakkettenMail() {}

  /**
   * Starts a builder; where mail goes — {@link Builder#smtp(String, int)} or {@link
   * Builder#writingTo(Path)} — is the one setting without a default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Where mail goes and the SMTP settings; templates, PDF and IBAN check need none. */
  public static final class Builder {
    private @Nullable Path directory;
    private @Nullable String host;
    private int port;
    private @Nullable String user;
    private @Nullable String password;
    private boolean startTls = true;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The SMTP server mail is sent through.
     *
     * @param host its host name
     * @param port its port (587 for submission with STARTTLS, 25 for plain SMTP)
     * @return this builder
     */
    public Builder smtp(String host, int port) {
      if (host.isBlank()) {
        throw new IllegalArgumentException("the SMTP host is blank");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("the SMTP port must be 1..65535, was " + port);
      }
      this.host = host;
      this.port = port;
      return this;
    }

    /**
     * Writes every mail into a directory instead of sending it: the whole message as an RFC 822
     * file {@code <id>.eml}, built exactly as it would go over SMTP, and each attachment beside it
     * as {@code <id>.<attachment name>} (the invoice as {@code <id>.<number>.pdf}). {@code <id>} is
     * the mail's stable message id made safe for file names: letters, digits and {@code - _ . @}
     * are kept, any other character is written as {@code =XX} (its UTF-8 bytes in hex).
     *
     * <p>Each file is written to a temporary file and moved into place, so a half-written file is
     * never seen; the {@code .eml} comes last, so its presence means the mail is complete. Sending
     * the same message again replaces its files: one message id, one set of files. The directory
     * is created when the first mail is written; a file that cannot be written is a {@link
     * nl.pakketten.spi.TransientException}, not sent.
     *
     * <p>Use it instead of {@link #smtp(String, int)}, not beside it; the SMTP settings then do
     * not apply.
     *
     * @param directory where the files go
     * @return this builder
     */
    public Builder writingTo(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Logs in with a user name and password (SMTP AUTH); without this call the server is used
     * without logging in.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Whether the connection must be upgraded with STARTTLS before logging in (default true: a
     * server that does not offer it is refused, so a password never crosses in clear text).
     *
     * @param startTls true to require STARTTLS
     * @return this builder
     */
    public Builder startTls(boolean startTls) {
      this.startTls = startTls;
      return this;
    }

    /**
     * How long to wait for the connection and for each read or write (default 30 seconds); a
     * timeout is a {@link nl.pakketten.spi.TransientException}.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the services.
     *
     * @return the templates, PDF renderer, sender (SMTP or files) and IBAN check in one
     * @throws IllegalStateException when neither an SMTP server nor a directory was set, or both
     */
    public DocumentServices build() {
      if (host != null && directory != null) {
        throw new IllegalStateException("both smtp(" + host + ", " + port + ") and writingTo(" + directory
            + "): choose one");
      }
      Sender sender;
      if (directory != null) {
        sender = new FileSender(directory);
      } else if (host != null) {
        sender = new SmtpSender(new SmtpSettings(host, port, user, password, startTls, timeout));
      } else {
        throw new IllegalStateException("nowhere to send mail: call smtp(host, port) or writingTo(directory)"
            + " before build()");
      }
      Templates templates = new Templates();
      return new MailDocumentServices(templates, new InvoicePdf(templates), sender);
    }
  }
}
