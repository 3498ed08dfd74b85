package org.glasssoftness.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs in the verify phase on the built jar (system property bundle.jar): it must contain no org/knime class, and
 * every Bundle-ClassPath entry, plugin.xml and each registered factory's description must be inside it.
 */
class PackagedBundleCheck {
    @Test
    void builtJarIsAValidBundleWithoutKnimeClasses() throws Exception {
        String jarPath = System.getProperty("bundle.jar");
        // set only by the verify-phase execution in plugin/pom.xml (a -Dtest=... run may pick this class earlier)
        assumeTrue(jarPath != null, "runs in the verify phase only");
        assertTrue(Files.isRegularFile(Path.of(jarPath)), jarPath + " not built");
        try (JarFile jar = new JarFile(jarPath)) {
            List<String> knime = new ArrayList<>();
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith("org/knime/")) {
                    knime.add(e.getName());
                }
            }
            assertEquals(List.of(), knime, "the bundle must not contain KNIME classes");
            String cp = jar.getManifest().getMainAttributes().getValue("Bundle-ClassPath");
            assertNotNull(cp, "no Bundle-ClassPath");
            List<String> entries = List.of(cp.split(","));
            assertEquals(".", entries.get(0), "Bundle-ClassPath must start with the bundle root");
            List<String> libs = new ArrayList<>();
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                    libs.add(e.getName());
                }
            }
            assertTrue(libs.contains("lib/glass-softness-core.jar"), libs.toString());
            assertEquals(new java.util.TreeSet<>(libs), new java.util.TreeSet<>(entries.subList(1, entries.size())),
                "Bundle-ClassPath must list exactly the embedded lib/*.jar");
            assertNotNull(jar.getEntry("plugin.xml"));
            for (String factory : BundleLayoutTest.factoryClasses()) {
                String base = factory.replace('.', '/');
                assertNotNull(jar.getEntry(base + ".class"), base);
                assertNotNull(jar.getEntry(base + ".xml"), base + ".xml");
            }
            assertEquals("org.glasssoftness.knime;singleton:=true",
                jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
        }
    }
}
