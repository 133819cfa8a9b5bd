package nl.pakketten.mail;

import static nl.pakketten.mail.InvoiceFixtures.DUTCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.spi.DocumentServices.RenderedMail;
import nl.pakketten.spi.DocumentServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTest {
  private final DocumentServices documents = PakkettenMail.builder().smtp("localhost", 25).build();

  private static MailTemplate template(String subject, String html, String text) {
    return new MailTemplate(DocumentKind.PRODUCT_INVOICE, DUTCH, subject, html, text);
  }

  @ParameterizedTest
  @EnumSource(DocumentKind.class)
  void theShippedTemplatesPassTheCheckInBothLanguages(DocumentKind kind) {
    for (Locale language : new Locale[] {DUTCH, Locale.ENGLISH}) {
      MailTemplate template = documents.defaultTemplate(kind, language);
      assertThat(template.kind()).isEqualTo(kind);
      assertThat(template.language().getLanguage()).isEqualTo(language.getLanguage());
      assertThatNoException().isThrownBy(() -> documents.checkTemplate(template));
    }
  }

  @Test
  void aLanguageWithoutTemplatesGetsTheEnglishOnes() {
    MailTemplate german = documents.defaultTemplate(DocumentKind.PRODUCT_INVOICE, Locale.GERMAN);

    assertThat(german.language()).isEqualTo(Locale.ENGLISH);
    assertThat(german.subject()).isEqualTo("Invoice {{invoiceNumber}} from {{practice.name}}");
  }

  @Test
  void theDutchDefaultRendersDutchDatesMoneyAndTheInvoiceFacts() {
    RenderedMail mail = documents.render(documents.defaultTemplate(DocumentKind.PRODUCT_INVOICE, DUTCH),
        InvoiceFixtures.invoice(DUTCH));

    assertThat(mail.subject()).isEqualTo("Factuur F2026-0042 van Praktijk Beweging");
    assertThat(mail.text())
        .contains("factuur F2026-0042 van 9 maart 2026")
        .contains("- 1 x Pakket 10 behandelingen: € 385,00 (btw vrijgesteld)")
        .contains("- 2 x Weerstandsband: € 25,00 (btw 21%)")
        .contains("Totaal: € 415,25")
        .contains(InvoiceFixtures.EXEMPTION)
        .contains("10 credits van het pakket Fysio 10")
        .contains("uiterlijk 23 maart 2026 overmaken naar NL91ABNA0417164300")
        .contains("Kanaalweg 17, 3526 KL Utrecht");
  }

  @Test
  void theEnglishDefaultRendersEnglishDatesAndMoney() {
    RenderedMail mail = documents.render(documents.defaultTemplate(DocumentKind.CREDIT_NOTE, Locale.ENGLISH),
        InvoiceFixtures.creditNote(Locale.ENGLISH));

    assertThat(mail.subject()).isEqualTo("Credit note C2026-0007 from Praktijk Beweging");
    assertThat(mail.text())
        .contains("credit note C2026-0007 of 9 March 2026. It credits invoice F2026-0042.")
        .contains("- -1 x Pakket 10 behandelingen: -€385.00")
        .contains("Total: -€415.25");
  }

  @Test
  void moneyIsGroupedAndSignedPerLanguage() {
    org.joda.money.Money amount = org.joda.money.Money.parse("EUR -1385.5");

    assertThat(Language.DUTCH.money(amount)).isEqualTo("€ -1.385,50");
    assertThat(Language.ENGLISH.money(amount)).isEqualTo("-€1,385.50");
    assertThat(Language.DUTCH.money(amount.negated())).isEqualTo("€ 1.385,50");
    assertThat(Language.ENGLISH.money(amount.negated())).isEqualTo("€1,385.50");
  }

  @Test
  void theHtmlPartEscapesValuesAndTheTextPartAndSubjectDoNot() {
    MailTemplate template = template("Voor {{patient.name}}", "<p>{{patient.name}}</p>", "{{patient.name}}");

    RenderedMail mail = documents.render(template, InvoiceFixtures.invoice(DUTCH));

    assertThat(mail.html()).isEqualTo("<p>Anna &lt;b&gt;de Vries&lt;/b&gt; &amp; Zn</p>");
    assertThat(mail.text()).isEqualTo(InvoiceFixtures.PATIENT);
    assertThat(mail.subject()).isEqualTo("Voor " + InvoiceFixtures.PATIENT);
  }

  @Test
  void absentValuesAndNoCreditsAreFalseInASection() {
    MailTemplate template = template("x", "x",
        "{{#lines}}{{#credits}}{{credits}} credits: {{description}};{{/credits}}{{/lines}}"
            + "{{^creditedInvoiceNumber}} no credited invoice{{/creditedInvoiceNumber}}");

    assertThat(documents.render(template, InvoiceFixtures.invoice(DUTCH)).text())
        .isEqualTo("10 credits: Pakket 10 behandelingen; no credited invoice");
  }

  @Test
  void anUnknownPlaceholderIsRefusedNamingThePartThePlaceholderAndTheLine() {
    MailTemplate template = template("Factuur {{invoiceNumber}}", "<p>Beste</p>\n<p>{{patient.nmae}}</p>", "ok");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> documents.checkTemplate(template));

    assertThat(e.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("html");
      assertThat(violation.invalidValue()).isEqualTo("patient.nmae");
      assertThat(violation.message()).contains("{{patient.nmae}}").contains("line 2");
    });
  }

  @Test
  void anUnknownPlaceholderInsideAnOptionalSectionIsFoundToo() {
    MailTemplate withinExemption = template("x", "x", "{{#exemptionText}}{{exemptionTxt}}{{/exemptionText}}");
    MailTemplate withinAbsentCredit = template("x", "x", "{{^creditedInvoiceNumber}}{{dueDat}}{{/creditedInvoiceNumber}}");

    assertThat(fieldsRefused(withinExemption)).containsExactly("text");
    assertThat(fieldsRefused(withinAbsentCredit)).containsExactly("text");
  }

  @Test
  void aLinePlaceholderOutsideTheLinesIsUnknown() {
    assertThat(fieldsRefused(template("{{description}}", "x", "x"))).containsExactly("subject");
  }

  @Test
  void brokenSyntaxIsRefusedNamingTheLine() {
    MailTemplate template = template("x", "x", "Beste {{patient.name}},\n{{#lines}}\n{{description}}\n");

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> documents.checkTemplate(template));

    assertThat(e.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.field()).isEqualTo("text");
      assertThat(violation.message()).contains("broken Mustache syntax").contains("lines");
    });
  }

  @Test
  void everyFailingPartIsListedAtOnce() {
    MailTemplate template = template("{{onbekend}}", "<p>{{#lines}}</p>", "{{patient.naam}}");

    assertThat(fieldsRefused(template)).containsExactly("subject", "html", "text");
  }

  @Test
  void everyDocumentedPlaceholderRenders() {
    String all = """
        {{kind}} {{invoiceNumber}} {{issueDate}} {{dueDate}} {{paymentReference}} {{creditedInvoiceNumber}}
        {{exemptionText}} {{#creditNote}}credit note{{/creditNote}}
        {{patient.name}} {{patient.email}} {{patient.street}} {{patient.postalCode}} {{patient.city}}
        {{patient.country}} {{patient.address}}
        {{practice.name}} {{practice.email}} {{practice.street}} {{practice.postalCode}} {{practice.city}}
        {{practice.country}} {{practice.address}} {{practice.kvkNumber}} {{practice.vatNumber}} {{practice.iban}}
        {{#lines}}{{number}} {{productCode}} {{description}} {{quantity}} {{unitPrice}} {{vatRate}} {{amount}}
        {{vatAmount}} {{packageName}} {{credits}}{{/lines}}
        {{#packages}}{{packageName}} {{credits}}{{/packages}}
        {{#vatTotals}}{{vatRate}} {{base}} {{vat}}{{/vatTotals}}
        {{totalExcludingVat}} {{totalVat}} {{total}}
        """;
    MailTemplate template = template(all, all, all);

    assertThatNoException().isThrownBy(() -> documents.checkTemplate(template));
    assertThat(documents.render(template, InvoiceFixtures.creditNote(DUTCH)).text())
        .contains("Creditnota C2026-0007 9 maart 2026 9 maart 2026 C2026-0007 F2026-0042")
        .contains("credit note")
        .contains("87654321 NL859912345B01 NL91ABNA0417164300")
        .contains("2 BAND Weerstandsband -2 € 12,50 21% € -25,00")
        .contains("Fysio 10 10")
        .contains("vrijgesteld € -385,00 € 0,00")
        .contains("€ -410,00 € -5,25 € -415,25");
  }

  private String[] fieldsRefused(MailTemplate template) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> documents.checkTemplate(template));
    assertThat(e).as("the check refuses the template").isNotNull();
    return e.violations().stream().map(FieldViolation::field).toArray(String[]::new);
  }
}
