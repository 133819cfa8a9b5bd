package nl.pakketten.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Test helpers for an XAF file: the official schema, and a DOM to read a small file back. */
final class Xaf {
  private static final Schema SCHEMA = schema();

  private Xaf() {}

  private static Schema schema() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return factory.newSchema(Xaf.class.getResource("XmlAuditfileFinancieel3.2.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Validates the file against XmlAuditfileFinancieel3.2.xsd; throws with the first problem. */
  static void validate(byte[] file) throws SAXException, IOException {
    SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(file)));
  }

  static Document parse(byte[] file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
  }

  static List<Element> all(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(XafFile.NAMESPACE, name);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }

  static String child(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(XafFile.NAMESPACE, name);
    return nodes.item(0).getTextContent();
  }

  /** The sum of the transaction lines' amounts on one side ("D" or "C"). */
  static BigDecimal lineTotal(Document doc, String side) {
    return all(doc, "trLine").stream().filter(l -> child(l, "amntTp").equals(side))
        .map(l -> new BigDecimal(child(l, "amnt"))).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
