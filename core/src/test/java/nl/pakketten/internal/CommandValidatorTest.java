package nl.pakketten.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.pakketten.appointments.ScheduleAppointment;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.CreatePackage;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PatientId;
import nl.pakketten.testing.Fixtures;
import org.junit.jupiter.api.Test;

class CommandValidatorTest {
  private final CommandValidator validator = new CommandValidator();

  private static ScheduleAppointment.Builder complete() {
    return ScheduleAppointment.builder().practice(Fixtures.PRACTICE).actor(Fixtures.RECEPTIONIST)
        .appointmentId(AppointmentId.of("A-1")).patient(PatientId.of("p")).typeId(AppointmentTypeId.of("T"))
        .start(Instant.EPOCH);
  }

  @Test
  void aCommandWithOnlyNotNullConstraintsSkipsTheValidatorWhenComplete() {
    ScheduleAppointment command = complete().build();

    assertThat(validator.hasFastPath(command.getClass())).isTrue();
    validator.check(command).orThrow();
  }

  @Test
  void aCommandWithOtherConstraintsAlwaysGoesThroughTheValidator() {
    CreatePackage command = CreatePackage.builder().practice(Fixtures.PRACTICE).actor(Fixtures.OWNER).name(" ")
        .internalRate(Fixtures.eur(1)).build();

    assertThat(validator.hasFastPath(command.getClass())).isFalse();
    assertThatThrownBy(() -> validator.check(command).orThrow()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("name must not be blank");
  }

  @Test
  void anIncompleteCommandStillGetsEveryMissingFieldNamed() {
    ScheduleAppointment command = ScheduleAppointment.builder().practice(Fixtures.PRACTICE).build();

    assertThatThrownBy(() -> validator.check(command).orThrow())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactly("actor", "appointmentId", "patient", "start", "typeId"));
  }
}
