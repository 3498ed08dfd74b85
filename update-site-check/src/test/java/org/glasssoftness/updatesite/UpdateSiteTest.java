package org.glasssoftness.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the p2 repository that update-site/ built in this same `mvn verify`, against what KNIME AP 5.x needs to
 * install it: p2 metadata and artifact index, the feature and the bundle with matching versions, the requirements
 * on KNIME core, the category, the checksums p2 verifies on download, and a bundle jar that carries no KNIME class
 * and embeds its libraries exactly as its Bundle-ClassPath names them. Any mismatch fails the build.
 */
class UpdateSiteTest {
    static final String BUNDLE = "org.glasssoftness.knime";
    static final String FEATURE = "org.glasssoftness.knime.feature";
    static final String FEATURE_GROUP = FEATURE + ".feature.group";
    static final String IU = "org.eclipse.equinox.p2.iu";
    /** KNIME AP 5.x from 5.3 on; what the feature declares. */
    static final String KNIME_RANGE = "[5.3.0,6.0.0)";
    /** What the bundle's Require-Bundle may say: some 5.x lower bound, below 6. */
    static final Pattern KNIME_5_RANGE = Pattern.compile("\\[5\\.\\d+\\.\\d+,6\\.0\\.0\\)");
    /** x.y.z.qualifier with the build-timestamp qualifier of the root pom (osgi.version). */
    static final Pattern OSGI_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.v\\d{12}");

    static Path target;
    static Path repo;
    static Document content;
    static Document artifacts;
    static String version;

    @BeforeAll
    static void load() throws IOException {
        target = Path.of(System.getProperty("updateSite.dir", "../update-site/target")).toAbsolutePath().normalize();
        repo = target.resolve("repository");
        if (!Files.isDirectory(repo)) {
            fail("no p2 repository at " + repo + ": the update-site module must be built first (./mvnw -B verify)");
        }
        content = P2Xml.parseEntry(repo.resolve("content.jar"), "content.xml");
        artifacts = P2Xml.parseEntry(repo.resolve("artifacts.jar"), "artifacts.xml");
        List<Element> bundles = P2Xml.units(content, BUNDLE);
        assertEquals(1, bundles.size(), "exactly one version of the bundle IU " + BUNDLE + " in content.xml");
        version = bundles.get(0).getAttribute("version");
    }

    @Test
    void repositoryHasMetadataArtifactIndexAndFolders() {
        assertEquals("org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository",
                content.getDocumentElement().getAttribute("type"));
        assertEquals("org.eclipse.equinox.p2.artifact.repository.simpleRepository",
                artifacts.getDocumentElement().getAttribute("type"));
        assertTrue(Files.isDirectory(repo.resolve("plugins")), "plugins/ folder");
        assertTrue(Files.isDirectory(repo.resolve("features")), "features/ folder");
        assertTrue(OSGI_VERSION.matcher(version).matches(), "bundle version x.y.z.vTIMESTAMP, got " + version);
    }

    @Test
    void featureGroupRequiresKnimeAndExactlyThisBundle() {
        List<Element> groups = P2Xml.units(content, FEATURE_GROUP);
        assertEquals(1, groups.size(), "exactly one " + FEATURE_GROUP);
        Element group = groups.get(0);
        assertEquals(version, group.getAttribute("version"), "feature and bundle share one version");
        assertEquals("true", P2Xml.property(group, "org.eclipse.equinox.p2.type.group"));
        assertEquals("Glass Softness", P2Xml.property(group, "org.eclipse.equinox.p2.name"));

        Element base = P2Xml.required(group, IU, "org.knime.features.base.feature.group");
        assertNotNull(base, "feature requires org.knime.features.base");
        assertEquals(KNIME_RANGE, base.getAttribute("range"));
        Element core = P2Xml.required(group, IU, "org.knime.core");
        assertNotNull(core, "feature requires org.knime.core");
        assertEquals(KNIME_RANGE, core.getAttribute("range"));
        Element bundle = P2Xml.required(group, IU, BUNDLE);
        assertNotNull(bundle, "feature includes " + BUNDLE);
        assertEquals("[" + version + "," + version + "]", bundle.getAttribute("range"),
                "the feature's <plugin version> must equal the bundle's Bundle-Version");

        List<Element> licenses = P2Xml.elements(group, "license");
        assertEquals(1, licenses.size(), "one license in the feature");
        assertTrue(licenses.get(0).getTextContent().contains("Apache License"), "license text");
    }

