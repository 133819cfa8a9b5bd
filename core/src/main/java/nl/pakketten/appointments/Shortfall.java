package nl.pakketten.appointments;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PatientId;

/**
 * The facts a {@link ShortfallPolicy} decides on: an appointment of a linked type costs {@code cost}
 * credits of {@code packageId}, and the patient has only {@code spendable} of them.
 */
public record Shortfall(AppointmentId appointmentId, PatientId patient, PackageId packageId, int cost,
    int spendable) {}
