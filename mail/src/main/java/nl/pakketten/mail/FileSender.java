package nl.pakketten.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import nl.pakketten.spi.DocumentServices.Attachment;
import nl.pakketten.spi.DocumentServices.OutgoingMail;
import nl.pakketten.spi.TransientException;

/**
 * "Sends" a mail by writing it into a directory, for development, demonstrations and tests: the
 * whole message as an RFC 822 file {@code <id>.eml} (built by {@link MimeMessages} exactly as SMTP
 * would send it, so any mail program opens it), and each attachment beside it as {@code
 * <id>.<attachment name>} (the invoice PDF, to open directly).
 *
 * <p>{@code <id>} is the mail's message id made safe for file systems: ASCII letters, digits and
 * {@code - _ . @} are kept, every other byte of its UTF-8 form (and {@code =}) is written as {@code
 * =XX}, so two different ids never share a name (except ids that differ only in case, on a
 * case-insensitive file system); an id too long for a file name is cut and ends with a hash of the
 * whole.
 *
 * <p>Each file is written to a temporary file in the same directory and then moved into place, so
 * a reader never sees half a file; the attachments first, the {@code .eml} last, so its presence
 * means the whole mail was written. Sending the same message id again replaces the files: one mail
 * keeps one set of files. A file that cannot be written is a {@link TransientException}, not sent.
 */
final class FileSender implements Sender {
  /** Room for ".eml" or an attachment's name after the id, within the usual 255-byte limit. */
  private static final int MAX_ID_LENGTH = 120;

  private final Path directory;
  private final Session session = Session.getInstance(new Properties());

  FileSender(Path directory) {
    this.directory = directory;
  }

  @Override
  public void send(OutgoingMail mail) {
    MimeMessage message = MimeMessages.of(session, mail);
    String id = fileName(mail.messageId());
    try {
      Files.createDirectories(directory);
      for (Attachment attachment : mail.attachments()) {
        Path file = directory.resolve(id + "." + fileName(attachment.fileName()));
        write(file, out -> out.write(attachment.content()));
      }
      write(directory.resolve(id + ".eml"), message::writeTo);
    } catch (IOException e) {
      throw new TransientException("could not write " + mail.messageId() + " into " + directory + " ("
          + e + "); not sent", e);
    }
  }

  /** The part of the file names that a message id gives: safe on any file system, one per id. */
  static String fileName(String id) {
    StringBuilder name = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean kept = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '@'
          || (c == '.' && name.length() > 0));
      if (kept) {
        name.append(c);
      } else {
        name.append('=').append(String.format("%02X", b & 0xff));
      }
    }
    if (name.length() <= MAX_ID_LENGTH) {
      return name.toString();
    }
    return name.substring(0, MAX_ID_LENGTH - 17) + "~" + sha256(id).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Writes a temporary file beside the target, forces it to disk and moves it into place. */
  private static void write(Path target, Content content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
           OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      } catch (MessagingException e) {
        throw new IllegalStateException("could not write the message into " + target, e);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public String toString() {
    return "files in " + directory;
  }

  @FunctionalInterface
  private interface Content {
    void writeTo(OutputStream out) throws IOException, MessagingException;
  }
}