    @Test
    void bundleIuRequiresKnimeCoreAndJava17() {
        Element unit = P2Xml.units(content, BUNDLE).get(0);
        Element core = P2Xml.required(unit, "osgi.bundle", "org.knime.core");
        assertNotNull(core, "Require-Bundle: org.knime.core in the bundle IU");
        assertTrue(KNIME_5_RANGE.matcher(core.getAttribute("range")).matches(),
                "org.knime.core range is a KNIME 5.x range, got " + core.getAttribute("range"));
        boolean singleton = P2Xml.elements(unit, "instruction").stream()
                .anyMatch(i -> i.getTextContent().contains("Bundle-SymbolicName: " + BUNDLE + ";singleton:=true"));
        assertTrue(singleton, "singleton bundle (it contributes extensions in plugin.xml)");
        boolean java17 = P2Xml.elements(unit, "requiredProperties").stream()
                .anyMatch(r -> "osgi.ee".equals(r.getAttribute("namespace"))
                        && r.getAttribute("match").contains("(osgi.ee=JavaSE)")
                        && r.getAttribute("match").contains("(version=17)"));
        assertTrue(java17, "the bundle requires the JavaSE-17 execution environment");
        // Third-party libraries are embedded under lib/; a required bundle that a KNIME installation does not ship
        // (e.g. commons-math3 as a bundle) would make the install fail to resolve.
        for (Element r : P2Xml.elements(unit, "required")) {
            String name = r.getAttribute("name");
            if ("osgi.bundle".equals(r.getAttribute("namespace")) && !"true".equals(r.getAttribute("optional"))) {
                assertTrue(name.startsWith("org.knime.") || name.startsWith("org.eclipse."),
                        "required bundle that KNIME AP does not provide: " + name);
            }
        }
    }

    @Test
    void categoryGlassSoftnessListsTheFeature() {
        List<Element> categories = new ArrayList<>();
        for (Element u : P2Xml.elements(content, "unit")) {
            if ("true".equals(P2Xml.property(u, "org.eclipse.equinox.p2.type.category"))) {
                categories.add(u);
            }
        }
        assertEquals(1, categories.size(), "one category IU");
        Element cat = categories.get(0);
        assertEquals("Glass Softness", P2Xml.property(cat, "org.eclipse.equinox.p2.name"));
        Element req = P2Xml.required(cat, IU, FEATURE_GROUP);
        assertNotNull(req, "the category contains the feature");
        assertEquals("[" + version + "," + version + "]", req.getAttribute("range"));
    }

