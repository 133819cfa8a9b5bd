package nl.pakketten.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.pakketten.Pakketten;
import nl.pakketten.common.PageRequest;
import nl.pakketten.common.PracticeId;
import nl.pakketten.internal.outbox.MailCodec;
import nl.pakketten.outbox.DispatchResult;
import nl.pakketten.outbox.MessageKind;
import nl.pakketten.outbox.OutboxMessage;
import nl.pakketten.outbox.OutboxSettings;
import nl.pakketten.outbox.OutboxState;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.Outbox;
import nl.pakketten.spi.Storage;
import nl.pakketten.testing.InvoicingFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several dispatchers at once over one outbox, as several application instances run them: every
 * queued mail is sent exactly once, none is skipped, and every one ends sent.
 */
class OutboxDispatchConcurrencyTest {
  private static final PracticeId PRACTICE = PracticeId.of("practice-1");
  private static final int MAILS = 240;
  private static final int DISPATCHERS = 6;

  @ParameterizedTest
  @EnumSource(Database.class)
  void dispatchersRunningAtOnceSendEveryMailExactlyOnce(Database database) throws Exception {
    Storage storage = database.emptyStorage();
    InvoicingFixtures.Documents documents = new InvoicingFixtures.Documents();
    Pakketten pakketten = Pakketten.builder().storage(storage).documents(documents)
        .outboxSettings(new OutboxSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofSeconds(30), 10))
        .build();
    Instant now = Instant.now();
    storage.transactions().inTransaction(() -> {
      for (int i = 0; i < MAILS; i++) {
        String messageId = "product_invoice.F-" + i + "." + PRACTICE.value() + "@pakketten";
        DocumentServices.OutgoingMail mail = new DocumentServices.OutgoingMail(messageId, "facturen@fysio.example",
            "Fysio", "patient" + i + "@example.nl", new DocumentServices.RenderedMail("Factuur F-" + i, "<p>F</p>",
                "F"), List.of());
        storage.outbox().add(new Outbox.NewMessage(UUID.randomUUID().toString(), PRACTICE, MessageKind.MAIL,
            mail.to(), mail.mail().subject(), messageId, MailCodec.encode(mail), now, now));
      }
      return null;
    });

    ExecutorService pool = Executors.newFixedThreadPool(DISPATCHERS);
    List<DispatchResult> results = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<DispatchResult>> rounds = new ArrayList<>();
      for (int i = 0; i < DISPATCHERS; i++) {
        rounds.add(pool.submit(() -> {
          start.await();
          return pakketten.dispatchOutbox();
        }));
      }
      start.countDown();
      for (Future<DispatchResult> round : rounds) {
        results.add(round.get(2, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results.stream().mapToInt(DispatchResult::delivered).sum()).isEqualTo(MAILS);
    assertThat(documents.sent).hasSize(MAILS);
    assertThat(documents.sent.stream().map(DocumentServices.OutgoingMail::messageId).distinct()).hasSize(MAILS);
    List<OutboxMessage> messages = pakketten.outboxMessages(PRACTICE, null, PageRequest.first(1000)).items();
    assertThat(messages).hasSize(MAILS).allSatisfy(m -> {
      assertThat(m.state()).isEqualTo(OutboxState.SENT);
      assertThat(m.attempts()).isEqualTo(1);
    });
    assertThat(pakketten.outboxDepth()).isZero();
  }
}
