package org.glasssoftness.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.study.StudyScale;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.util.StandinKnimeUrls;

/**
 * Executes the loop body of test-workflows/softness-study — the part made only of our nodes: three Run GPU MD (build +
 * melt-quench, NVT 300 K, tension), D_cum, Bond-Switch Label, two Radial Features, Compute RDF/S(Q), Coordination
 * Analysis and two Write LAMMPS Dump — for one glass at the workflow's {@code tiny} scale. KNIME's own nodes (Table
 * Creator, Row Filter, Table Row to Variable (Loop Start), Constant Value Column, Loop End) are NOT executed or
 * emulated: the flow variables they would define are injected into our nodes' settings, as KNIME's batch executor
 * does for {@code -workflow.variable=scale,tiny,String} and {@code -option}, with the values read from the
 * workflow's own tables (the Table Creators' cells), so this test fails when workflow and test disagree. The
 * results are checked against truth derived here from the composition and the protocol strings.
 */
class SoftnessStudyWorkflowTest {
    private static final Path WORKFLOWS = Path.of(System.getProperty("test.workflows", "../test-workflows"));

    /** The glass run: (Li2O)45(B2O3)30(P2O5)25, fixedB x = 5; its 360-atom counts need no rounding tie. */
    private static final String GLASS = "Li45B30P25";

    private static final String SCALE = "tiny";

    @TempDir
    Path tmp;

    @AfterEach
    void forgetWorkflow() {
        StandinKnimeUrls.setWorkflowDir(null);
    }

    @Test
    void loopBodyForOneGlassAtTheTinyScale() throws Exception {
        Path dir = tmp.resolve("softness-study");
        TestWorkflowsTest.copy(WORKFLOWS.resolve("softness-study"), dir);
        KnimeWorkflow wf = KnimeWorkflow.load(dir);
        Map<String, Object> vars = flowVariables(wf);

        // the loop body: our nodes reached from the loop start through our nodes only
        int loopStart = only(wf, n -> KnimeNodes.TABLE_ROW_LOOP_START.equals(n.factory()));
        Set<Integer> body = new TreeSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(loopStart));
        while (!todo.isEmpty()) {
            int cur = todo.pop();
            for (KnimeWorkflow.Connection c : wf.connections) {
                if (c.source() == cur && TestWorkflowsTest.isOurs(wf.nodes.get(c.dest()).factory())
                    && body.add(c.dest())) {
                    todo.push(c.dest());
                }
            }
        }
        assertEquals(11, body.size(), "loop body " + body);

        StandinKnimeUrls.setWorkflowDir(dir);
        Map<Integer, PortObject[]> out = new HashMap<>();
        for (int id : wf.executionOrder()) {
            if (!body.contains(id)) {
                continue;
            }
            KnimeWorkflow.Node n = wf.nodes.get(id);
            inject(n, vars);
            NodeModel model = TestWorkflowsTest.newFactory(n).createNodeModel();
            StandinNodeRunner.loadSettings(model, n.model());
            int nIn = StandinNodeRunner.inPortTypes(model).length;
            PortObject[] in = new PortObject[nIn];
            PortObjectSpec[] specs = new PortObjectSpec[nIn];
            for (KnimeWorkflow.Connection c : wf.connections) {
                if (c.dest() == id && c.destPort() > 0) {
                    assertTrue(body.contains(c.source()), n.folder() + ": input from outside the loop body");
                    in[c.destPort() - 1] = out.get(c.source())[c.sourcePort() - 1];
                    specs[c.destPort() - 1] = in[c.destPort() - 1].getSpec();
                }
            }
            StandinNodeRunner.configure(model, specs);
            PortObject[] result = StandinNodeRunner.execute(model, new DefaultNodeProgressMonitor(), in);
            for (int k = 0; k < result.length; k++) {
                if (!(result[k] instanceof BufferedDataTable)) {
                    result[k] = TestWorkflowsTest.saveAndLoad(result[k]);
                }
            }
            out.put(id, result);
        }

