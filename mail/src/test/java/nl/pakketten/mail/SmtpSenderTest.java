package nl.pakketten.mail;

import static nl.pakketten.mail.InvoiceFixtures.DUTCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.spi.DocumentServices.Attachment;
import nl.pakketten.spi.DocumentServices.OutgoingMail;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.TransientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpSenderTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static DocumentServices overSmtp(int port) {
    return PakkettenMail.builder().smtp("127.0.0.1", port).startTls(false).timeout(Duration.ofSeconds(2)).build();
  }

  private static OutgoingMail invoiceMail(DocumentServices documents, InvoiceDocument invoice) {
    DocumentServices.RenderedMail rendered = documents.render(
        documents.defaultTemplate(invoice.kind(), invoice.language()), invoice);
    return new OutgoingMail("practice-1/" + invoice.number(), invoice.supplier().email(), invoice.supplier().name(),
        invoice.customer().email(), rendered,
        List.of(new Attachment(invoice.number() + ".pdf", "application/pdf", documents.pdf(invoice))));
  }

  @Test
  void theInvoiceArrivesWithTextHtmlAndThePdf() throws Exception {
    DocumentServices documents = overSmtp(SMTP.getSmtp().getPort());
    InvoiceDocument invoice = InvoiceFixtures.invoice(DUTCH);

    documents.send(invoiceMail(documents, invoice));

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("Factuur F2026-0042 van Praktijk Beweging");
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("facturen@beweging.example");
    assertThat(from.getPersonal()).isEqualTo("Praktijk Beweging");
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("anna@example.nl");
    assertThat(message.getMessageID()).isEqualTo("<practice-1=2FF2026-0042@beweging.example>");

    assertThat(message.getContentType()).startsWith("multipart/mixed");
    Multipart mixed = (Multipart) message.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    BodyPart body = mixed.getBodyPart(0);
    assertThat(body.getContentType()).startsWith("multipart/alternative");
    Multipart alternative = (Multipart) body.getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) alternative.getBodyPart(0).getContent())
        .contains("Beste " + InvoiceFixtures.PATIENT + ",")
        .contains("Totaal: € 415,25");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) alternative.getBodyPart(1).getContent())
        .contains("Beste Anna &lt;b&gt;de Vries&lt;/b&gt; &amp; Zn,")
        .doesNotContain("<b>de Vries</b>");

    BodyPart pdf = mixed.getBodyPart(1);
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("F2026-0042.pdf");
    assertThat(InvoicePdfTest.text(pdf.getInputStream().readAllBytes()))
        .contains("Nummer F2026-0042")
        .contains("Totaal € 415,25");
  }

  @Test
  void aResendCarriesTheSameMessageId() throws Exception {
    DocumentServices documents = overSmtp(SMTP.getSmtp().getPort());
    OutgoingMail mail = invoiceMail(documents, InvoiceFixtures.creditNote(DUTCH));

    documents.send(mail);
    documents.send(mail);

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo("<practice-1=2FC2026-0007@beweging.example>");
    assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
    assertThat(received[0].getSubject()).isEqualTo("Creditnota C2026-0007 van Praktijk Beweging");
  }

  @Test
  void aServerThatIsDownIsTransientAndNotSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DocumentServices documents = overSmtp(closedPort);
    OutgoingMail mail = invoiceMail(documents, InvoiceFixtures.invoice(DUTCH));

    TransientException e = catchThrowableOfType(TransientException.class, () -> documents.send(mail));

    assertThat(e).isNotNull();
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).contains("not sent");
  }

  @Test
  void aServerThatNeverAnswersTimesOutAsTransientAndNotSent() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(silent));
      DocumentServices documents = PakkettenMail.builder().smtp("127.0.0.1", silent.getLocalPort()).startTls(false)
          .timeout(Duration.ofMillis(500)).build();
      OutgoingMail mail = invoiceMail(documents, InvoiceFixtures.invoice(DUTCH));

      long start = System.nanoTime();
      TransientException e = catchThrowableOfType(TransientException.class, () -> documents.send(mail));

      assertThat(e).isNotNull();
      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      accepted.get().close();
    }
  }

  @Test
  void aConnectionLostAfterTheMessageWasSentIsAnUnknownOutcome() throws Exception {
    // The server takes the whole message after DATA and hangs up instead of answering it.
    TransientException e = failureFromScriptedServer(".", null, TransientException.class);

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.getMessage()).contains("may have been accepted");
  }

  @Test
  void aConnectionLostBeforeDataIsNotSent() throws Exception {
    TransientException e = failureFromScriptedServer("MAIL FROM", null, TransientException.class);

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("not sent");
  }

  @Test
  void aServerThatDefersIsTransientAndNotSent() throws Exception {
    TransientException e = failureFromScriptedServer("RCPT TO", "451 4.3.0 try again later", TransientException.class);

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("451");
  }

  @Test
  void aRecipientTheServerRefusesIsInvalidInputNotTransient() throws Exception {
    InvalidInputException e =
        failureFromScriptedServer("RCPT TO", "550 5.1.1 no such mailbox", InvalidInputException.class);

    assertThat(e.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("to");
      assertThat(violation.invalidValue()).isEqualTo("anna@example.nl");
    });
  }

  /** Sends the invoice through {@link #scripted} and returns what the send threw. */
  private static <T extends Throwable> T failureFromScriptedServer(String trigger, String answer, Class<T> type)
      throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<Void> conversation = CompletableFuture.runAsync(() -> scripted(server, trigger, answer));
      DocumentServices documents = overSmtp(server.getLocalPort());
      OutgoingMail mail = invoiceMail(documents, InvoiceFixtures.invoice(DUTCH));

      T thrown = catchThrowableOfType(type, () -> documents.send(mail));

      conversation.get(10, TimeUnit.SECONDS);
      assertThat(thrown).as("the send throws " + type.getSimpleName()).isNotNull();
      return thrown;
    }
  }

  @Test
  void aBadRecipientAddressIsInvalidInputNamingTheField() {
    DocumentServices documents = overSmtp(SMTP.getSmtp().getPort());
    OutgoingMail valid = invoiceMail(documents, InvoiceFixtures.invoice(DUTCH));
    OutgoingMail mail = new OutgoingMail(valid.messageId(), valid.fromAddress(), valid.fromName(), "anna at example",
        valid.mail(), valid.attachments());

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> documents.send(mail));

    assertThat(e.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("to");
      assertThat(violation.invalidValue()).isEqualTo("anna at example");
    });
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  private static Socket accept(ServerSocket server) {
    try {
      return server.accept();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A scripted SMTP server for one conversation: 250 to every command and 354 to DATA, except at the
   * line that starts with {@code trigger} (a command, or "." that ends the message), where it
   * answers {@code answer} — or hangs up when that is null.
   */
  private static void scripted(ServerSocket server, String trigger, String answer) {
    try (Socket client = server.accept()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
      reply(out, "220 scripted ESMTP");
      boolean inData = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        boolean triggered = inData ? line.equals(".") && trigger.equals(".") : line.startsWith(trigger);
        if (triggered && answer == null) {
          return;
        } else if (triggered) {
          reply(out, answer);
          inData = false;
        } else if (inData) {
          inData = !line.equals(".");
          if (!inData) {
            reply(out, "250 queued");
          }
        } else if (line.startsWith("DATA")) {
          reply(out, "354 go ahead");
          inData = true;
        } else {
          reply(out, "250 scripted");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }
}
