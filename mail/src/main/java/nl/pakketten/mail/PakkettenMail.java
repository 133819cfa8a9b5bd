package nl.pakketten.mail;

import java.time.Duration;
import java.util.Objects;
import nl.pakketten.spi.DocumentServices;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of {@code pakketten-mail}: builds the {@link DocumentServices} the invoicing use
 * cases need, over one SMTP server.
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
 */
public final class PakkettenMail {
  private PakkettenMail() {}

  /**
   * Starts a builder; {@link Builder#smtp(String, int)} is the one setting without a default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The SMTP settings; templates, PDF and IBAN check need none. */
  public static final class Builder {
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
     * @return the templates, PDF renderer, SMTP sender and IBAN check in one
     * @throws IllegalStateException when no SMTP server was set
     */
    public DocumentServices build() {
      if (host == null) {
        throw new IllegalStateException("no SMTP server: call smtp(host, port) before build()");
      }
      SmtpSettings smtp = new SmtpSettings(host, port, user, password, startTls, timeout);
      Templates templates = new Templates();
      return new MailDocumentServices(templates, new InvoicePdf(templates), new SmtpSender(smtp));
    }
  }
}
