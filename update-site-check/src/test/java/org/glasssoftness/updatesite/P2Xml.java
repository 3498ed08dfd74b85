package org.glasssoftness.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the XML inside p2's content.jar / artifacts.jar (and feature.xml) as DOM, with a few lookups the tests need. */
final class P2Xml {
    private P2Xml() { }

    /** Parses entry {@code entryName} of the zip/jar at {@code jar}; fails naming the jar when the entry is missing. */
    static Document parseEntry(Path jar, String entryName) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(entryName);
            if (e == null) {
                throw new AssertionError(jar + " has no entry " + entryName);
            }
            try (InputStream in = zip.getInputStream(e)) {
                return parse(in, jar + "!" + entryName);
            }
        }
    }

    static Document parse(InputStream in, String what) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            // KNIME node descriptions may carry a DOCTYPE; never fetch the external DTD (builds run offline).
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException ex) {
            throw new IOException("not well-formed XML: " + what + ": " + ex.getMessage(), ex);
        }
    }

    /** Direct and nested elements named {@code tag} below {@code root}. */
    static List<Element> elements(Node root, String tag) {
        NodeList nl = root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** The {@code <unit>} elements of content.xml with the given id. */
    static List<Element> units(Document content, String id) {
        List<Element> out = new ArrayList<>();
        for (Element u : elements(content, "unit")) {
            if (id.equals(u.getAttribute("id"))) {
                out.add(u);
            }
        }
        return out;
    }

    /** Value of {@code <property name=...>} directly under the unit's {@code <properties>}, or null. */
    static String property(Element unit, String name) {
        for (Element p : elements(unit, "property")) {
            if (name.equals(p.getAttribute("name")) && p.getParentNode().getParentNode() == unit) {
                return p.getAttribute("value");
            }
        }
        return null;
    }

    /** The {@code <required>} element of the unit with this namespace and name, or null. */
    static Element required(Element unit, String namespace, String name) {
        for (Element r : elements(unit, "required")) {
            if (namespace.equals(r.getAttribute("namespace")) && name.equals(r.getAttribute("name"))) {
                return r;
            }
        }
        return null;
    }
}
