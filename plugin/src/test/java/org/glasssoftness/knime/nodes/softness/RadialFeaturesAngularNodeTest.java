package org.glasssoftness.knime.nodes.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.softness.AngularDefinition;
import org.glasssoftness.core.softness.AngularFeatureSet;
import org.glasssoftness.core.softness.AngularFeatures;
import org.glasssoftness.knime.nodes.radialfeatures.RadialFeaturesNodeFactory;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObjectSpec;

/** The angular option of Radial Features: off by default and for older settings, on = the engine's Psi columns. */
class RadialFeaturesAngularNodeTest {

    private static TrajectoryPortObject sample() throws Exception {
        try (Trajectory t = SampleTrajectory.open()) {
            return TrajectoryPortObject.create(t, Progress.NONE);
        }
    }

    private static BufferedDataTable run(final NodeModel m, final TrajectoryPortObject traj) throws Exception {
        return (BufferedDataTable)StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), traj)[0];
    }

    @Test
    void angularColumnsEqualTheEngine() throws Exception {
        TrajectoryPortObject traj = sample();
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(rf);
        assertFalse(s.getBoolean("angular"));
        s.addString("focus", "B");
        s.addDouble("dr", 0.5);
        s.addDouble("rc", 5.0);
        s.addInt("frame", 2);
        s.addBoolean("angular", true);
        s.addString("angular-neighbours", "B, O");
        s.addDouble("angular-rc", 5.0);
        s.addString("angular-xi", "2.0,3.0");
        s.addString("angular-zeta", "1");
        Settings.apply(rf, s);
        PortObjectSpec[] specs = StandinNodeRunner.configure(rf, traj.getSpec());
        BufferedDataTable t = run(rf, traj);
        assertEquals(specs[0], t.getDataTableSpec());
        DataTableSpec spec = t.getDataTableSpec();
        assertEquals(4 + 40 + 3 * 4, spec.getNumColumns());
        AngularDefinition d = new AngularDefinition("B", List.of("B", "O"), 5.0, List.of(2.0, 3.0), List.of(-1, 1), List.of(1.0));
        AngularFeatureSet a;
        try (Trajectory tr = SampleTrajectory.open()) {
            a = new AngularFeatures(d).compute(tr.frame(2), 2);
        }
        assertArrayEquals(a.ids(), Tables.longs(t, "id"));
        for (int k = 0; k < d.featureCount(); k++) {
            double[] col = Tables.doubles(t, d.featureNames().get(k));
            for (int i = 0; i < a.rows(); i++) assertEquals(a.values()[i * d.featureCount() + k], col[i], 0.0);
        }
        assertEquals("Psi_O-O_xi3.0_l+1_z1", spec.getColumnSpec(spec.getNumColumns() - 1).getName());
    }

    @Test
    void settingsWithoutTheAngularKeysLoadWithTheOptionOff() throws Exception {
        TrajectoryPortObject traj = sample();
        NodeModel fresh = new RadialFeaturesNodeFactory().createNodeModel();
        // the settings as a workflow saved before the option existed: drop every angular entry
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        Settings.of(fresh).saveToXML(xml);
        String text = xml.toString(StandardCharsets.UTF_8);
        StringBuilder old = new StringBuilder();
        boolean skipping = false;
        for (String line : text.split("\n")) {
            if (line.contains("key=\"angular")) {
                skipping = line.contains("<config") && !line.contains("/>");
                continue;
            }
            if (skipping) {
                if (line.contains("</config>")) skipping = false;
                continue;
            }
            old.append(line).append('\n');
        }
        assertFalse(old.toString().contains("angular"), old.toString());
        NodeSettingsRO oldSettings = NodeSettings.loadFromXML(new ByteArrayInputStream(old.toString().getBytes(StandardCharsets.UTF_8)));
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        // switch it on first: loading the old settings must put it back to off
        NodeSettings on = Settings.of(rf);
        on.addBoolean("angular", true);
        Settings.apply(rf, on);
        StandinNodeRunner.loadSettings(rf, oldSettings);
        assertFalse(Settings.of(rf).getBoolean("angular"));
        assertEquals(AngularDefinition.DEFAULT_CUTOFF, Settings.of(rf).getDouble("angular-rc"), 0.0);
        BufferedDataTable t = run(rf, traj);
        assertEquals(4 + 200, t.getDataTableSpec().getNumColumns());
        for (int c = 0; c < t.getDataTableSpec().getNumColumns(); c++) {
            assertFalse(t.getDataTableSpec().getColumnSpec(c).getName().startsWith("Psi_"));
        }
    }

    /** Radial Features of Li (dr 0.5, R_c 5) with or without the angular option. */
    private static BufferedDataTable liFeatures(final TrajectoryPortObject traj, final boolean angular) throws Exception {
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(rf);
        s.addString("focus", "Li");
        s.addDouble("dr", 0.5);
        s.addDouble("rc", 5.0);
        s.addBoolean("angular", angular);
        Settings.apply(rf, s);
        return run(rf, traj);
    }

    @Test
    void trainLrUsesTheRadialColumnsAndSaysSo() throws Exception {
        TrajectoryPortObject traj = sample();
        BufferedDataTable plain = liFeatures(traj, false), withPsi = liFeatures(traj, true);
        assertEquals(4 + 40 + 160, withPsi.getDataTableSpec().getNumColumns());
        double[] g = Tables.doubles(plain, "G_Li-O_2.00");
        double[] sorted = g.clone();
        java.util.Arrays.sort(sorted);
        int[] lab = new int[g.length];
        for (int i = 0; i < g.length; i++) lab[i] = g[i] > sorted[g.length / 2] ? 1 : 0;
        BufferedDataTable labels = org.glasssoftness.knime.common.ResultTables.toTable(
            org.glasssoftness.core.table.ResultTable.builder("labels").longs("id", Tables.longs(plain, "id")).ints("label", lab).build(),
            StandinNodeRunner.createExecutionContext(new DefaultNodeProgressMonitor()));
        double[][] weights = new double[2][];
        String[] warnings = new String[2];
        for (int k = 0; k < 2; k++) {
            NodeModel tr = new org.glasssoftness.knime.nodes.trainlr.TrainLrNodeFactory().createNodeModel();
            org.knime.core.node.port.PortObject[] out = StandinNodeRunner.execute(tr, new DefaultNodeProgressMonitor(),
                k == 0 ? plain : withPsi, labels, null, null);
            weights[k] = ((org.glasssoftness.knime.port.SoftnessModelPortObject)out[0]).model().weights();
            warnings[k] = StandinNodeRunner.warningMessage(tr);
        }
        assertArrayEquals(weights[0], weights[1], 0.0);
        assertFalse(warnings[0].contains("Psi_"), warnings[0]);
        assertTrue(warnings[1].contains("the 160 angular Psi_ columns are ignored"), warnings[1]);
    }

    @Test
    void dialogSavesTheSameSettingsTheModelReads() throws Exception {
        NodeModel m = new RadialFeaturesNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addBoolean("angular", true);
        s.addString("angular-neighbours", "O");
        s.addDouble("angular-rc", 4.5);
        s.addString("angular-xi", "1.0,2.0");
        s.addString("angular-zeta", "1,2,4");
        Settings.apply(m, s);
        org.knime.core.node.NodeDialogPane dialog = StandinNodeRunner.createDialog(new RadialFeaturesNodeFactory());
        StandinNodeRunner.loadDialog(dialog, Settings.of(m), new PortObjectSpec[1]);
        NodeSettings fromDialog = StandinNodeRunner.saveDialog(dialog);
        NodeModel fresh = new RadialFeaturesNodeFactory().createNodeModel();
        Settings.apply(fresh, fromDialog);
        ByteArrayOutputStream a = new ByteArrayOutputStream(), b = new ByteArrayOutputStream();
        Settings.of(m).saveToXML(a);
        Settings.of(fresh).saveToXML(b);
        assertEquals(a.toString(StandardCharsets.UTF_8), b.toString(StandardCharsets.UTF_8));
        assertTrue(a.toString(StandardCharsets.UTF_8).contains("angular-zeta"));
    }

    @Test
    void badAngularSettingsAreRefused() throws Exception {
        NodeModel rf = new RadialFeaturesNodeFactory().createNodeModel();
        for (String[] bad : new String[][] {{"angular-xi", "2.0,x"}, {"angular-zeta", "-1"}, {"angular-xi", ""}}) {
            NodeSettings s = Settings.of(rf);
            s.addBoolean("angular", true);
            s.addString(bad[0], bad[1]);
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(rf, s));
            assertTrue(e.getMessage().startsWith("Angular features: "), e.getMessage());
        }
        // off: the angular values are not used, so they are not checked either
        NodeSettings off = Settings.of(rf);
        off.addString("angular-xi", "2.0,x");
        Settings.apply(rf, off);
        // an angular neighbour species missing from the input is refused at configure
        NodeSettings na = Settings.of(new RadialFeaturesNodeFactory().createNodeModel());
        na.addBoolean("angular", true);
        na.addString("angular-neighbours", "O,Na");
        NodeModel m = new RadialFeaturesNodeFactory().createNodeModel();
        Settings.apply(m, na);
        TrajectoryPortObject traj = sample();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> StandinNodeRunner.configure(m, traj.getSpec()));
        assertTrue(e.getMessage().startsWith("Angular neighbour species 'Na'"), e.getMessage());
    }
}
