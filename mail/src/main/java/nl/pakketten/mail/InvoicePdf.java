package nl.pakketten.mail;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import nl.pakketten.invoicing.InvoiceDocument;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The invoice or credit note as a PDF: the HTML template {@code pdf/invoice.html} rendered with the
 * same placeholders as the e-mail (plus the labels of the patient's language) and laid out by
 * openhtmltopdf on PDFBox. The same document gives the same bytes: the PDF's dates are the issue
 * date, its producer is fixed and its file identifier is derived from the content, never the clock.
 */
final class InvoicePdf {
  private static final String PRODUCER = "Pakketten";
  private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

  private final Templates templates;
  private final String source = Templates.resource("pdf/invoice.html");
  private final Map<Language, Map<String, Object>> labels = new LinkedHashMap<>();

  InvoicePdf(Templates templates) {
    this.templates = templates;
    for (Language language : Language.values()) {
      labels.put(language, labels(language));
    }
  }

  byte[] render(InvoiceDocument document) {
    Map<String, Object> view = DocumentView.of(document);
    view.put("labels", labels.get(Language.of(document.language())));
    String html = templates.renderHtml("pdf", source, view);
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .useFastMode()
        .withHtmlContent(html, null)
        .withProducer(PRODUCER);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      PDDocument pdf = renderer.createPDFKeepOpen();
      try (pdf) {
        stampFromDocument(pdf, document, html);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the PDF of " + document.number(), e);
    }
  }

  /** Dates, producer and file identifier from the document, so that a re-render is byte-identical. */
  private static void stampFromDocument(PDDocument pdf, InvoiceDocument document, String html) {
    GregorianCalendar issued = GregorianCalendar.from(document.issueDate().atStartOfDay(DUTCH_TIME));
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(document.number());
    info.setAuthor(document.supplier().name());
    info.setProducer(PRODUCER);
    info.setCreator(PRODUCER);
    info.setCreationDate(issued);
    info.setModificationDate(issued);
    // Without an /ID PDFBox derives one from the current time; both halves are the same on a new file.
    byte[] id = Arrays.copyOf(sha256(html), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Map<String, Object> labels(Language language) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(Templates.resource("pdf/labels." + language.locale().getLanguage()
          + ".properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> labels = new LinkedHashMap<>();
    properties.stringPropertyNames().stream().sorted().forEach(key -> labels.put(key, properties.getProperty(key)));
    return Map.copyOf(labels);
  }
}
