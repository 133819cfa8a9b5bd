package nl.pakketten.mail;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What {@link PakkettenMail.Builder} collected: the server, the login (if any), STARTTLS, timeout. */
record SmtpSettings(String host, int port, @Nullable String user, @Nullable String password, boolean startTls,
    Duration timeout) {
  @Override
  public String toString() {
    // Never the password: settings end up in logs and exception messages.
    return host + ":" + port + (user == null ? "" : " as " + user) + (startTls ? " (STARTTLS)" : "");
  }
}
