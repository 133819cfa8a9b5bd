package nl.pakketten.spi;

import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;

/** Port: the appointment types of each practice. */
public interface AppointmentTypes {
  Optional<AppointmentType> find(PracticeId practice, AppointmentTypeId id);

  /** Inserts or replaces the type with the same id. */
  void save(AppointmentType type);

  /** Types linked to the package, ordered by id. */
  List<AppointmentType> linkedTo(PracticeId practice, PackageId packageId);
}