        // truth: atom counts from the composition
        Map<String, Integer> counts = atomCounts((String)vars.get("composition"), (Integer)vars.get("atoms"));
        assertEquals(Map.of("Li", 70, "B", 46, "P", 40, "O", 204), counts, "hand-derived for " + GLASS);
        int atoms = counts.values().stream().mapToInt(Integer::intValue).sum();
        double dtPs = 0.001;

        int quench = ourNode(wf, body, "Run GPU MD", "quench_stages");
        int nvt = ourNode(wf, body, "Run GPU MD", "nvt_stages");
        int tension = ourNode(wf, body, "Run GPU MD", "tension_stages");
        checkTrajectory(out.get(quench)[0], counts, 1);
        int nvtSteps = steps((String)vars.get("nvt_stages"));
        checkTrajectory(out.get(nvt)[0], counts, nvtSteps / (Integer)vars.get("nvt_dump_every") + 1);
        String[] tensionStage = ((String)vars.get("tension_stages")).split(":");
        assertEquals("tension", tensionStage[1]);
        int tensionSteps = Integer.parseInt(tensionStage[2]);
        int rx = (Integer)vars.get("replicate_x");
        Map<String, Integer> replicated = new LinkedHashMap<>();
        counts.forEach((k, v) -> replicated.put(k, v * rx));
        checkTrajectory(out.get(tension)[0], replicated, tensionSteps / (Integer)vars.get("tension_dump_every") + 1);
        // engineering strain along x after the tension stage: erate * steps * dt
        double strain = Double.parseDouble(tensionStage[5]) * tensionSteps * dtPs;
        try (Trajectory t = ((TrajectoryPortObject)out.get(tension)[0]).openTrajectory()) {
            Frame first = t.frame(0), last = t.frame(t.frameCount() - 1);
            assertEquals(strain, last.box().lx() / first.box().lx() - 1, 1e-9, "tension strain");
        }

