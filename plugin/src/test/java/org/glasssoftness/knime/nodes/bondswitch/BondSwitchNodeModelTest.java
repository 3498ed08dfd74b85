package org.glasssoftness.knime.nodes.bondswitch;

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
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class BondSwitchNodeModelTest {

    /**
     * Two BO3 units (B ids 1 and 5). Frame 1 (box 10 % longer in x): the first unit loses an O (1.4 Å -> 2.5 Å,
     * decreased), the second keeps its O (unchanged).
     */
    private static TrajectoryPortObject twoUnits() throws Exception {
        double[] p0 = {10, 10, 10, 11.4, 10, 10, 9.3, 11.2124, 10, 9.3, 8.7876, 10,
            30, 10, 10, 31.4, 10, 10, 29.3, 11.2124, 10, 29.3, 8.7876, 10};
        double[] p1 = p0.clone();
        p1[3] = 12.5;
        long[] ids = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] sp = {0, 1, 1, 1, 0, 1, 1, 1};
        List<String> names = List.of("B", "O");
        return TrajectoryPortObject.create(Trajectory.of(List.of(
            new Frame(0, Box.orthogonal(0, 40, 0, 20, 0, 20), ids, null, names, sp, p0, false, null, null, null),
            new Frame(500, Box.orthogonal(0, 44, 0, 20, 0, 20), ids, null, names, sp, p1, false, null, null, null))),
            Progress.NONE);
    }

    @Test
    void decreasedAndUnchangedAtTheChosenStrain() throws Exception {
        BondSwitchNodeModel m = new BondSwitchNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(BondSwitchNodeModel.STRAIN, "0.1");
        Settings.apply(m, s);
        TrajectoryPortObject in = twoUnits();
        PortObjectSpec[] specs = StandinNodeRunner.configure(m, in.getSpec());
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
        BufferedDataTable fr = (BufferedDataTable)out[0];
        assertEquals(specs[0], fr.getDataTableSpec());
        assertArrayEquals(new double[]{0, 0.1}, Tables.doubles(fr, "strain"), 1e-12);
        assertArrayEquals(new double[]{0, 0.5}, Tables.doubles(fr, "frac_decreased"));
        assertArrayEquals(new double[]{1, 0.5}, Tables.doubles(fr, "frac_unchanged"));
        assertArrayEquals(new double[]{0, 0.5}, Tables.doubles(fr, "frac_switched"));
        org.glasssoftness.knime.views.CurvePanel view =
            (org.glasssoftness.knime.views.CurvePanel)StandinNodeRunner.openView(new BondSwitchNodeFactory(), 0, m);
        assertEquals("strain", view.curves().xLabel());
        assertArrayEquals(new double[]{0, 0.1}, view.curves().x(), 1e-12);
        assertArrayEquals(new double[]{0, 0.5}, view.curves().ys().get(0));
        BufferedDataTable atoms = (BufferedDataTable)out[1];
        assertArrayEquals(new long[]{1, 5}, Tables.longs(atoms, "id"));
        assertArrayEquals(new int[]{3, 3}, Tables.ints(atoms, "cn_ref"));
        assertArrayEquals(new int[]{2, 3}, Tables.ints(atoms, "cn"));
        assertArrayEquals(new String[]{"decreased", "unchanged"}, Tables.strings(atoms, "class"));
        assertArrayEquals(new int[]{1, 0}, Tables.ints(atoms, "switched"));
    }

    @Test
    void badSettingsAreRefused() throws Exception {
        BondSwitchNodeModel m = new BondSwitchNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(BondSwitchNodeModel.AXIS, "w");
        InvalidSettingsException ax = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s));
        assertEquals("Strain axis must be x, y or z, got 'w'", ax.getMessage());
        NodeSettings upper = Settings.of(m);
        upper.addString(BondSwitchNodeModel.AXIS, " Z ");
        Settings.apply(m, upper); // any case, blanks ignored, as org.glasssoftness.core.model.Axes
        NodeSettings s2 = Settings.of(m);
        s2.addString(BondSwitchNodeModel.SWITCHED, "decreased,broken");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s2));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
        NodeSettings s3 = Settings.of(m);
        s3.addString(BondSwitchNodeModel.PARTNER, "F");
        Settings.apply(m, s3);
        InvalidSettingsException sp = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(m, twoUnits().getSpec()));
        assertTrue(sp.getMessage().contains("'F'"), sp.getMessage());
        assertNotNull(StandinNodeRunner.createDialog(new BondSwitchNodeFactory()));
    }
}
