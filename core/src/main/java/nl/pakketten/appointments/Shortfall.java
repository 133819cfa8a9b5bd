package nl.pakketten.appointments;

import nl.pakketten.catalog.PackageId;
import nl.pakketten.common.AppointmentId;
import nl.pakketten.common.PatientId;

/**
 * The facts a {@link ShortfallPolicy} decides on: an appointment of a linked type costs {@code cost}
 * credits of {@code packageId}, and the patient has only {@code spendable} of them.
 *
 * @param appointmentId the appointment being scheduled or changed
 * @param patient the patient
 * @param packageId the package its type is linked to
 * @param cost the credits it costs
 * @param spendable the credits the patient can spend today (by the SDK's clock), fewer than
 *     {@code cost}
 */
public record Shortfall(AppointmentId appointmentId, PatientId patient, PackageId packageId, int cost,
    int spendable) {}
