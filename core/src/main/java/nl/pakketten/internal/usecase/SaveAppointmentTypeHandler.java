package nl.pakketten.internal.usecase;

import static nl.pakketten.internal.usecase.CatalogChecks.requirePackage;

import java.time.Clock;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeLink;
import nl.pakketten.catalog.CatalogEvents;
import nl.pakketten.catalog.SaveAppointmentType;
import nl.pakketten.spi.AppointmentTypes;
import nl.pakketten.spi.Packages;
import nl.pakketten.spi.ValueBuilders;

/**
 * Use case: create or replace an appointment type and its link to a package.
 *
 * @param packages where the linked package is looked up
 * @param types where appointment types are kept
 * @param writes the path the command takes
 * @param clock the time of the change
 */
public record SaveAppointmentTypeHandler(Packages packages, AppointmentTypes types, WritePath writes, Clock clock) {
  /** Saves the appointment type and answers with it as stored. */
  public AppointmentType handle(SaveAppointmentType command) {
    return writes.check(command)
        .access(command.actor(), Action.LINK_APPOINTMENT_TYPES)
        .run("saveAppointmentType", command.practice(), command.id(), events -> {
          Optional<AppointmentTypeLink> link = command.packageId().map(pid -> {
            requirePackage(packages, command.practice(), pid);
            return new AppointmentTypeLink(pid, command.creditsPerAppointment());
          });
          Optional<AppointmentType> before = types.find(command.practice(), command.id());
          AppointmentType after = ValueBuilders.appointmentType()
              .practice(command.practice())
              .id(command.id())
              .name(command.name().strip())
              .link(link)
              .build();
          types.save(after);
          events.add(new CatalogEvents.AppointmentTypeSaved(command.practice(), clock.instant(),
              command.actor().userId(), before, after));
          return after;
        });
  }
}
