package org.glasssoftness.knime.nodes.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.softness.SoftnessApplier;
import org.glasssoftness.core.softness.SoftnessModel;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.nodes.applysoftness.ApplySoftnessNodeFactory;
import org.glasssoftness.knime.nodes.radialfeatures.RadialFeaturesNodeFactory;
import org.glasssoftness.knime.nodes.trainlr.TrainLrNodeFactory;
import org.glasssoftness.knime.port.SoftnessModelPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Radial Features -> Train LR -> Apply Softness on the bundled sample, checked against the engine. */
class SoftnessNodesTest {

    private static PortObject[] run(final NodeModel m, final PortObject... in) throws Exception {
        return StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
    }

    @Test
    void pipelineMatchesTheEngine() throws Exception {
        TrajectoryPortObject traj;
        try (Trajectory t = SampleTrajectory.open()) {
            traj = TrajectoryPortObject.create(t, Progress.NONE);
        }
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(rf);
        s.addString("focus", "Li");
        s.addDouble("dr", 0.5);
        s.addDouble("rc", 5.0);
        Settings.apply(rf, s);
        PortObjectSpec[] rfSpecs = StandinNodeRunner.configure(rf, traj.getSpec());
        BufferedDataTable feats = (BufferedDataTable)run(rf, traj)[0];
        assertEquals(rfSpecs[0], feats.getDataTableSpec());
        // a frame beyond the input (10 frames: 0..9) is refused at configure when the frame count is known
        NodeModel late = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings ls = Settings.of(late);
        ls.addInt("frame", 10);
        Settings.apply(late, ls);
        org.knime.core.node.InvalidSettingsException beyond = org.junit.jupiter.api.Assertions.assertThrows(
            org.knime.core.node.InvalidSettingsException.class, () -> StandinNodeRunner.configure(late, traj.getSpec()));
        assertEquals("Frame 10 asked, the trajectory has 10 frames", beyond.getMessage());
        assertEquals(80, feats.size());
        long[] ids = Tables.longs(feats, "id");

        // hand-made labels: 1 for ids whose G_Li-O at 2.0 Å is above the median
        double[] g = Tables.doubles(feats, "G_Li-O_2.00");
        double[] sorted = g.clone();
        Arrays.sort(sorted);
        int[] lab = new int[g.length];
        for (int i = 0; i < g.length; i++) lab[i] = g[i] > sorted[g.length / 2] ? 1 : 0;
        BufferedDataTable labels = ResultTables.toTable(ResultTable.builder("labels").longs("id", ids).ints("label", lab)
            .build(), StandinNodeRunner.createExecutionContext(new DefaultNodeProgressMonitor()));

        NodeModel tr = new TrainLrNodeFactory().createNodeModel();
        NodeSettings ts = Settings.of(tr);
        ts.addDouble("C", 0.5);
        Settings.apply(tr, ts);
        PortObjectSpec[] trSpecs = StandinNodeRunner.configure(tr, feats.getDataTableSpec(), labels.getDataTableSpec(), null, null); // test inputs unconnected
        PortObject[] trained = run(tr, feats, labels, null, null);
        // test groups need the group column (default "sample"), which these features lack: refused at configure
        NodeModel grouped = new TrainLrNodeFactory().createNodeModel();
        NodeSettings gs = Settings.of(grouped);
        gs.addString("test-groups", "Li40B30P30");
        Settings.apply(grouped, gs);
        org.knime.core.node.InvalidSettingsException noGroup = org.junit.jupiter.api.Assertions.assertThrows(
            org.knime.core.node.InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(grouped, feats.getDataTableSpec(), labels.getDataTableSpec(), null, null));
        assertEquals("Feature table has no group column 'sample' (needed to pick the test groups)",
            noGroup.getMessage());
        // separate test tables: the same features with every label flipped. The model is trained on the first two
        // ports only, so its predictions on the test rows are those on the training rows and test accuracy must be
        // exactly 1 - train accuracy.
        int[] flipped = new int[lab.length];
        for (int i = 0; i < lab.length; i++) flipped[i] = 1 - lab[i];
        BufferedDataTable flippedLabels = ResultTables.toTable(ResultTable.builder("labels").longs("id", ids)
            .ints("label", flipped).build(), StandinNodeRunner.createExecutionContext(new DefaultNodeProgressMonitor()));
        NodeModel withTest = new TrainLrNodeFactory().createNodeModel();
        Settings.apply(withTest, ts);
        StandinNodeRunner.configure(withTest, feats.getDataTableSpec(), labels.getDataTableSpec(),
            feats.getDataTableSpec(), flippedLabels.getDataTableSpec());
        BufferedDataTable metricsWithTest = (BufferedDataTable)run(withTest, feats, labels, feats, flippedLabels)[1];
        assertEquals(2, metricsWithTest.size());
        double[] acc = Tables.doubles(metricsWithTest, "accuracy");
        assertEquals(Tables.doubles((BufferedDataTable)trained[1], "accuracy")[0], acc[0], 0.0);
        assertEquals(1.0 - acc[0], acc[1], 1e-15);
        // a test feature table without its labels is refused at configure
        NodeModel halfTest = new TrainLrNodeFactory().createNodeModel();
        org.knime.core.node.InvalidSettingsException half = org.junit.jupiter.api.Assertions.assertThrows(
            org.knime.core.node.InvalidSettingsException.class, () -> StandinNodeRunner.configure(halfTest,
                feats.getDataTableSpec(), labels.getDataTableSpec(), feats.getDataTableSpec(), null));
        assertEquals("Connect both test inputs (test features and test labels) or neither", half.getMessage());
        SoftnessModelPortObject model = (SoftnessModelPortObject)trained[0];
        assertEquals(trSpecs[0], model.getSpec());
        SoftnessModel m = model.model();
        // the port view shows Tribuo's provenance readably, never the encoded blob stored in the model file
        String view = ((javax.swing.JTextArea)model.getViews()[0]).getText();
        assertTrue(view.contains("Tribuo provenance:"), view);
        assertTrue(view.contains("ExactLogisticTrainer"), view);
        org.junit.jupiter.api.Assertions.assertFalse(
            view.contains(org.glasssoftness.core.softness.LogisticTrainer.TRIBUO_PROVENANCE_KEY), view);
        assertEquals("0.5", m.provenance().get("C"));
        assertEquals(40, Tables.doubles((BufferedDataTable)trained[2], "w").length);
        // a label that is a threshold of one feature is learnable
        assertTrue(Tables.doubles((BufferedDataTable)trained[1], "accuracy")[0] > 0.9);

        NodeModel ap = new ApplySoftnessNodeFactory().createNodeModel();
        PortObjectSpec[] apSpecs =
            StandinNodeRunner.configure(ap, model.getSpec(), traj.getSpec(), labels.getDataTableSpec());
        PortObject[] applied = run(ap, model, traj, labels);
        for (int i = 0; i < 5; i++) {
            assertEquals(apSpecs[i], applied[i].getSpec(), "Apply Softness port " + i); // known before execution
        }
        BufferedDataTable perAtom = (BufferedDataTable)applied[1];
        assertEquals(10 * 80, perAtom.size());
        try (Trajectory t = SampleTrajectory.open(); Trajectory annotated = ((TrajectoryPortObject)applied[0]).openTrajectory()) {
            Frame f5 = t.frame(5);
            SoftnessApplier.Scores sc = new SoftnessApplier(m, false).apply(f5, 5);
            double[] col = Tables.doubles(perAtom, "softness");
            for (int i = 0; i < 80; i++) assertEquals(sc.softness()[i], col[5 * 80 + i], 0.0);
            double[] prop = annotated.frame(5).properties().get("softness");
            assertEquals(sc.softness()[0], prop[f5.indexOfId(sc.features().ids()[0])], 0.0);
        }
        assertEquals(10, ((BufferedDataTable)applied[2]).size());
        assertEquals(800L, Arrays.stream(Tables.longs((BufferedDataTable)applied[3], "count")).sum());
        // P(rearrange | S): every scored row counted once, rearranged = label 1 rows (labels repeat per frame)
        BufferedDataTable pr = (BufferedDataTable)applied[4];
        assertEquals(800L, Arrays.stream(Tables.longs(pr, "atoms")).sum());
        assertEquals(10L * Arrays.stream(lab).sum(), Arrays.stream(Tables.longs(pr, "rearranged")).sum());
        NodeModel apNoLabels = new ApplySoftnessNodeFactory().createNodeModel();
        assertEquals(0, ((BufferedDataTable)run(apNoLabels, model, traj, null)[4]).size());
        assertEquals(1, StandinNodeRunner.nrViews(new ApplySoftnessNodeFactory()));
        assertEquals(1, StandinNodeRunner.nrViews(new TrainLrNodeFactory()));

        // the model port saves with the workflow and loads back bit-identical
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.knime.core.node.port.PortUtil.writeObjectToStream(model, bytes, new org.knime.core.node.ExecutionMonitor());
        SoftnessModelPortObject back = (SoftnessModelPortObject)org.knime.core.node.port.PortUtil.readObjectFromStream(
            new java.io.ByteArrayInputStream(bytes.toByteArray()), new org.knime.core.node.ExecutionMonitor());
        assertArrayEquals(m.weights(), back.model().weights(), 0.0);
        assertEquals(m.bias(), back.model().bias(), 0.0);
        assertEquals(model.getSpec(), back.getSpec());
    }

