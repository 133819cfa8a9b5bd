package nl.pakketten.mail;

import static nl.pakketten.mail.InvoiceFixtures.DUTCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.spi.DocumentServices;
import org.junit.jupiter.api.Test;

/** The placeholder table of docs/mail.md and the view model agree, both ways. */
class PlaceholderDocsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[#^]?([a-zA-Z.]+)}}");

  private final DocumentServices documents = PakkettenMail.builder().smtp("localhost", 25).build();

  /** The placeholders named in the table under "## Placeholders". */
  private static TreeSet<String> documented() throws IOException {
    String page = Files.readString(Path.of("../docs/mail.md"));
    String section = page.substring(page.indexOf("## Placeholders"), page.indexOf("## The default templates"));
    TreeSet<String> names = new TreeSet<>();
    section.lines().filter(line -> line.startsWith("|")).forEach(line -> {
      Matcher placeholder = PLACEHOLDER.matcher(line);
      while (placeholder.find()) {
        names.add(placeholder.group(1));
      }
    });
    return names;
  }

  /** Every key of the view, nested ones dotted and the keys inside lists as they are named in a section. */
  private static TreeSet<String> keys(Map<?, ?> view, String prefix) {
    TreeSet<String> keys = new TreeSet<>();
    view.forEach((key, value) -> {
      if (value instanceof Map<?, ?> nested) {
        keys.addAll(keys(nested, prefix + key + ".")); // patient and practice group names, no value
        return;
      }
      keys.add(prefix + key);
      if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> element) {
        keys.addAll(keys(element, ""));
      }
    });
    return keys;
  }

  @Test
  void everyPlaceholderOfTheViewIsDocumented() throws IOException {
    TreeSet<String> inView = keys(DocumentView.of(InvoiceFixtures.creditNote(DUTCH)), "");

    assertThat(documented()).containsAll(inView);
  }

  @Test
  void everyDocumentedPlaceholderPassesTheCheck() throws IOException {
    TreeSet<String> documented = documented();
    assertThat(documented).as("the table was found").contains("invoiceNumber", "lines", "practice.iban");
    List<String> refused = new ArrayList<>();
    for (String name : documented) {
      // Inside every list, so that a line's, a package's or a VAT total's own names resolve too.
      String text = "{{#lines}}{{#packages}}{{#vatTotals}}{{" + name + "}}{{/vatTotals}}{{/packages}}{{/lines}}";
      try {
        documents.checkTemplate(new MailTemplate(DocumentKind.PRODUCT_INVOICE, DUTCH, "s", "h", text));
      } catch (RuntimeException e) {
        refused.add(name + ": " + e.getMessage());
      }
    }

    assertThat(refused).isEmpty();
  }
}
