package nl.pakketten.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.common.PatientId;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.invoicing.PatientDetails;
import nl.pakketten.invoicing.PostalAddress;
import nl.pakketten.invoicing.SavePracticeProfile;
import nl.pakketten.spi.DocumentServices;
import nl.pakketten.spi.PatientDirectory;
import nl.pakketten.spi.TransientException;

/**
 * Small fakes of the invoicing's outside parts, for tests: a patient directory over a map, and
 * document services that render by substitution, "print" the document's number and total, record
 * every mail, and can be told to fail sending.
 */
public final class InvoicingFixtures {
  private InvoicingFixtures() {}

  /** A valid Dutch IBAN. */
  public static final String IBAN = "NL91ABNA0417164300";

  /** The practice's address. */
  public static final PostalAddress PRACTICE_ADDRESS = new PostalAddress("Dorpsstraat 1", "1234 AB", "Utrecht", "NL");

  /** A complete profile command with an IBAN. */
  public static SavePracticeProfile.Builder profile(PracticeId practice, nl.pakketten.common.Actor actor) {
    return SavePracticeProfile.builder()
        .practice(practice)
        .actor(actor)
        .name("Fysio Utrecht")
        .address(PRACTICE_ADDRESS)
        .kvkNumber("12345678")
        .vatNumber("NL001234567B01")
        .iban(IBAN)
        .senderAddress("facturen@fysio.example")
        .senderName("Fysio Utrecht")
        .numberFormat("F{yyyy}-{seq:4}");
  }

  /** A patient directory over a map; patients may be added while it is in use. */
  public static final class Directory implements PatientDirectory {
    private final Map<PatientId, PatientDetails> patients = new ConcurrentHashMap<>();

    /** Adds or replaces a patient. */
    public Directory with(PatientId patient, String name, Optional<String> email, Optional<Locale> language) {
      patients.put(patient, new PatientDetails(name, email,
          new PostalAddress("Laan 5", "3500 AA", "Utrecht", "NL"), language));
      return this;
    }

    @Override
    public Optional<PatientDetails> find(PracticeId practice, PatientId patient) {
      return Optional.ofNullable(patients.get(patient));
    }
  }

  /** Document services that render by substitution and record what they send. */
  public static final class Documents implements DocumentServices {
    public final List<OutgoingMail> sent = Collections.synchronizedList(new ArrayList<>());
    public final List<MailTemplate> checked = Collections.synchronizedList(new ArrayList<>());
    public volatile boolean serverDown;
    public volatile boolean refuse;

    @Override
    public void checkTemplate(MailTemplate template) {
      checked.add(template);
      for (String part : List.of(template.subject(), template.html(), template.text())) {
        if (part.contains("{{unknown}}")) {
          throw InvalidInputException.of("html", "unknown", "names an unknown placeholder {{unknown}}");
        }
      }
    }

    @Override
    public MailTemplate defaultTemplate(DocumentKind kind, Locale language) {
      boolean nl = language.getLanguage().equals("nl");
      return new MailTemplate(kind, nl ? language : Locale.ENGLISH, nl ? "Factuur {{number}}" : "Invoice {{number}}",
          "<p>{{number}}</p>", "{{number}}");
    }

    @Override
    public RenderedMail render(MailTemplate template, InvoiceDocument document) {
      return new RenderedMail(template.subject().replace("{{number}}", document.number()),
          template.html().replace("{{number}}", document.number()),
          template.text().replace("{{number}}", document.number()));
    }

    @Override
    public byte[] pdf(InvoiceDocument document) {
      return (document.number() + " " + document.total()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void send(OutgoingMail mail) {
      if (serverDown) {
        throw new TransientException("SMTP server unreachable", null);
      }
      if (refuse) {
        throw InvalidInputException.of("to", mail.to(), "was refused by the server: 550 mailbox unavailable");
      }
      sent.add(mail);
    }

    /** Checks the country code's shape, the length and the ISO 7064 mod-97 check digits. */
    @Override
    public List<String> ibanProblems(String iban) {
      if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
        return List.of("is not shaped like an IBAN");
      }
      String moved = iban.substring(4) + iban.substring(0, 4);
      StringBuilder digits = new StringBuilder();
      for (char c : moved.toCharArray()) {
        digits.append(Character.getNumericValue(c));
      }
      return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1
          ? List.of() : List.of("has wrong check digits");
    }
  }
}
