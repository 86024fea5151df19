package dev.codebuildspec.reports;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks the start and end tags of an XML report, streaming and safely.
 *
 * <p>Safety: DTDs are not processed and external entities are not supported, so a document can
 * neither expand entities (billion laughs) nor make us read a file or a URL (XXE); an entity
 * reference a DTD would have declared is a parse error. The JDK's own StAX implementation is
 * used on purpose, not whatever {@code XMLInputFactory.newFactory()} finds on the class path
 * (Jenkins ships Woodstox), so these properties mean what we tested.
 *
 * <p>Elements are matched by local name: TRX files are namespaced, others are not.
 */
final class XmlCursor {
    private final XMLStreamReader reader;
    private final XmlLimits limits;
    private long elements;
    private int depth;
    private boolean start;

    XmlCursor(InputStream in, XmlLimits limits) throws ReportException {
        this.limits = limits;
        try {
            this.reader = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return f;
    }

    /**
     * Moves to the next start or end tag; false at the end of the document. After a start tag
     * {@link #depth()} is the new element's depth (the root is 1); after an end tag it is the
     * depth of the element that ended.
     */
    boolean next() throws ReportException {
        if (!start && depth > 0) {
            depth--;
        }
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start = true;
                    depth++;
                    if (++elements > limits.maxElements()) {
                        throw error("more than " + limits.maxElements() + " elements; stopped reading");
                    }
                    if (depth > limits.maxDepth()) {
                        throw error("elements nested more than " + limits.maxDepth() + " deep; stopped reading");
                    }
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    start = false;
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /** Moves to the root element and checks its name. */
    String root(String... expected) throws ReportException {
        if (!next() || !start) {
            throw error("no root element");
        }
        String name = name();
        if (!Arrays.asList(expected).contains(name)) {
            StringBuilder want = new StringBuilder();
            for (int i = 0; i < expected.length; i++) {
                want.append(i == 0 ? "" : i == expected.length - 1 ? " or " : ", ").append('<').append(expected[i]).append('>');
            }
            throw error("expected " + want + ", found <" + name + ">");
        }
        return name;
    }

    /** Reads on to the end, so that a truncated or malformed file is noticed. */
    void finish() throws ReportException {
        while (next()) {
            // nothing to collect
        }
    }

    boolean isStart() {
        return start;
    }

    boolean isStart(String name) {
        return start && name().equals(name);
    }

    boolean isEnd(String name) {
        return !start && name().equals(name);
    }

    int depth() {
        return depth;
    }

    String name() {
        return reader.getLocalName();
    }

    /** An attribute of the current start tag by local name, or null. */
    String attr(String name) {
        return reader.getAttributeValue(null, name);
    }

    /** An attribute of the current start tag compared without case, or null. */
    String attrLower(String name) {
        String v = attr(name);
        return v == null ? null : v.trim().toLowerCase(Locale.ROOT);
    }

    ReportException error(String reason) {
        return ReportException.at(reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber(), reason);
    }

    /** The JDK prefixes its messages with "ParseError at [row,col]:[3,20]\nMessage: "; we say "line 3: ". */
    private static ReportException translate(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        message = message.strip();
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return ReportException.at(line, message);
    }
}
