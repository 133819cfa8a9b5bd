package nl.pakketten.internal.usecase;

import nl.pakketten.access.Action;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.SaveMailTemplate;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.MailTemplates;
import org.jspecify.annotations.Nullable;

/**
 * Use case: save a practice's e-mail template after {@link DocumentServices#checkTemplate} accepted
 * it; a template it refuses is not saved, and without document services none is.
 *
 * @param templates where templates are kept
 * @param documents checks the template; null when none are configured
 * @param writes the path the command takes
 */
public record SaveMailTemplateHandler(MailTemplates templates, @Nullable DocumentServices documents,
    WritePath writes) {
  /** Saves the template and answers with it. */
  public MailTemplate handle(SaveMailTemplate command) {
    MailTemplate template = command.template();
    return writes.check(command)
        .rules(check -> {
          if (template == null) {
            return;
          }
          if (documents == null) {
            check.require(false, "template", template.kind(), "cannot be checked: no template check is"
                + " configured (Pakketten.builder().documents(...))");
          } else {
            documents.checkTemplate(template);
          }
        })
        .access(command.actor(), Action.EDIT_MAIL_TEMPLATES)
        .run("saveMailTemplate", command.practice(),
            template == null ? null : template.kind() + ":" + template.language().toLanguageTag(),
            events -> {
              templates.save(command.practice(), template);
              return template;
            });
  }
}
