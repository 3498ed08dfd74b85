package org.glasssoftness.knime.nodes.msd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

class MsdNodeModelTest {

    /** Li moves at (1, 2, 2) Å/ps (|v|^2 = 9) in xu yu zu, B stays; frames every 100 steps of 1 fs. */
    private static TrajectoryPortObject straightLine() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 11; k++) {
            double t = 0.1 * k;
            double[] p = {1 + t, 1 + 2 * t, 1 + 2 * t, 5, 5, 5};
            frames.add(new Frame(100L * k, Box.cubic(10), new long[]{3, 8}, null, List.of("Li", "B"), new int[]{0, 1},
                p, true, null, null, null));
        }
        return TrajectoryPortObject.create(Trajectory.of(frames), Progress.NONE);
    }

    @Test
    void straightLineMsdAndItsFit() throws Exception {
        MsdNodeModel m = new MsdNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(MsdNodeModel.FIT_START_PS, "0.5");
        Settings.apply(m, s);
        TrajectoryPortObject in = straightLine();
        PortObjectSpec[] specs = StandinNodeRunner.configure(m, in.getSpec());
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
        BufferedDataTable msd = (BufferedDataTable)out[0];
        assertEquals(specs[0], msd.getDataTableSpec());
        double[] li = Tables.doubles(msd, "msd_Li_A2");
        double[] time = Tables.doubles(msd, "time_ps");
        for (int k = 0; k < 11; k++) {
            assertEquals(0.1 * k, time[k], 1e-12);
            assertEquals(9 * time[k] * time[k], li[k], 1e-9);
            assertEquals(0.0, Tables.doubles(msd, "msd_B_A2")[k]);
        }
        // least squares of 9 t^2 over t = 0.5..1.0 step 0.1: slope = 9 * (t_mean * 2) = 9 * 1.5 = 13.5
        BufferedDataTable fit = (BufferedDataTable)out[1];
        assertArrayEquals(new String[]{"Li", "B"}, Tables.strings(fit, "species"));
        assertEquals(13.5, Tables.doubles(fit, "slope_A2_per_ps")[0], 1e-9);
        assertEquals(13.5 / 6, Tables.doubles(fit, "D_A2_per_ps")[0], 1e-9);
        assertEquals(13.5 / 6 * 1e-4, Tables.doubles(fit, "D_cm2_per_s")[0], 1e-13);
        assertArrayEquals(new int[]{6, 6}, Tables.ints(fit, "points"));
        org.glasssoftness.knime.views.CurvePanel view =
            (org.glasssoftness.knime.views.CurvePanel)StandinNodeRunner.openView(new MsdNodeFactory(), 0, m);
        assertEquals(List.of("Li", "B"), view.curves().names());
        assertArrayEquals(li, view.curves().ys().get(0));
        BufferedDataTable atoms = (BufferedDataTable)out[2];
        assertArrayEquals(new long[]{3, 8}, Tables.longs(atoms, "id"));
        assertEquals(9.0, Tables.doubles(atoms, "msd_A2")[0], 1e-9);
    }

    @Test
    void settingsChecks() throws Exception {
        MsdNodeModel m = new MsdNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(MsdNodeModel.FIT_START_PS, "abc");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s));
        assertTrue(e.getMessage().startsWith("Fit window start"), e.getMessage());
        NodeSettings s2 = Settings.of(m);
        s2.addString(MsdNodeModel.SPECIES, "Li, Na");
        Settings.apply(m, s2);
        InvalidSettingsException sp = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(m, straightLine().getSpec()));
        assertTrue(sp.getMessage().contains("'Na'"), sp.getMessage());
        PortObjectSpec[] unknown = StandinNodeRunner.configure(new MsdNodeFactory().createNodeModel(), (PortObjectSpec)null);
        assertNull(unknown[0]); // one column per species of the input, not known yet
        assertEquals(10, ((DataTableSpec)unknown[1]).getNumColumns());
        // named species determine the MSD columns without the input
        MsdNodeModel named = new MsdNodeFactory().createNodeModel();
        NodeSettings s3 = Settings.of(named);
        s3.addString(MsdNodeModel.SPECIES, "Li,B");
        Settings.apply(named, s3);
        DataTableSpec before = (DataTableSpec)StandinNodeRunner.configure(named, (PortObjectSpec)null)[0];
        assertArrayEquals(new String[]{"frame", "timestep", "time_ps", "msd_Li_A2", "msd_B_A2"}, before.getColumnNames());
        PortObject[] out = StandinNodeRunner.execute(named, new DefaultNodeProgressMonitor(), straightLine());
        assertEquals(before, ((BufferedDataTable)out[0]).getDataTableSpec());
        assertNotNull(StandinNodeRunner.createDialog(new MsdNodeFactory()));
    }
}
