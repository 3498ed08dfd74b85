package org.glasssoftness.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.util.StandinKnimeUrls;

/**
 * Runs every workflow under test-workflows/ with the stand-in: reads workflow.knime and each node's settings.xml,
 * instantiates the named factories, applies the model settings, configures and executes the nodes in connection
 * order and compares outputs with the files under the workflow's expected/ folder:
 * {@code expected/<node folder>/port_<k>.csv} (a table output; only the columns listed are compared),
 * {@code port_<k>.summary.txt} (the port object's summary) and {@code error.txt} (the node must fail with a
 * message containing each line of it). KNIME port numbers are used (port 0 is the flow variable port). Each workflow
 * runs on a copy, so knime://knime.workflow/ URLs resolve into the copy and nothing is written to the sources.
 * Non-table outputs (the trajectory) pass to downstream nodes after a save/load round trip through their
 * serializers, as when a workflow saved with its data is opened again. Workflows that contain nodes of other
 * extensions (KNIME's loops, joins, ...) are only checked for structure.
 */
class TestWorkflowsTest {
    private static final Path WORKFLOWS = Path.of(System.getProperty("test.workflows", "../test-workflows"));

    @TempDir
    Path tmp;

    @AfterEach
    void forgetWorkflow() {
        StandinKnimeUrls.setWorkflowDir(null);
    }