        // Li labels: top fraction of D_cum
        BufferedDataTable li = (BufferedDataTable)out.get(ourNode(wf, body, "D_cum", "li_label"))[0];
        assertEquals(counts.get("Li"), (int)li.size(), "one D_cum row per Li");
        String[] rule = ((String)vars.get("li_label")).split(":");
        assertEquals("top", rule[0]);
        long[] mobile = Tables.longs(li, "mobile");
        double[] dcum = Tables.doubles(li, "D_cum_A");
        long nMobile = java.util.Arrays.stream(mobile).sum();
        assertEquals(Math.round(Double.parseDouble(rule[1]) * counts.get("Li")), nMobile, "mobile Li");
        double minMobile = Double.POSITIVE_INFINITY, maxImmobile = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < mobile.length; r++) {
            if (mobile[r] == 1) {
                minMobile = Math.min(minMobile, dcum[r]);
            } else {
                maxImmobile = Math.max(maxImmobile, dcum[r]);
            }
        }
        assertTrue(minMobile >= maxImmobile, "mobile = largest D_cum: " + minMobile + " < " + maxImmobile);

        // B labels: one row per B, switched = class decreased or swapped; strain of the last frame
        int bondSwitch = only(wf, n -> body.contains(n.id()) && n.name().equals("Bond-Switch Label"));
        BufferedDataTable bLabels = (BufferedDataTable)out.get(bondSwitch)[1];
        assertEquals(counts.get("B") * rx, (int)bLabels.size(), "one label row per B");
        String[] cls = Tables.strings(bLabels, "class");
        long[] switched = Tables.longs(bLabels, "switched");
        for (int r = 0; r < cls.length; r++) {
            assertEquals(cls[r].equals("decreased") || cls[r].equals("swapped") ? 1 : 0, switched[r], "row " + r);
        }
        double[] strains = Tables.doubles((BufferedDataTable)out.get(bondSwitch)[0], "strain");
        assertEquals(tensionSteps / (Integer)vars.get("tension_dump_every") + 1, strains.length);
        assertEquals(strain, strains[strains.length - 1], 1e-9, "bond-switch strain of the last frame");

        // Radial Features of the unstrained glass: one row per focus atom, 4 neighbour species x R_c/dr columns
        double dr = (Double)vars.get("dr"), rc = (Double)vars.get("rc");
        int bins = (int)Math.round(rc / dr);
        for (String focus : List.of("Li", "B")) {
            int id = only(wf, n -> body.contains(n.id()) && n.name().equals("Radial Features")
                && focus.equals(n.model().getString("focus", null)));
            BufferedDataTable f = (BufferedDataTable)out.get(id)[0];
            assertEquals(counts.get(focus), (int)f.size(), focus + " feature rows");
            long gColumns = f.getDataTableSpec().stream().filter(c -> c.getName().startsWith("G_")).count();
            assertEquals(4L * bins, gColumns, focus + " feature columns " + f.getDataTableSpec());
            assertEquals((long)counts.get(focus), java.util.Arrays.stream(Tables.longs(f, "id")).distinct().count());
        }

        // g(r): bins of dr up to r_max (bin centres)
        int rdf = only(wf, n -> body.contains(n.id()) && n.name().equals("Compute RDF/S(Q)"));
        double rdfDr = wf.nodes.get(rdf).model().getDouble("dr");
        double rMax = (Double)vars.get("rdf_r_max");
        double[] r = Tables.doubles((BufferedDataTable)out.get(rdf)[0], "r_A");
        assertEquals(Math.round(rMax / rdfDr), r.length, "r bins");
        for (int k = 0; k < r.length; k++) {
            assertEquals((k + 0.5) * rdfDr, r[k], 1e-12 * rMax, "r_A[" + k + "]");
        }
        // coordination per atom of the one-frame glass
        int coord = only(wf, n -> body.contains(n.id()) && n.name().equals("Coordination Analysis"));
        assertEquals(atoms, (int)((BufferedDataTable)out.get(coord)[0]).size(), "coordination rows");

        // the per-glass dumps, at the paths of the flow variables glass_dump and tension_dump
        checkDump(dir, (String)vars.get("glass_dump"), atoms, 1);
        checkDump(dir, (String)vars.get("tension_dump"), atoms * rx, tensionSteps / (Integer)vars.get(
            "tension_dump_every") + 1);
    }

    /**
     * The training and test glasses of both models follow the paper (Methods 4.6) for the workflow's own glass table:
     * each Train LR reads features through a Row Filter whose regular expression on {@code glass} keeps (as the 5.3
     * Row Filter does, a full match: knime-base preproc/filter/row3/RowReadPredicate) the glasses of one series; minus
     * the Train LR's test group they must be exactly the series' four glasses with x != 0, and the test group the glass
     * of x = 0 that both series share. The Li model (label mobile) uses fixedB, the B model (label switched) fixedLi.
     */
    /**
     * The workflow's scale table holds the engine's StudyScale values (the CLI {@code study} and the workflow run the
     * same protocol at each scale): a changed StudyScale or a hand-edited table fails here.
     */
    @Test
    void scaleTableEqualsTheEnginesStudyScales() throws Exception {
        KnimeWorkflow wf = KnimeWorkflow.load(WORKFLOWS.resolve("softness-study"));
        int toVariable = only(wf, n -> KnimeNodes.TABLE_ROW_TO_VARIABLE.equals(n.factory()));
        int filter = KnimeNodes.dataSource(wf, toVariable, 1);
        KnimeNodes.Table scales = KnimeNodes.tableCreator(wf.nodes.get(KnimeNodes.dataSource(wf, filter, 1)).model());
        assertEquals(StudyScale.values().length, scales.rows().size(), "one row per StudyScale");
        for (StudyScale sc : StudyScale.values()) {
            List<String> r = scales.rows().get(row(scales, "scale", sc.id()));
            java.util.function.Function<String, String> cell = name -> r.get(scales.column(name));
            String where = "scale " + sc.id() + ": ";
            assertEquals(sc.atoms, Integer.parseInt(cell.apply("atoms")), where + "atoms");
            assertEquals(sc.cutoffA, Double.parseDouble(cell.apply("cutoff")), 0.0, where + "cutoff");
            assertEquals(sc.kspaceAccuracy, Double.parseDouble(cell.apply("accuracy")), 0.0, where + "accuracy");
            assertEquals(sc.fireSteps, Integer.parseInt(cell.apply("fire_steps")), where + "FIRE steps");
            assertEquals(sc.quenchStages, cell.apply("quench_stages"), where + "quench stages");
            assertEquals(sc.nvtStages, cell.apply("nvt_stages"), where + "NVT stages");
            assertEquals(sc.nvtDumpEvery, Integer.parseInt(cell.apply("nvt_dump_every")), where + "NVT dump interval");
            assertEquals(sc.tensionStages, cell.apply("tension_stages"), where + "tension stages");
            assertEquals(sc.tensionDumpEvery, Integer.parseInt(cell.apply("tension_dump_every")),
                where + "tension dump interval");
            assertEquals(sc.replicateX, Integer.parseInt(cell.apply("replicate_x")), where + "replicate x");
            assertEquals(sc.featureDr, Double.parseDouble(cell.apply("dr")), 0.0, where + "dr");
            assertEquals(sc.featureRc, Double.parseDouble(cell.apply("rc")), 0.0, where + "R_c");
            assertEquals(sc.liLabel, cell.apply("li_label"), where + "Li label rule");
        }
    }

    @Test
    void trainingGlassesAreTheFourOfEachSeries() throws Exception {
        KnimeWorkflow wf = KnimeWorkflow.load(WORKFLOWS.resolve("softness-study"));
        int loopStart = only(wf, n -> KnimeNodes.TABLE_ROW_LOOP_START.equals(n.factory()));
        KnimeNodes.Table glasses = KnimeNodes.tableCreator(wf.nodes.get(KnimeNodes.dataSource(wf, loopStart, 1))
            .model());
        Map<String, String> series = new HashMap<>();
        Map<String, Integer> x = new HashMap<>();
        for (List<String> row : glasses.rows()) {
            series.put(row.get(glasses.column("glass")), row.get(glasses.column("series")));
            x.put(row.get(glasses.column("glass")), Integer.parseInt(row.get(glasses.column("x"))));
        }
        List<KnimeWorkflow.Node> trainers =
            wf.nodes.values().stream().filter(n -> n.name().equals("Train LR")).toList();
        assertEquals(2, trainers.size());
        Set<String> labels = new TreeSet<>();
        for (KnimeWorkflow.Node train : trainers) {
            String label = train.model().getString("label-column");
            labels.add(label);
            String wanted = label.equals("mobile") ? "fixedB" : "fixedLi";
            KnimeWorkflow.Node filter = wf.nodes.get(KnimeNodes.dataSource(wf, train.id(), 1));
            assertEquals(KnimeNodes.ROW_FILTER, filter.factory(), train.folder() + " features");
            NodeSettings predicate = (NodeSettings)filter.model().getNodeSettings("predicates").getNodeSettings("0");
            assertEquals("glass", predicate.getNodeSettings("column").getString("selected"));
            assertEquals("REGEX", predicate.getString("operator"));
            Pattern p = Pattern.compile(predicate.getNodeSettings("predicateValues").getNodeSettings("values")
                .getNodeSettings("0").getString("value"));
            String test = train.model().getString("test-groups");
            assertEquals("glass", train.model().getString("group-column"));
            assertEquals("both", series.get(test), "test glass " + test);
            assertEquals(0, x.get(test));
            Set<String> kept = new TreeSet<>();
            series.keySet().stream().filter(g -> p.matcher(g).matches()).forEach(kept::add);
            assertTrue(kept.remove(test), train.folder() + ": the test glass passes the filter");
            Set<String> want = new TreeSet<>();
            series.forEach((g, s) -> {
                if (s.equals(wanted)) {
                    want.add(g);
                }
            });
            assertEquals(4, want.size());
            assertEquals(want, kept, train.folder() + ": training glasses");
        }
        assertEquals(Set.of("mobile", "switched"), labels);
    }

    /**
     * The flow variables in the loop body for {@link #GLASS} at -workflow.variable=scale,tiny,String: the workflow
     * variable scale; the columns of the scale table's row 'tiny' (the Row Filter keeps the rows whose 'scale'
     * column equals the variable scale, Table Row to Variable makes its selected columns variables); the columns of
     * the compositions table's row of the glass and the loop's iteration variables (Table Row to Variable Loop
     * Start). Values are typed by the column type.
     */
    private static Map<String, Object> flowVariables(final KnimeWorkflow wf) throws Exception {
        Map<String, Object> vars = new HashMap<>();
        assertNotNull(wf.workflowVariables.get("scale"), "workflow variable scale");
        assertEquals("STRING", wf.workflowVariables.get("scale")[0]);
        vars.put("scale", SCALE);

        int toVariable = only(wf, n -> KnimeNodes.TABLE_ROW_TO_VARIABLE.equals(n.factory()));
        int filter = KnimeNodes.dataSource(wf, toVariable, 1);
        KnimeWorkflow.Node f = wf.nodes.get(filter);
        assertEquals(KnimeNodes.ROW_FILTER, f.factory());
        NodeSettings predicate = (NodeSettings)f.model().getNodeSettings("predicates").getNodeSettings("0");
        assertEquals("scale", predicate.getNodeSettings("column").getString("selected"));
        assertEquals("EQ", predicate.getString("operator"));
        assertEquals(List.of(new KnimeNodes.Binding(List.of("predicates", "0", "predicateValues", "values", "0",
            "value"), "scale")), KnimeNodes.bindings(f));
        KnimeNodes.Table scales = KnimeNodes.tableCreator(wf.nodes.get(KnimeNodes.dataSource(wf, filter, 1)).model());
        addRow(vars, wf.nodes.get(toVariable), scales, row(scales, "scale", SCALE));

        int loopStart = only(wf, n -> KnimeNodes.TABLE_ROW_LOOP_START.equals(n.factory()));
        KnimeNodes.Table glasses = KnimeNodes.tableCreator(wf.nodes.get(KnimeNodes.dataSource(wf, loopStart, 1))
            .model());
        int row = row(glasses, "glass", GLASS);
        addRow(vars, wf.nodes.get(loopStart), glasses, row);
        vars.put("currentIteration", row);
        vars.put("maxIterations", glasses.rows().size());
        assertEquals(9, glasses.rows().size(), "nine glasses");
        return vars;
    }

    private static int row(final KnimeNodes.Table t, final String column, final String value) {
        int c = t.column(column), found = -1;
        for (int r = 0; r < t.rows().size(); r++) {
            if (value.equals(t.rows().get(r).get(c))) {
                assertEquals(-1, found, "two rows with " + column + " = " + value);
                found = r;
            }
        }
        assertNotEquals(-1, found, "no row with " + column + " = " + value);
        return found;
    }

    private static void addRow(final Map<String, Object> vars, final KnimeWorkflow.Node to, final KnimeNodes.Table t,
        final int row) throws Exception {
        List<String> selected = List.of(to.model().getNodeSettings("column_selection").getStringArray("included_names"));
        for (int c = 0; c < t.columns().size(); c++) {
            KnimeNodes.Column col = t.columns().get(c);
            if (!selected.contains(col.name())) {
                continue;
            }
            String v = t.rows().get(row).get(c);
            assertNotNull(v, "missing cell " + col.name() + " in row " + row);
            vars.put(col.name(), switch (col.variableType()) {
                case "INTEGER" -> Integer.parseInt(v);
                case "DOUBLE" -> Double.parseDouble(v);
                default -> v;
            });
        }
    }

    /** Sets every setting a flow variable controls to the variable's value, as KNIME does before configure. */
    private static void inject(final KnimeWorkflow.Node n, final Map<String, Object> vars) throws Exception {
        NodeSettings model = (NodeSettings)n.model();
        for (KnimeNodes.Binding b : KnimeNodes.bindings(n)) {
            assertEquals(1, b.path().size(), n.folder() + ": our nodes' settings are flat");
            String key = b.path().get(0);
            Object v = vars.get(b.variable());
            assertNotNull(v, n.folder() + ": no value for flow variable " + b.variable());
            switch (KnimeNodes.settingType(model, b.path())) {
                case "xstring" -> model.addString(key, (String)v);
                case "xint" -> model.addInt(key, (Integer)v);
                case "xdouble" -> model.addDouble(key, ((Number)v).doubleValue());
                default -> throw new AssertionError(n.folder() + ": cannot inject into " + key);
            }
        }
    }

    private static int only(final KnimeWorkflow wf, final Predicate<KnimeWorkflow.Node> p) {
        List<Integer> ids = wf.nodes.values().stream().filter(p).map(KnimeWorkflow.Node::id).toList();
        assertEquals(1, ids.size(), "nodes " + ids);
        return ids.get(0);
    }

    /** The loop-body node of this name whose settings a flow variable of this name controls. */
    private static int ourNode(final KnimeWorkflow wf, final Set<Integer> body, final String name,
        final String variable) {
        return only(wf, n -> {
            try {
                return body.contains(n.id()) && n.name().equals(name)
                    && KnimeNodes.bindings(n).stream().anyMatch(b -> b.variable().equals(variable));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void checkTrajectory(final PortObject p, final Map<String, Integer> counts, final int frames) {
        var info = ((TrajectoryPortObject)p).getSpec().info();
        Map<String, Integer> have = new HashMap<>();
        for (int k = 0; k < info.speciesNames().size(); k++) {
            have.put(info.speciesNames().get(k), info.speciesCounts()[k]);
        }
        assertEquals(counts, have, "atoms per species");
        assertEquals(frames, info.frameCount(), "frames");
    }

    /** Steps of a single-stage string name:kind:steps:... */
    private static int steps(final String stages) {
        assertFalse(stages.contains(","), stages);
        return Integer.parseInt(stages.split(":")[2]);
    }

    /**
     * Atom counts of the glass builder's rule, derived here with exact decimals: each oxide contributes
     * round(x_i N / sum_j x_j a_j) formula units (x mol%, a atoms per formula unit, N the target atom count); the test
     * glass is chosen so that no share is a tie at .5.
     */
    static Map<String, Integer> atomCounts(final String composition, final int target) {
        Map<String, BigDecimal> mol = new LinkedHashMap<>();
        for (String part : composition.split(",")) {
            String[] kv = part.split("=");
            mol.put(kv[0].trim(), new BigDecimal(kv[1].trim()));
        }
        BigDecimal atomsPerMol = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : mol.entrySet()) {
            atomsPerMol = atomsPerMol.add(e.getValue().multiply(BigDecimal.valueOf(
                formula(e.getKey()).values().stream().mapToInt(Integer::intValue).sum())));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int oxygen = 0;
        for (Map.Entry<String, BigDecimal> e : mol.entrySet()) {
            BigDecimal share = e.getValue().multiply(BigDecimal.valueOf(target)).divide(atomsPerMol, 30,
                RoundingMode.HALF_EVEN);
            BigDecimal frac = share.subtract(new BigDecimal(share.toBigInteger()));
            assertNotEquals(0, frac.compareTo(new BigDecimal("0.5")), e.getKey() + ": a rounding tie");
            int units = share.setScale(0, RoundingMode.HALF_UP).intValueExact();
            for (Map.Entry<String, Integer> el : formula(e.getKey()).entrySet()) {
                if (el.getKey().equals("O")) {
                    oxygen += units * el.getValue();
                } else {
                    counts.merge(el.getKey(), units * el.getValue(), Integer::sum);
                }
            }
        }
        counts.put("O", oxygen);
        return counts;
    }

    private static Map<String, Integer> formula(final String oxide) {
        Map<String, Integer> f = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Z][a-z]?)(\\d*)").matcher(oxide);
        while (m.find()) {
            f.merge(m.group(1), m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2)), Integer::sum);
        }
        return f;
    }

    /** A written dump read as text: frames = ITEM: TIMESTEP lines, each with this many atoms. */
    private static void checkDump(final Path dir, final String knimeUrl, final int atoms, final int frames)
        throws Exception {
        String prefix = "knime://knime.workflow/";
        assertTrue(knimeUrl.startsWith(prefix), knimeUrl);
        Path file = dir.resolve(knimeUrl.substring(prefix.length()));
        assertTrue(Files.isRegularFile(file), "written: " + file);
        List<String> lines = Files.readAllLines(file);
        List<Integer> perFrame = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("ITEM: NUMBER OF ATOMS")) {
                perFrame.add(Integer.parseInt(lines.get(k + 1).trim()));
            }
        }
        assertEquals(frames, perFrame.size(), file + ": frames");
        perFrame.forEach(n -> assertEquals(atoms, n, file + ": atoms per frame"));
    }
}
