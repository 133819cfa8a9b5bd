package nl.pakketten.internal.usecase;

import java.util.Locale;
import java.util.Optional;
import nl.pakketten.access.Action;
import nl.pakketten.invoicing.InvoiceNumbers;
import nl.pakketten.invoicing.PracticeProfile;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.PracticeProfiles;
import nl.pakketten.spi.ValueBuilders;
import org.jspecify.annotations.Nullable;

/**
 * Use case: create or replace a practice's profile. The IBAN is checked by the configured {@link
 * DocumentServices}; without them a profile with an IBAN is refused (the core does not check IBANs
 * itself).
 *
 * @param profiles where profiles are kept
 * @param documents checks the IBAN; null when none are configured
 * @param writes the path the command takes
 */
public record SavePracticeProfileHandler(PracticeProfiles profiles, @Nullable DocumentServices documents,
    WritePath writes) {
  /** Saves the profile and answers with it as stored. */
  public PracticeProfile handle(SavePracticeProfile command) {
    Optional<String> iban = command.iban() == null ? Optional.empty()
        : command.iban().map(i -> i.replace(" ", "").toUpperCase(Locale.ROOT));
    return writes.check(command)
        .rules(check -> {
          String format = command.numberFormat();
          String problem = format == null ? null : InvoiceNumbers.problem(format);
          check.require(problem == null, "numberFormat", format, String.valueOf(problem));
          iban.ifPresent(i -> {
            if (documents == null) {
              check.require(false, "iban", i, "cannot be checked: no IBAN check is configured"
                  + " (Pakketten.builder().documents(...))");
            } else {
              documents.ibanProblems(i).forEach(p -> check.require(false, "iban", i, p));
            }
          });
        })
        .access(command.actor(), Action.EDIT_PRACTICE_PROFILE)
        .run("savePracticeProfile", command.practice(), "profile", events -> {
          PracticeProfile profile = ValueBuilders.practiceProfile()
              .practice(command.practice())
              .name(command.name().strip())
              .address(command.address())
              .kvkNumber(command.kvkNumber().strip())
              .vatNumber(command.vatNumber().strip())
              .iban(iban)
              .senderAddress(command.senderAddress().strip())
              .senderName(command.senderName().strip())
              .numberFormat(command.numberFormat())
              .paymentTermDays(command.paymentTermDays())
              .defaultLanguage(command.defaultLanguage())
              .build();
          profiles.save(profile);
          return profile;
        });
  }
}
