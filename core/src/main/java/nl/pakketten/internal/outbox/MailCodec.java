package nl.pakketten.internal.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.pakketten.spi.DocumentServices.Attachment;
import nl.pakketten.spi.DocumentServices.OutgoingMail;
import nl.pakketten.spi.DocumentServices.RenderedMail;

/**
 * The content of a queued mail as bytes: a format version, then every field length-prefixed (text
 * as UTF-8), the attachments last. Only the SDK reads it back; a content of another version is
 * refused, never guessed.
 */
public final class MailCodec {
  private static final int VERSION = 1;
  /** No part of a mail is larger: 64 MiB. */
  private static final int MAX_PART = 64 << 20;

  private MailCodec() {}

  /**
   * Encodes a mail.
   *
   * @param mail the rendered mail with its attachments
   * @return its bytes
   */
  public static byte[] encode(OutgoingMail mail) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      text(out, mail.messageId());
      text(out, mail.fromAddress());
      text(out, mail.fromName());
      text(out, mail.to());
      text(out, mail.mail().subject());
      text(out, mail.mail().html());
      text(out, mail.mail().text());
      out.writeInt(mail.attachments().size());
      for (Attachment attachment : mail.attachments()) {
        text(out, attachment.fileName());
        text(out, attachment.contentType());
        blob(out, attachment.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes what {@link #encode} made.
   *
   * @param content the bytes
   * @return the mail
   * @throws IllegalArgumentException when the bytes are not a mail of this version
   */
  public static OutgoingMail decode(byte[] content) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("queued mail has format version " + version + ", this SDK reads "
            + VERSION);
      }
      String messageId = text(in);
      String fromAddress = text(in);
      String fromName = text(in);
      String to = text(in);
      RenderedMail rendered = new RenderedMail(text(in), text(in), text(in));
      int count = in.readInt();
      if (count < 0 || count > 100) {
        throw new IllegalArgumentException("queued mail has " + count + " attachments");
      }
      List<Attachment> attachments = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        attachments.add(new Attachment(text(in), text(in), blob(in)));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("queued mail has bytes after its last attachment");
      }
      return new OutgoingMail(messageId, fromAddress, fromName, to, rendered, attachments);
    } catch (IOException e) {
      throw new IllegalArgumentException("queued mail is cut short: " + e, e);
    }
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    blob(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void blob(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static String text(DataInputStream in) throws IOException {
    return new String(blob(in), StandardCharsets.UTF_8);
  }

  private static byte[] blob(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_PART) {
      throw new IllegalArgumentException("queued mail has a part of " + length + " bytes");
    }
    byte[] value = in.readNBytes(length);
    if (value.length != length) {
      throw new IllegalArgumentException("queued mail is cut short: a part of " + length + " bytes has "
          + value.length);
    }
    return value;
  }
}
