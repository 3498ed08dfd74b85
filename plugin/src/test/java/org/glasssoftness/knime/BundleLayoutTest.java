package org.glasssoftness.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.glasssoftness.knime.nodes.readdump.ReadDumpNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks what KNIME reads from the bundle: plugin.xml (category, every node factory, the port type), each
 * factory's description XML (schema v4.1 elements, every setting and port documented), icons (16x16 PNG), the
 * manifest, Java 17 bytecode, and that no plugin class uses a stand-in-only class or ships an org.knime class.
 */
class BundleLayoutTest {
    private static final Path CLASSES = classesDir();

    private static Path classesDir() {
        try {
            return Path.of(ReadDumpNodeFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document xml(final InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream i = in) {
            return f.newDocumentBuilder().parse(i);
        }
    }

    private static List<Element> elements(final Document d, final String tag) {
        NodeList l = d.getElementsByTagNameNS("*", tag);
        List<Element> r = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            r.add((Element)l.item(i));
        }
        return r;
    }

    private static Document pluginXml() throws Exception {
        return xml(Files.newInputStream(CLASSES.resolve("plugin.xml")));
    }

    static List<String> factoryClasses() throws Exception {
        return elements(pluginXml(), "node").stream().map(e -> e.getAttribute("factory-class"))
            .collect(Collectors.toList());
    }

    private static void assertIcon16(final InputStream in, final String what) throws Exception {
        assertNotNull(in, what + " missing");
        BufferedImage img;
        try (InputStream i = in) {
            img = ImageIO.read(i);
        }
        assertNotNull(img, what + " is not an image");
        assertEquals(16, img.getWidth(), what);
        assertEquals(16, img.getHeight(), what);
    }

    @Test
    void categoryAndNodesAreRegistered() throws Exception {
        Document d = pluginXml();
        List<Element> cats = elements(d, "category");
        assertEquals(1, cats.size());
        Element cat = cats.get(0);
        String catPath = cat.getAttribute("path") + "/" + cat.getAttribute("level-id");
        assertEquals("/community/glasssoftness", catPath);
        assertIcon16(Files.newInputStream(CLASSES.resolve(cat.getAttribute("icon"))), "category icon");
        List<String> factories = factoryClasses();
        assertTrue(factories.contains(ReadDumpNodeFactory.class.getName()));
        assertEquals(factories.size(), new HashSet<>(factories).size(), "a factory is registered twice");
        for (Element n : elements(d, "node")) {
            assertEquals(catPath, n.getAttribute("category-path"), n.getAttribute("factory-class"));
        }
    }

    @Test
    void everyNodeHasADescriptionDocumentingEverySettingAndPortAndAnIcon() throws Exception {
        for (String name : factoryClasses()) {
            Class<?> c = Class.forName(name);
            assertTrue(NodeFactory.class.isAssignableFrom(c), name + " is not a NodeFactory");
            NodeFactory<?> factory = (NodeFactory<?>)c.getDeclaredConstructor().newInstance();
            NodeModel model = factory.createNodeModel();
            Document d = xml(c.getResourceAsStream(c.getSimpleName() + ".xml"));
            Element root = d.getDocumentElement();
            assertEquals("knimeNode", root.getLocalName(), name);
            assertEquals("http://knime.org/node/v4.1", root.getNamespaceURI(), name);
            assertFalse(elements(d, "name").get(0).getTextContent().isBlank(), name);
            assertFalse(elements(d, "shortDescription").get(0).getTextContent().isBlank(), name);
            assertFalse(elements(d, "intro").get(0).getTextContent().isBlank(), name);
            assertIcon16(c.getResourceAsStream(root.getAttribute("icon").replaceFirst("^\\./", "")), name + " icon");
            assertEquals(StandinNodeRunner.inPortTypes(model).length, elements(d, "inPort").size(), name + " inPorts");
            assertEquals(StandinNodeRunner.outPortTypes(model).length, elements(d, "outPort").size(),
                name + " outPorts");
            // one documented option per setting the model saves (KNIME's *_Internals entries are bookkeeping)
            NodeSettings s = StandinNodeRunner.saveSettings(model);
            Set<String> keys = s.keySet().stream().filter(k -> !k.endsWith("_Internals"))
                .collect(Collectors.toCollection(TreeSet::new));
            List<Element> options = elements(d, "option");
            assertEquals(keys.size(), options.size(), name + ": options documented vs settings " + keys);
            String text = options.stream().map(Element::getTextContent).collect(Collectors.joining(" "));
            for (String k : keys) {
                assertTrue(text.contains(k), name + ": setting key " + k + " is not named in any option");
            }
            assertEquals(0, StandinNodeRunner.nrViews(factory) - elements(d, "view").size(), name + " views");
        }
    }

    @Test
    void portTypeClassesExist() throws Exception {
        for (Element pt : elements(pluginXml(), "portType")) {
            for (String attr : List.of("objectClass", "objectSerializer", "specClass", "specSerializer")) {
                assertNotNull(Class.forName(pt.getAttribute(attr)), attr);
            }
        }
    }

    @Test
    void manifestIsAKnimeBundleEmbeddingTheEngine() throws Exception {
        Manifest mf;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            mf = new Manifest(in);
        }
        Attributes a = mf.getMainAttributes();
        assertEquals("org.glasssoftness.knime;singleton:=true", a.getValue("Bundle-SymbolicName"));
        assertTrue(a.getValue("Bundle-Version").matches("\\d+\\.\\d+\\.\\d+\\.v\\d{12}"), a.getValue("Bundle-Version"));
        assertEquals("JavaSE-17", a.getValue("Bundle-RequiredExecutionEnvironment"));
        assertTrue(a.getValue("Require-Bundle").contains("org.knime.core;bundle-version=\"[5.3.0,6.0.0)\""));
        assertEquals("lazy", a.getValue("Bundle-ActivationPolicy"));
        // Bundle-ClassPath and lib/ are added when the jar is built (see plugin/pom.xml): PackagedBundleCheck
    }

    @Test
    void classesAreJava17AndNeverUseStandinOnlyOrShipKnimeClasses() throws Exception {
        List<Path> classes;
        try (Stream<Path> s = Files.walk(CLASSES)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertFalse(classes.isEmpty());
        for (Path p : classes) {
            String rel = CLASSES.relativize(p).toString().replace('\\', '/');
            assertFalse(rel.startsWith("org/knime/"), rel + " must come from KNIME, not from the bundle");
            byte[] b = Files.readAllBytes(p);
            int major = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
            assertEquals(61, major, rel + " is not Java 17 bytecode");
            String text = new String(b, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("org/knime/core/node/StandinNodeRunner")
                || text.contains("org/knime/core/util/StandinKnimeUrls"), rel + " uses a stand-in-only class");
        }
    }
}
