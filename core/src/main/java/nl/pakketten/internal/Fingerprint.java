package nl.pakketten.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a canonical text, to tell a true replay from a reused key with other content. */
public final class Fingerprint {
  private Fingerprint() {}

  /** The hex SHA-256 of the parts, joined unambiguously. */
  public static String of(Object... parts) {
    StringBuilder canonical = new StringBuilder();
    for (Object part : parts) {
      String text = String.valueOf(part);
      canonical.append(text.length()).append(':').append(text).append('|');
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
