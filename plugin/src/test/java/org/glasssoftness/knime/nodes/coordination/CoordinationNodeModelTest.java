package org.glasssoftness.knime.nodes.coordination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class CoordinationNodeModelTest {

    /** A BO3 triangle (B-O 1.4 Å) bridged through one O to a PO4 tetrahedron (P-O 1.5 Å), in a 20 Å box. */
    private static TrajectoryPortObject fragment() throws Exception {
        double c = 1.5 / Math.sqrt(3);
        double[] p = {10, 10, 10};
        double[] x = {
            p[0], p[1], p[2],                                        // P
            p[0] + c, p[1] + c, p[2] + c,                            // O1 (bridging)
            p[0] + c, p[1] - c, p[2] - c,                            // O2
            p[0] - c, p[1] + c, p[2] - c,                            // O3
            p[0] - c, p[1] - c, p[2] + c,                            // O4
            p[0] + c + 1.4, p[1] + c, p[2] + c,                      // B, 1.4 Å from O1 along x
            p[0] + c + 1.4 + 0.7, p[1] + c + 1.212436, p[2] + c,     // O5 at 1.4 Å, 120 degrees from B-O1
            p[0] + c + 1.4 + 0.7, p[1] + c - 1.212436, p[2] + c};    // O6
        int[] sp = {2, 1, 1, 1, 1, 0, 1, 1};
        long[] ids = {1, 2, 3, 4, 5, 6, 7, 8};
        Frame f = new Frame(0, Box.cubic(20), ids, null, List.of("B", "O", "P"), sp, x, false, null, null, null);
        return TrajectoryPortObject.create(Trajectory.of(List.of(f)), Progress.NONE);
    }

    @Test
    void fragmentCoordinationAndQn() throws Exception {
        CoordinationNodeModel m = new CoordinationNodeFactory().createNodeModel();
        TrajectoryPortObject in = fragment();
        PortObjectSpec[] specs = StandinNodeRunner.configure(m, in.getSpec());
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
        for (int i = 0; i < 5; i++) {
            assertEquals(specs[i], ((BufferedDataTable)out[i]).getDataTableSpec(), "port " + i);
        }
        // before the input is known: states, Q^n and summary have fixed columns; per-atom and angles depend on it
        PortObjectSpec[] early = StandinNodeRunner.configure(new CoordinationNodeFactory().createNodeModel(),
            (PortObjectSpec)null);
        assertNull(early[0]);
        assertNull(early[3]);
        for (int i : new int[]{1, 2, 4}) {
            assertEquals(specs[i], early[i], "port " + i);
        }
        BufferedDataTable atoms = (BufferedDataTable)out[0];
        assertArrayEquals(new int[]{4, 2, 1, 1, 1, 3, 1, 1}, Tables.ints(atoms, "cn"));
        assertArrayEquals(new int[]{1, -1, -1, -1, -1, 1, -1, -1}, Tables.ints(atoms, "n_bridging"));
        BufferedDataTable states = (BufferedDataTable)out[1];
        assertArrayEquals(new String[]{"B", "O", "O", "P"}, Tables.strings(states, "species"));
        assertArrayEquals(new int[]{3, 1, 2, 4}, Tables.ints(states, "cn"));
        assertEquals(1.4, Tables.doubles(states, "bond_length_mean_A")[0], 1e-6);
        assertEquals(1.5, Tables.doubles(states, "bond_length_mean_A")[3], 1e-12);
        BufferedDataTable qn = (BufferedDataTable)out[2];
        assertArrayEquals(new String[]{"B", "P"}, Tables.strings(qn, "species"));
        assertArrayEquals(new int[]{1, 1}, Tables.ints(qn, "n"));
        BufferedDataTable angles = (BufferedDataTable)out[3];
        double[] pB = Tables.doubles(angles, "p_O-B-O_deg-1");
        assertEquals(1.0, pB[119] + pB[120], 1e-12); // three 120 degree angles
        BufferedDataTable summary = (BufferedDataTable)out[4];
        List<String> q = List.of(Tables.strings(summary, "quantity"));
        assertEquals(8 / 8000.0, Tables.doubles(summary, "value")[q.indexOf("number_density")], 1e-15);
    }

    @Test
    void settingsChecks() throws Exception {
        CoordinationNodeModel m = new CoordinationNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(CoordinationNodeModel.CUTOFFS, "B-O");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s));
        assertTrue(e.getMessage().startsWith("Bond cutoffs"), e.getMessage());
        NodeSettings s2 = Settings.of(m);
        s2.addString(CoordinationNodeModel.CUTOFFS, "Si-O=1.8");
        Settings.apply(m, s2);
        e = assertThrows(InvalidSettingsException.class, () -> StandinNodeRunner.configure(m, fragment().getSpec()));
        assertTrue(e.getMessage().contains("species Si"), e.getMessage());
        NodeSettings s3 = Settings.of(m);
        s3.addDouble(CoordinationNodeModel.ANGLE_BIN, 7.0);
        e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s3));
        assertTrue(e.getMessage().contains("divide 180"), e.getMessage());
        assertNotNull(StandinNodeRunner.createDialog(new CoordinationNodeFactory()));
    }
}
