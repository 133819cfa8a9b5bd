package nl.pakketten.mail;

import static nl.pakketten.mail.InvoiceFixtures.DUTCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.DocumentServices.Attachment;
import nl.pakketten.spi.DocumentServices.OutgoingMail;
import nl.pakketten.spi.TransientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSenderTest {
  private static final String ID = "product_invoice.F2026-0042.practice-1@pakketten";

  @TempDir
  Path directory;

  private DocumentServices documents() {
    return PakkettenMail.builder().writingTo(directory.resolve("mail")).build();
  }

  private static OutgoingMail invoiceMail(DocumentServices documents, InvoiceDocument invoice, String id) {
    DocumentServices.RenderedMail rendered = documents.render(
        documents.defaultTemplate(invoice.kind(), invoice.language()), invoice);
    return new OutgoingMail(id, invoice.supplier().email(), invoice.supplier().name(), invoice.customer().email(),
        rendered, List.of(new Attachment(invoice.number() + ".pdf", "application/pdf", documents.pdf(invoice))));
  }

  private static MimeMessage parse(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("mail"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anInvoiceIsWrittenAsAnEmlFileThatParsesBackWithTextHtmlAndThePdf() throws Exception {
    DocumentServices documents = documents();

    documents.send(invoiceMail(documents, InvoiceFixtures.invoice(DUTCH), ID));

    assertThat(files()).containsExactly(ID + ".F2026-0042.pdf", ID + ".eml");
    MimeMessage message = parse(directory.resolve("mail").resolve(ID + ".eml"));
    assertThat(message.getSubject()).isEqualTo("Factuur F2026-0042 van Praktijk Beweging");
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("facturen@beweging.example");
    assertThat(from.getPersonal()).isEqualTo("Praktijk Beweging");
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("anna@example.nl");
    assertThat(message.getMessageID()).isEqualTo("<product_invoice=2EF2026-0042=2Epractice-1=40pakketten@beweging.example>");

    Multipart mixed = (Multipart) message.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) alternative.getBodyPart(0).getContent()).contains("Totaal: € 415,25");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) alternative.getBodyPart(1).getContent())
        .contains("Beste Anna &lt;b&gt;de Vries&lt;/b&gt; &amp; Zn,");
    BodyPart pdf = mixed.getBodyPart(1);
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("F2026-0042.pdf");
    byte[] attached = pdf.getInputStream().readAllBytes();
    assertThat(InvoicePdfTest.text(attached)).contains("Nummer F2026-0042").contains("Totaal € 415,25");

    byte[] beside = Files.readAllBytes(directory.resolve("mail").resolve(ID + ".F2026-0042.pdf"));
    assertThat(beside).isEqualTo(attached);
  }

  @Test
  void sendingTheSameMessageIdAgainKeepsOneSetOfFiles() throws Exception {
    DocumentServices documents = documents();
    OutgoingMail mail = invoiceMail(documents, InvoiceFixtures.invoice(DUTCH), ID);
    documents.send(mail);
    OutgoingMail creditNote = invoiceMail(documents, InvoiceFixtures.creditNote(DUTCH), ID);

    documents.send(mail);
    CompletableFuture.allOf(IntStream.range(0, 8)
        .mapToObj(i -> CompletableFuture.runAsync(() -> documents.send(i % 2 == 0 ? mail : creditNote)))
        .toArray(CompletableFuture[]::new)).join();
    documents.send(creditNote);

    assertThat(files()).containsExactly(ID + ".C2026-0007.pdf", ID + ".F2026-0042.pdf", ID + ".eml");
    assertThat(parse(directory.resolve("mail").resolve(ID + ".eml")).getSubject())
        .isEqualTo("Creditnota C2026-0007 van Praktijk Beweging");
  }

  @Test
  void fileNamesAreSafeAndTellDifferentIdsApart() {
    assertThat(FileSender.fileName("a/b")).isEqualTo("a=2Fb");
    assertThat(FileSender.fileName("a=2Fb")).isEqualTo("a=3D2Fb");
    assertThat(FileSender.fileName("../../etc/passwd")).isEqualTo("=2E.=2F..=2Fetc=2Fpasswd");
    assertThat(FileSender.fileName("C:\\x y*?<>|\"é")).matches("[A-Za-z0-9=._@-]+");
    String longId = "x".repeat(300);
    assertThat(FileSender.fileName(longId)).hasSizeLessThanOrEqualTo(120)
        .isNotEqualTo(FileSender.fileName(longId + "y"));
  }

  @Test
  void aDirectoryThatCannotBeMadeIsTransientAndNothingIsWritten() throws Exception {
    Path blocked = directory.resolve("a-file");
    Files.writeString(blocked, "not a directory");
    DocumentServices documents = PakkettenMail.builder().writingTo(blocked.resolve("mail")).build();
    OutgoingMail mail = invoiceMail(documents, InvoiceFixtures.invoice(DUTCH), ID);

    TransientException e = catchThrowableOfType(TransientException.class, () -> documents.send(mail));

    assertThat(e).isNotNull();
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains(ID).contains("not sent");
  }
}
