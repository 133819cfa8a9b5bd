package nl.pakketten.spi;

import java.util.List;
import java.util.Optional;
import nl.pakketten.catalog.AppointmentType;
import nl.pakketten.catalog.AppointmentTypeId;
import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.PracticeId;

/** Port: the appointment types of each practice. */
public interface AppointmentTypes {
  /**
   * Reads an appointment type.
   *
   * @param practice the practice it belongs to
   * @param id its identifier
   * @return the type; empty when the practice has none with that id
   */
  Optional<AppointmentType> find(PracticeId practice, AppointmentTypeId id);

  /**
   * Inserts or replaces the type with the same id.
   *
   * @param type the type to store, in its own practice
   */
  void save(AppointmentType type);

  /**
   * Types linked to the package, ordered by id.
   *
   * @param practice the practice
   * @param packageId the package
   * @return the linked types; empty when none is linked
   */
  List<AppointmentType> linkedTo(PracticeId practice, PackageId packageId);
}
