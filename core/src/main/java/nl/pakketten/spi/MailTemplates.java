package nl.pakketten.spi;

import java.util.Locale;
import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.MailTemplate;

/** Port: the practices' own e-mail templates, one per practice, kind and language (its language tag). */
public interface MailTemplates {
  /**
   * A practice's template.
   *
   * @param practice the practice
   * @param kind the document kind
   * @param language the language (compared by its language tag)
   * @return the template, empty if the practice saved none
   */
  Optional<MailTemplate> find(PracticeId practice, DocumentKind kind, Locale language);

  /**
   * Inserts or replaces the practice's template of the template's kind and language.
   *
   * @param practice the practice
   * @param template the template
   */
  void save(PracticeId practice, MailTemplate template);
}
