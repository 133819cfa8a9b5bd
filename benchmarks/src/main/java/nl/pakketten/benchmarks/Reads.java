package nl.pakketten.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import nl.pakketten.Pakketten;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;

/** The reads {@link ReadsAndLots} measures, through the public API as it stands. */
final class Reads {
  record Case(String name, Supplier<Object> read) {}

  static int history(Pakketten sdk, PracticeId practice, PatientId patient) {
    return sdk.history(practice, patient).size();
  }

  static int journal(Pakketten sdk, PracticeId practice) {
    return sdk.journal(practice, Instant.EPOCH, Instant.MAX).size();
  }

  static List<Case> cases(Pakketten sdk, PracticeId practice, PatientId patient) {
    return List.of(
        new Case("history(): the whole list", () -> sdk.history(practice, patient)),
        new Case("journal(): the whole list", () -> sdk.journal(practice, Instant.EPOCH, Instant.MAX)));
  }

  private Reads() {}
}