    @TestFactory
    Stream<DynamicTest> everyTestWorkflow() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).sorted().toList();
        }
        assertFalse(dirs.isEmpty(), "no workflows under " + WORKFLOWS.toAbsolutePath());
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }

    /**
     * The folder KNIME saves a node in: its name made a valid file name (FileUtil.getValidFileName: every run of
     * the characters in FileUtil.ILLEGAL_FILENAME_CHARS or of control characters becomes '_', so "Compute RDF/S(Q)"
     * is saved as "Compute RDF_S(Q) (#2)") followed by " (#id)".
     */
    static String nodeFolderName(final String name, final int id) {
        return name.trim().replaceAll("[\\p{Cntrl}*?#:\"<>%~|/\\\\]+", "_") + " (#" + id + ")";
    }

    static boolean isOurs(final String factory) {
        return factory != null && factory.startsWith("org.glasssoftness.knime.");
    }

    private void run(final Path source) throws Exception {
        Path dir = tmp.resolve(source.getFileName().toString());
        copy(source, dir);
        KnimeWorkflow wf = KnimeWorkflow.load(dir);
        assertFalse(wf.nodes.isEmpty(), "workflow without nodes");
        boolean executable = true;
        for (KnimeWorkflow.Node n : wf.nodes.values()) {
            assertEquals("NativeNode", n.type(), n.folder() + ": only native nodes are supported here");
            assertNotNull(n.factory(), n.folder() + ": settings.xml names no factory");
            assertEquals(nodeFolderName(n.name(), n.id()), n.folder(), "KNIME names node folders 'Name (#id)'");
            assertNotNull(n.model(), n.folder() + ": settings.xml has no model settings");
            executable &= isOurs(n.factory());
        }
        StandinKnimeUrls.setWorkflowDir(dir);
        if (!executable) {
            checkOursOffline(wf);
            return;
        }
        Map<Integer, PortObject[]> outputs = new HashMap<>();
        int checks = 0;
        for (int id : wf.executionOrder()) {
            KnimeWorkflow.Node n = wf.nodes.get(id);
            NodeFactory<?> factory = newFactory(n);
            assertEquals(descriptionName(factory), n.name(), n.folder() + ": node name differs from the factory's");
            NodeModel model = factory.createNodeModel();
            StandinNodeRunner.loadSettings(model, n.model());
            int nIn = StandinNodeRunner.inPortTypes(model).length;
            PortObject[] in = new PortObject[nIn];
            PortObjectSpec[] inSpecs = new PortObjectSpec[nIn];
            for (KnimeWorkflow.Connection c : wf.connections) {
                if (c.dest() == id && c.destPort() > 0) {
                    PortObject[] up = outputs.get(c.source());
                    assertNotNull(up, n.folder() + ": upstream node " + c.source() + " did not run");
                    in[c.destPort() - 1] = up[c.sourcePort() - 1];
                    inSpecs[c.destPort() - 1] = in[c.destPort() - 1].getSpec();
                }
            }
            Path expected = source.resolve("expected").resolve(n.folder());
            Path error = expected.resolve("error.txt");
            PortObject[] out;
            try {
                StandinNodeRunner.configure(model, inSpecs);
                out = StandinNodeRunner.execute(model, new DefaultNodeProgressMonitor(), in);
            } catch (Exception e) {
                if (Files.exists(error)) {
                    for (String want : Files.readAllLines(error)) {
                        assertTrue(want.isBlank() || String.valueOf(e.getMessage()).contains(want.trim()),
                            n.folder() + ": expected an error containing '" + want.trim() + "', got: " + e);
                    }
                    checks++;
                    continue; // downstream nodes of a failed node cannot run; expected/ must not list them
                }
                throw new AssertionError(n.folder() + " failed: " + e, e);
            }
            if (Files.exists(error)) {
                fail(n.folder() + ": expected to fail with '" + Files.readString(error).trim() + "'");
            }
            for (int k = 0; k < out.length; k++) {
                if (!(out[k] instanceof BufferedDataTable)) {
                    // as if the workflow had been saved with its data and opened again: downstream nodes get the
                    // port object read back through its serializers
                    PortObject back = saveAndLoad(out[k]);
                    assertEquals(out[k].getSummary(), back.getSummary(), n.folder() + " port " + (k + 1) + " reloaded");
                    assertEquals(out[k].getSpec(), back.getSpec(), n.folder() + " port " + (k + 1) + " spec reloaded");
                    out[k] = back;
                }
            }
            outputs.put(id, out);
            dumpActual(source, n, out);
            for (int k = 1; k <= out.length; k++) {
                Path csv = expected.resolve("port_" + k + ".csv");
                if (Files.exists(csv)) {
                    compareTable(n.folder() + " port " + k, (BufferedDataTable)out[k - 1], csv);
                    checks++;
                }
                Path summary = expected.resolve("port_" + k + ".summary.txt");
                if (Files.exists(summary)) {
                    assertEquals(Files.readString(summary).trim(), out[k - 1].getSummary(),
                        n.folder() + " port " + k + " summary");
                    checks++;
                }
            }
        }
        assertTrue(checks > 0, source + ": no expected results to compare with");
    }

    /**
     * An authoring aid, off by default: with -Dtest.workflows.actual=DIR every table output is also written as
     * DIR/&lt;workflow&gt;/&lt;node folder&gt;/port_&lt;k&gt;.csv, to see column names and row order while writing an
     * independent make_expected.py. Never used to produce expected files.
     */
    private static void dumpActual(final Path source, final KnimeWorkflow.Node n, final PortObject[] out)
        throws IOException {
        String root = System.getProperty("test.workflows.actual");
        if (root == null || root.isBlank()) {
            return;
        }
        Path d = Path.of(root).resolve(source.getFileName().toString()).resolve(n.folder());
        Files.createDirectories(d);
        for (int k = 0; k < out.length; k++) {
            if (out[k] instanceof BufferedDataTable t) {
                var spec = t.getDataTableSpec();
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < spec.getNumColumns(); c++) {
                    sb.append(c > 0 ? "," : "").append(spec.getColumnSpec(c).getName());
                }
                sb.append('\n');
                for (org.knime.core.data.DataRow row : t) {
                    for (int c = 0; c < spec.getNumColumns(); c++) {
                        sb.append(c > 0 ? "," : "").append(row.getCell(c));
                    }
                    sb.append('\n');
                }
                Files.writeString(d.resolve("port_" + (k + 1) + ".csv"), sb);
            } else if (out[k] != null) {
                Files.writeString(d.resolve("port_" + (k + 1) + ".summary.txt"), out[k].getSummary());
            }
        }
    }

    static PortObject saveAndLoad(final PortObject p) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.knime.core.node.port.PortUtil.writeObjectToStream(p, bytes, new org.knime.core.node.ExecutionMonitor());
        return org.knime.core.node.port.PortUtil.readObjectFromStream(
            new java.io.ByteArrayInputStream(bytes.toByteArray()), new org.knime.core.node.ExecutionMonitor());
    }

    /** The node name in the factory's description XML, which is what KNIME writes into settings.xml. */
    static String descriptionName(final NodeFactory<?> factory) throws Exception {
        Class<?> c = factory.getClass();
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (java.io.InputStream in = c.getResourceAsStream(c.getSimpleName() + ".xml")) {
            return f.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "name").item(0).getTextContent()
                .trim();
        }
    }

    static NodeFactory<?> newFactory(final KnimeWorkflow.Node n) throws Exception {
        Class<?> c = Class.forName(n.factory());
        return (NodeFactory<?>)c.getDeclaredConstructor().newInstance();
    }

    /**
     * For workflows that also use KNIME's own nodes: our nodes' factories exist, name the nodes as their descriptions
     * do, accept and load their settings, and configure wherever their inputs' specs are known offline (inputs from
     * our nodes or none); KNIME's nodes carry exactly the model settings keys their knime-base source saves
     * ({@link KnimeNodes#SETTINGS_KEYS}); every flow variable binding (of our nodes and KNIME's, nested settings
     * included) names an existing setting and a variable that the workflow or a KNIME node upstream defines, of a
     * type that fits the setting; connections join known nodes.
     */
    static void checkOursOffline(final KnimeWorkflow wf) throws Exception {
        Map<Integer, PortObjectSpec[]> specs = new HashMap<>();
        for (int id : wf.executionOrder()) {
            KnimeWorkflow.Node n = wf.nodes.get(id);
            if (isOurs(n.factory())) {
                NodeFactory<?> factory = newFactory(n);
                assertEquals(descriptionName(factory), n.name(), n.folder());
                NodeModel model = factory.createNodeModel();
                StandinNodeRunner.loadSettings(model, n.model());
                configureIfPossible(wf, n, model, specs);
            } else {
                List<String> keys = KnimeNodes.SETTINGS_KEYS.get(n.factory());
                assertNotNull(keys, n.folder() + ": KNIME node " + n.factory() + " is not one whose settings keys "
                    + "this test knows (add it to KnimeNodes.SETTINGS_KEYS from the knime-base source)");
                assertEquals(KnimeNodes.NODE_NAMES.get(n.factory()), n.name(), n.folder() + ": node name");
                List<String> have = new ArrayList<>(n.model().keySet());
                assertEquals(keys, have, n.folder() + ": model settings keys as knime-base 5.3.0 saves them");
            }
            Map<String, String> available = KnimeNodes.available(wf, id);
            for (KnimeNodes.Binding bnd : KnimeNodes.bindings(n)) {
                String type = KnimeNodes.settingType(n.model(), bnd.path());
                assertNotNull(type, n.folder() + ": a flow variable controls '" + String.join("/", bnd.path())
                    + "', which is no setting");
                String varType = available.get(bnd.variable());
                assertNotNull(varType, n.folder() + ": '" + String.join("/", bnd.path()) + "' uses flow variable '"
                    + bnd.variable() + "', which neither the workflow nor an upstream KNIME node defines (have "
                    + available + ")");
                assertTrue(KnimeNodes.fits(type, varType), n.folder() + ": flow variable '" + bnd.variable()
                    + "' (" + varType + ") cannot control the " + type + " setting " + String.join("/", bnd.path()));
            }
        }
        for (KnimeWorkflow.Connection c : wf.connections) {
            assertTrue(wf.nodes.containsKey(c.source()) && wf.nodes.containsKey(c.dest()), c.toString());
        }
    }

    /**
     * Configures one of our nodes when every connected data input comes from one of our nodes that configured (its
     * output specs are then known, as in KNIME); unconnected inputs get null, which only optional ports accept. A node
     * ordered by a flow variable connection after a KNIME node that is no variable source (a Loop End) may depend on
     * that node's execution (a file the loop writes) and is not configured offline.
     */
    private static void configureIfPossible(final KnimeWorkflow wf, final KnimeWorkflow.Node n, final NodeModel model,
        final Map<Integer, PortObjectSpec[]> specs) throws Exception {
        PortObjectSpec[] in = new PortObjectSpec[StandinNodeRunner.inPortTypes(model).length];
        for (KnimeWorkflow.Connection c : wf.connections) {
            if (c.dest() == n.id() && c.destPort() == 0 && !isOurs(wf.nodes.get(c.source()).factory())
                && KnimeNodes.defines(wf, wf.nodes.get(c.source())).isEmpty()) {
                return; // ordered after a KNIME node that defines no variables (e.g. reads what a loop wrote)
            }
            if (c.dest() == n.id() && c.destPort() > 0) {
                PortObjectSpec[] up = specs.get(c.source());
                if (up == null) {
                    return; // fed by a KNIME node: its spec is only known in KNIME
                }
                in[c.destPort() - 1] = up[c.sourcePort() - 1];
            }
        }
        for (int k = 0; k < in.length; k++) {
            if (in[k] == null && !StandinNodeRunner.inPortTypes(model)[k].isOptional()) {
                return;
            }
        }
        try {
            specs.put(n.id(), StandinNodeRunner.configure(model, in));
        } catch (Exception e) {
            throw new AssertionError(n.folder() + ": configure failed with its saved settings: " + e, e);
        }
    }

    private static void compareTable(final String what, final BufferedDataTable table, final Path csv)
        throws IOException {
        List<String> lines = Files.readAllLines(csv);
        // port_<k>.tolerance.txt: "column=relative tolerance" lines for columns whose truth comes from another
        // solver (e.g. scikit-learn's fit of the same data), instead of 1e-12
        Map<String, Double> tolerances = new HashMap<>();
        Path tolFile = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".tolerance.txt"));
        if (Files.exists(tolFile)) {
            for (String l : Files.readAllLines(tolFile)) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    String[] kv = l.split("=", 2);
                    tolerances.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
                }
            }
        }
        String[] header = lines.get(0).split(",", -1);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isEmpty()) {
                rows.add(l.split(",", -1));
            }
        }
        assertEquals(rows.size(), table.size(), what + ": row count");
        for (int c = 0; c < header.length; c++) {
            String col = header[c];
            var type = table.getDataTableSpec().getColumnSpec(col);
            assertNotNull(type, what + ": no column " + col + " in " + table.getDataTableSpec());
            String[] actual = new String[rows.size()];
            if (type.getType().isCompatible(org.knime.core.data.StringValue.class)) {
                actual = Tables.strings(table, col);
                for (int r = 0; r < rows.size(); r++) {
                    assertEquals(rows.get(r)[c], actual[r], what + " " + col + " row " + r);
                }
            } else if (type.getType().isCompatible(org.knime.core.data.IntValue.class)
                || type.getType().isCompatible(org.knime.core.data.LongValue.class)) {
                long[] v = Tables.longs(table, col);
                for (int r = 0; r < rows.size(); r++) {
                    assertEquals(Long.parseLong(rows.get(r)[c]), v[r], what + " " + col + " row " + r);
                }
            } else {
                double[] v = Tables.doubles(table, col);
                double rel = tolerances.getOrDefault(col, 1e-12);
                for (int r = 0; r < rows.size(); r++) {
                    double want = Double.parseDouble(rows.get(r)[c]);
                    if (Double.isNaN(want)) {
                        assertTrue(Double.isNaN(v[r]), what + " " + col + " row " + r + ": expected NaN, got " + v[r]);
                    } else {
                        assertEquals(want, v[r], rel * Math.max(1, Math.abs(want)), what + " " + col + " row " + r);
                    }
                }
            }
        }
    }

    static void copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>)s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
