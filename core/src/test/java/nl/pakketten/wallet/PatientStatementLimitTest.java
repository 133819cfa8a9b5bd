package nl.pakketten.wallet;

import static nl.pakketten.testing.Fixtures.FAR_FUTURE;
import static nl.pakketten.testing.Fixtures.PATIENT;
import static nl.pakketten.testing.Fixtures.PRACTICE;
import static nl.pakketten.testing.Fixtures.START;
import static nl.pakketten.testing.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.LotId;
import nl.pakketten.common.UserId;
import nl.pakketten.internal.usecase.PatientReads;
import nl.pakketten.spi.ValueBuilders;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A statement is bounded: a period holding more movements of the patient than {@link
 * PatientReads#STATEMENT_LIMIT} is refused naming {@code to}, and one holding exactly that many is
 * answered. In memory only: the bound is the core's, the same for every storage. The movements are
 * appended to the history directly (a statement reads nothing else of them that matters here), so
 * the test stays fast.
 */
class PatientStatementLimitTest {
  private final Fixtures f = new Fixtures();
  private final PackageId pkg = PackageId.of("basis");

  private void append(int count, Instant at) {
    f.storage.transactions().inTransaction(() -> {
      for (int i = 0; i < count; i++) {
        f.storage.history().append(ValueBuilders.movement().id(at + "-" + i).practice(PRACTICE).patient(PATIENT)
            .packageId(pkg).lotId(LotId.of("lot-1")).kind(MovementKind.IMPORTED).credits(1).revenue(eur(0)).at(at)
            .actor(UserId.of("owner-1")).reason("imported").sourceKey("import:I-1").build());
      }
      return null;
    });
  }

  @Test
  void aPeriodWithMoreMovementsThanTheLimitIsRefusedNamingTo() {
    append(PatientReads.STATEMENT_LIMIT, START);
    assertThat(f.pakketten.patientStatement(PRACTICE, PATIENT, Instant.EPOCH, FAR_FUTURE).packages().get(0)
        .lines()).hasSize(PatientReads.STATEMENT_LIMIT);

    Instant later = START.plus(Duration.ofHours(1));
    append(1, later);

    assertThatThrownBy(() -> f.pakketten.patientStatement(PRACTICE, PATIENT, Instant.EPOCH, FAR_FUTURE))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("to"));
    // a shorter period is answered, opening with what came before
    WalletStatement part = f.pakketten.patientStatement(PRACTICE, PATIENT, later, FAR_FUTURE).packages().get(0);
    assertThat(part.opening().credits()).isEqualTo(PatientReads.STATEMENT_LIMIT);
    assertThat(part.lines()).hasSize(1);
  }
}
