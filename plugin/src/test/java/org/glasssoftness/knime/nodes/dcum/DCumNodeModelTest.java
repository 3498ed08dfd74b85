package org.glasssoftness.knime.nodes.dcum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class DCumNodeModelTest {

    /** A Li at the centre of an O octahedron (2 Å) far from everything; in frame 1 the Li moves by (0.3, 0, 0.4). */
    static TrajectoryPortObject octahedron() throws Exception {
        double c = 20;
        double[] p0 = {c, c, c, c + 2, c, c, c - 2, c, c, c, c + 2, c, c, c - 2, c, c, c, c + 2, c, c, c - 2};
        double[] p1 = p0.clone();
        p1[0] += 0.3;
        p1[2] += 0.4;
        long[] ids = {1, 2, 3, 4, 5, 6, 7};
        int[] sp = {0, 1, 1, 1, 1, 1, 1};
        Box box = Box.cubic(40);
        List<String> names = List.of("Li", "O");
        return TrajectoryPortObject.create(Trajectory.of(List.of(
            new Frame(0, box, ids, null, names, sp, p0, false, null, null, null),
            new Frame(100, box, ids, null, names, sp, p1, false, null, null, null))), Progress.NONE);
    }

    private static DCumNodeModel model(final double cutoff, final String label) throws InvalidSettingsException {
        DCumNodeModel m = new DCumNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addDouble(DCumNodeModel.CUTOFF, cutoff);
        s.addString(DCumNodeModel.LABEL, label);
        Settings.apply(m, s);
        return m;
    }

    @Test
    void displacedCentreGivesItsDisplacementAsDCum() throws Exception {
        TrajectoryPortObject in = octahedron();
        DCumNodeModel m = model(3.0, "threshold:0.4");
        PortObjectSpec[] specs = StandinNodeRunner.configure(m, in.getSpec());
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
        BufferedDataTable atoms = (BufferedDataTable)out[0];
        assertEquals(specs[0], atoms.getDataTableSpec());
        assertArrayEquals(new long[]{1}, Tables.longs(atoms, "id"));
        assertArrayEquals(new String[]{"Li"}, Tables.strings(atoms, "species"));
        // symmetric shell: J = I and D2min = |delta|^2 = 0.25, so D_cum = 0.5
        assertEquals(0.5, Tables.doubles(atoms, "D_cum_A")[0], 1e-13);
        assertArrayEquals(new int[]{1}, Tables.ints(atoms, "n_intervals"));
        assertArrayEquals(new int[]{0}, Tables.ints(atoms, "degenerate_intervals"));
        assertArrayEquals(new int[]{1}, Tables.ints(atoms, "mobile"));
        assertArrayEquals(new String[]{"mobile"}, Tables.strings(atoms, "class"));
        BufferedDataTable curve = (BufferedDataTable)out[1];
        assertArrayEquals(new long[]{100}, Tables.longs(curve, "timestep"));
        assertEquals(0.5, Tables.doubles(curve, "mean_D_cum_A")[0], 1e-13);
    }

    @Test
    void viewShowsTheGrowthCurveAndSurvivesSaveAndLoad(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
        throws Exception {
        DCumNodeModel m = model(3.0, "top:0.3");
        StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), octahedron());
        java.awt.Component c = StandinNodeRunner.openView(new DCumNodeFactory(), 0, m);
        org.glasssoftness.knime.views.CurvePanel panel = (org.glasssoftness.knime.views.CurvePanel)c;
        assertArrayEquals(new double[]{100}, panel.curves().x());
        assertEquals(0.5, panel.curves().ys().get(0)[0], 1e-13);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(560, 380, java.awt.image.BufferedImage.TYPE_INT_RGB);
        panel.setSize(560, 380);
        panel.paint(img.getGraphics()); // draws without a screen
        org.glasssoftness.knime.testing.Internals.save(m, dir.toFile());
        DCumNodeModel fresh = new DCumNodeFactory().createNodeModel();
        org.glasssoftness.knime.testing.Internals.load(fresh, dir.toFile());
        assertArrayEquals(panel.curves().ys().get(0), fresh.curves().ys().get(0));
        assertEquals("Mean D_cum of Li", fresh.curves().title());
        StandinNodeRunner.reset(m);
        assertEquals(null, m.curves());
    }

    @Test
    void degenerateNeighbourhoodIsCountedAndWarned() throws Exception {
        DCumNodeModel m = model(1.0, "top:0.3"); // no neighbour within 1 Å
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), octahedron());
        assertArrayEquals(new int[]{1}, Tables.ints((BufferedDataTable)out[0], "degenerate_intervals"));
        assertEquals(0.0, Tables.doubles((BufferedDataTable)out[0], "D_cum_A")[0]);
        assertNotNull(StandinNodeRunner.warningMessage(m));
        assertTrue(StandinNodeRunner.warningMessage(m).contains("1 degenerate"), StandinNodeRunner.warningMessage(m));
    }

    @Test
    void badSettingsAndMissingSpeciesAreRefused() throws Exception {
        InvalidSettingsException label = assertThrows(InvalidSettingsException.class, () -> model(4.0, "top:2"));
        assertTrue(label.getMessage().startsWith("Mobile label:"), label.getMessage());
        DCumNodeModel m = new DCumNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(DCumNodeModel.SPECIES, "Na");
        Settings.apply(m, s);
        InvalidSettingsException sp = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(m, octahedron().getSpec()));
        assertTrue(sp.getMessage().contains("'Na'") && sp.getMessage().contains("[Li, O]"), sp.getMessage());
        // not yet executed upstream: configure still gives the fixed table specs
        PortObjectSpec[] specs = StandinNodeRunner.configure(new DCumNodeFactory().createNodeModel(), (PortObjectSpec)null);
        assertEquals(7, ((DataTableSpec)specs[0]).getNumColumns());
        assertTrue(StandinNodeRunner.hasDialog(new DCumNodeFactory()));
        assertNotNull(StandinNodeRunner.createDialog(new DCumNodeFactory()));
    }
}
