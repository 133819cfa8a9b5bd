package nl.pakketten.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pakketten.common.FieldViolation;
import nl.pakketten.common.InvalidInputException;
import nl.pakketten.invoicing.DocumentKind;
import nl.pakketten.invoicing.InvoiceDocument;
import nl.pakketten.invoicing.MailTemplate;
import nl.pakketten.spi.DocumentServices.RenderedMail;

/**
 * The e-mail templates, on JMustache. Strict: a placeholder that is not in {@link DocumentView} is
 * an error (JMustache throws when a variable is missing unless a default value is set, and none is),
 * and so is a section over an unknown name. The HTML part escapes values; the subject and the text
 * part do not, since neither is HTML.
 */
final class Templates {
  private static final Pattern PARSE_LINE = Pattern.compile("@ line (\\d+)");

  private final Mustache.Compiler html = compiler(true);
  private final Mustache.Compiler plain = compiler(false);

  private static Mustache.Compiler compiler(boolean escapeHtml) {
    return Mustache.compiler()
        .escapeHTML(escapeHtml)
        .strictSections(true)
        // An absent optional value is "" in the view (and no credits is 0): false for a section,
        // as a reader expects.
        .emptyStringIsFalse(true)
        .zeroIsFalse(true)
        .withLoader(name -> {
          throw new MustacheException("partials are not supported ({{> " + name + "}})");
        });
  }

  /** Checks every part against both sample documents; collects the first problem of each part. */
  void check(MailTemplate template) {
    List<FieldViolation> violations = new ArrayList<>();
    for (InvoiceDocument sample : SampleDocuments.all(template.language())) {
      Map<String, Object> view = DocumentView.of(sample);
      addViolation(violations, "subject", template.subject(), plain, view);
      addViolation(violations, "html", template.html(), html, view);
      addViolation(violations, "text", template.text(), plain, view);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  RenderedMail render(MailTemplate template, InvoiceDocument document) {
    Map<String, Object> view = DocumentView.of(document);
    return new RenderedMail(
        oneLine(execute("subject", template.subject(), plain, view)),
        execute("html", template.html(), html, view),
        execute("text", template.text(), plain, view));
  }

  /** Renders an HTML template of this module (the PDF's) with escaped values. */
  String renderHtml(String name, String source, Map<String, Object> view) {
    return execute(name, source, html, view);
  }

  MailTemplate defaultTemplate(DocumentKind kind, Language language) {
    String base = "defaults/" + (kind == DocumentKind.CREDIT_NOTE ? "credit-note" : "product-invoice") + "."
        + language.locale().getLanguage();
    return new MailTemplate(kind, language.locale(), resource(base + ".subject.txt").strip(),
        resource(base + ".html"), resource(base + ".txt"));
  }

  /** A text resource of this module, beside this class. */
  static String resource(String name) {
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from pakketten-mail: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addViolation(List<FieldViolation> violations, String part, String source,
      Mustache.Compiler compiler, Map<String, Object> view) {
    if (violations.stream().anyMatch(violation -> violation.field().equals(part))) {
      return; // one problem per part: the first sample already found one
    }
    try {
      execute(part, source, compiler, view);
    } catch (InvalidInputException e) {
      violations.addAll(e.violations());
    }
  }

  private static String execute(String part, String source, Mustache.Compiler compiler, Map<String, Object> view) {
    Template template;
    try {
      template = compiler.compile(source);
    } catch (MustacheException e) {
      throw brokenSyntax(part, source, e);
    }
    try {
      return template.execute(view);
    } catch (MustacheException.Context e) {
      throw InvalidInputException.of(part, e.key,
          "names an unknown placeholder {{" + e.key + "}} on line " + e.lineNo);
    } catch (MustacheException e) {
      throw brokenSyntax(part, source, e);
    }
  }

  private static InvalidInputException brokenSyntax(String part, String source, MustacheException e) {
    Matcher line = PARSE_LINE.matcher(String.valueOf(e.getMessage()));
    String lineText = null;
    if (line.find()) {
      List<String> lines = source.lines().toList();
      int number = Integer.parseInt(line.group(1));
      lineText = number >= 1 && number <= lines.size() ? lines.get(number - 1).strip() : null;
    }
    return InvalidInputException.of(part, lineText, "has broken Mustache syntax: " + e.getMessage());
  }

  /** A subject is one header line: line breaks in the template or a value become spaces. */
  private static String oneLine(String subject) {
    return subject.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