    @Test
    void artifactIndexMatchesTheFilesByteForByte() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Element a : P2Xml.elements(artifacts, "artifact")) {
            String classifier = a.getAttribute("classifier");
            String id = a.getAttribute("id");
            assertEquals(version, a.getAttribute("version"), "artifact version of " + id);
            Path file = switch (classifier) {
                case "osgi.bundle" -> repo.resolve("plugins").resolve(id + "_" + version + ".jar");
                case "org.eclipse.update.feature" -> repo.resolve("features").resolve(id + "_" + version + ".jar");
                default -> throw new AssertionError("unexpected artifact classifier " + classifier + " for " + id);
            };
            assertTrue(Files.isRegularFile(file), "artifact file " + file);
            String size = null;
            String sha256 = null;
            for (Element p : P2Xml.elements(a, "property")) {
                switch (p.getAttribute("name")) {
                    case "artifact.size" -> size = p.getAttribute("value");
                    case "download.checksum.sha-256" -> sha256 = p.getAttribute("value");
                    default -> { }
                }
            }
            assertEquals(String.valueOf(Files.size(file)), size, "artifact.size of " + file.getFileName());
            if (sha256 != null) { // p2 verifies it on download
                assertEquals(sha256, sha256(file), "sha-256 of " + file.getFileName());
            }
            seen.add(classifier + ":" + id);
        }
        assertEquals(new TreeSet<>(List.of("org.eclipse.update.feature:" + FEATURE, "osgi.bundle:" + BUNDLE)), seen);
        assertEquals(List.of(BUNDLE + "_" + version + ".jar"), list(repo.resolve("plugins")));
        assertEquals(List.of(FEATURE + "_" + version + ".jar"), list(repo.resolve("features")));
    }

    @Test
    void bundleJarHasNoKnimeClassesNotEvenInEmbeddedJars() throws IOException {
        try (JarFile jf = new JarFile(bundleJar().toFile())) {
            for (ZipEntry e : jf.stream().toList()) {
                assertFalse(e.getName().startsWith("org/knime/"), "KNIME class packaged into the bundle: " + e.getName());
                if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                    try (InputStream in = jf.getInputStream(e)) {
                        scanNestedJar(in, bundleJar().getFileName() + "!" + e.getName());
                    }
                }
            }
        }
    }

    @Test
    void bundleManifestAndEmbeddedLibrariesMatch() throws IOException {
        Path jar = bundleJar();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            assertNotNull(mf, "MANIFEST.MF in " + jar);
            Attributes main = mf.getMainAttributes();
            assertEquals("2", main.getValue("Bundle-ManifestVersion"));
            assertEquals(BUNDLE + ";singleton:=true", main.getValue("Bundle-SymbolicName").replace(" ", ""));
            assertEquals(version, main.getValue("Bundle-Version"));
            assertNotNull(jf.getEntry("plugin.xml"), "plugin.xml at the jar root");

            Set<String> classPath = new LinkedHashSet<>();
            String bcp = main.getValue("Bundle-ClassPath");
            assertNotNull(bcp, "Bundle-ClassPath");
            for (String part : bcp.split(",")) {
                classPath.add(part.split(";")[0].trim());
            }
            assertTrue(classPath.contains("."), "Bundle-ClassPath contains . (the bundle's own classes)");

            Set<String> libJars = new TreeSet<>();
            boolean engineEmbedded = false;
            for (ZipEntry e : jf.stream().toList()) {
                if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                    libJars.add(e.getName());
                    try (InputStream in = jf.getInputStream(e)) {
                        engineEmbedded |= scanNestedJar(in, jar.getFileName() + "!" + e.getName());
                    }
                }
            }
            assertFalse(libJars.isEmpty(), "the bundle embeds its libraries under lib/");
            Set<String> named = new TreeSet<>(classPath);
            named.remove(".");
            assertEquals(named, libJars, "Bundle-ClassPath names exactly the lib/ jars in the bundle");
            assertTrue(engineEmbedded, "one lib/ jar holds the engine (org/glasssoftness/core/)");
        }
    }

    /**
     * Everything plugin.xml names must be inside the bundle, or KNIME drops the node (or port type) at start-up:
     * the classes (node factories, port object/spec classes and serializers), each node factory's description XML
     * next to it with the icon that description names, and every icon path.
     */
    @Test
    void pluginXmlPointsAtClassesAndFilesInsideTheBundle() throws IOException {
        try (JarFile jf = new JarFile(bundleJar().toFile())) {
            Document px;
            try (InputStream in = jf.getInputStream(jf.getEntry("plugin.xml"))) {
                px = P2Xml.parse(in, "plugin.xml");
            }
            List<String> classAttributes = List.of("factory-class", "objectClass", "objectSerializer", "specClass",
                    "specSerializer", "class");
            for (Element e : P2Xml.elements(px, "*")) {
                for (String attr : classAttributes) {
                    String cls = e.getAttribute(attr);
                    if (!cls.isEmpty()) {
                        assertNotNull(jf.getEntry(cls.replace('.', '/') + ".class"),
                                "plugin.xml " + e.getTagName() + " " + attr + "=" + cls + ": class not in the bundle");
                    }
                }
                String icon = e.getAttribute("icon");
                if (!icon.isEmpty()) {
                    assertNotNull(jf.getEntry(icon), "plugin.xml " + e.getTagName() + " icon=" + icon + " not in the bundle");
                }
                String factory = e.getAttribute("factory-class");
                if ("node".equals(e.getTagName()) && !factory.isEmpty()) {
                    String descriptionPath = factory.replace('.', '/') + ".xml";
                    ZipEntry description = jf.getEntry(descriptionPath);
                    assertNotNull(description, "node description " + descriptionPath + " not in the bundle");
                    Document d;
                    try (InputStream in = jf.getInputStream(description)) {
                        d = P2Xml.parse(in, descriptionPath);
                    }
                    String nodeIcon = d.getDocumentElement().getAttribute("icon");
                    if (!nodeIcon.isEmpty()) {
                        String pkg = descriptionPath.substring(0, descriptionPath.lastIndexOf('/') + 1);
                        String path = Path.of(pkg).resolve(nodeIcon).normalize().toString().replace('\\', '/');
                        assertNotNull(jf.getEntry(path), descriptionPath + " icon " + nodeIcon + " not in the bundle");
                    }
                }
            }
        }
    }

    @Test
    void featureJarHasFeatureXmlWithTheBundleVersion() throws IOException {
        Path jar = repo.resolve("features").resolve(FEATURE + "_" + version + ".jar");
        Document fx = P2Xml.parseEntry(jar, "feature.xml");
        Element feature = fx.getDocumentElement();
        assertEquals(FEATURE, feature.getAttribute("id"));
        assertEquals(version, feature.getAttribute("version"));
        List<Element> plugins = P2Xml.elements(feature, "plugin");
        assertEquals(1, plugins.size(), "one plugin in the feature");
        assertEquals(BUNDLE, plugins.get(0).getAttribute("id"));
        assertEquals(version, plugins.get(0).getAttribute("version"));
        assertEquals("false", plugins.get(0).getAttribute("unpack"));
        assertFalse(feature.getElementsByTagName("description").item(0).getTextContent().isBlank(), "description");
        assertFalse(feature.getElementsByTagName("copyright").item(0).getTextContent().isBlank(), "copyright");
    }

    @Test
    void zipHoldsTheSameRepositoryAtItsRoot() throws IOException {
        Path zip = target.resolve("glass-softness-update-site.zip");
        assertTrue(Files.isRegularFile(zip), "zip archive " + zip);
        List<String> files = List.of("content.jar", "artifacts.jar",
                "plugins/" + BUNDLE + "_" + version + ".jar", "features/" + FEATURE + "_" + version + ".jar");
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            for (String f : files) {
                ZipEntry e = zf.getEntry(f);
                assertNotNull(e, zip.getFileName() + " has " + f + " at its root");
                try (InputStream in = zf.getInputStream(e)) {
                    assertArrayEquals(Files.readAllBytes(repo.resolve(f)), in.readAllBytes(), "same bytes: " + f);
                }
            }
        }
    }

    /**
     * The build mirrored the feature group out of the repository with p2 itself (tycho-p2-extras mirror, strict
     * requirements only): p2 must have found the feature and, through its exact [v,v] requirements, the bundle.
     */
    @Test
    void p2ItselfResolvesTheFeatureAndItsBundle() throws IOException {
        Path mirror = Path.of(System.getProperty("p2Mirror.dir", "target/p2-mirror")).toAbsolutePath();
        Document mc;
        try (InputStream in = Files.newInputStream(mirror.resolve("content.xml"))) {
            mc = P2Xml.parse(in, mirror.resolve("content.xml").toString());
        }
        for (String id : List.of(FEATURE_GROUP, FEATURE + ".feature.jar", BUNDLE)) {
            List<Element> u = P2Xml.units(mc, id);
            assertEquals(1, u.size(), "p2 mirrored " + id);
            assertEquals(version, u.get(0).getAttribute("version"), "version of mirrored " + id);
        }
        for (String f : List.of("plugins/" + BUNDLE + "_" + version + ".jar",
                "features/" + FEATURE + "_" + version + ".jar")) {
            assertArrayEquals(Files.readAllBytes(repo.resolve(f)), Files.readAllBytes(mirror.resolve(f)),
                    "p2 mirrored the same bytes: " + f);
        }
    }

    /** Fails on an org/knime/ entry inside an embedded jar; says whether the jar holds the engine's classes. */
    private static boolean scanNestedJar(InputStream in, String what) throws IOException {
        boolean engine = false;
        try (ZipInputStream zin = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                assertFalse(e.getName().startsWith("org/knime/"), "KNIME class embedded in " + what + ": " + e.getName());
                engine |= e.getName().startsWith("org/glasssoftness/core/") && e.getName().endsWith(".class");
            }
        }
        return engine;
    }

    private static Path bundleJar() {
        return repo.resolve("plugins").resolve(BUNDLE + "_" + version + ".jar");
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