    @Test
    void labelsForOtherAtomsFailClearly() throws Exception {
        TrajectoryPortObject traj;
        try (Trajectory t = SampleTrajectory.open()) {
            traj = TrajectoryPortObject.create(t, Progress.NONE);
        }
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(rf);
        s.addString("neighbours", "O");
        s.addDouble("dr", 1.0);
        s.addDouble("rc", 3.0);
        Settings.apply(rf, s);
        BufferedDataTable feats = (BufferedDataTable)run(rf, traj)[0];
        BufferedDataTable labels = ResultTables.toTable(ResultTable.builder("labels").longs("id", new long[]{1, 2})
            .ints("label", new int[]{0, 1}).build(), StandinNodeRunner.createExecutionContext(new DefaultNodeProgressMonitor()));
        NodeModel tr = new TrainLrNodeFactory().createNodeModel();
        Exception e = assertThrows(Exception.class, () -> run(tr, feats, labels, null, null));
        assertTrue(String.valueOf(e.getMessage()).contains("no label"), e.getMessage());
    }

    @Test
    void badSettingsAreRefused() throws Exception {
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(rf);
        s.addDouble("dr", 0.3);
        assertThrows(org.knime.core.node.InvalidSettingsException.class, () -> Settings.apply(rf, s));
    }

    @Test
    void applySoftnessAxisIsParsedByTheEngine() throws Exception {
        NodeModel ap = new ApplySoftnessNodeFactory().createNodeModel();
        NodeSettings ok = Settings.of(ap);
        ok.addString("axis", " Y ");
        Settings.apply(ap, ok); // any case, blanks ignored, as org.glasssoftness.core.model.Axes
        assertEquals(" Y ", Settings.of(ap).getString("axis"));
        for (String bad : new String[]{"w", "xy", ""}) {
            NodeSettings s = Settings.of(ap);
            s.addString("axis", bad);
            org.knime.core.node.InvalidSettingsException e =
                assertThrows(org.knime.core.node.InvalidSettingsException.class, () -> Settings.apply(ap, s));
            assertEquals("Strain axis must be x, y or z, got '" + bad + "'", e.getMessage());
        }
    }
}
