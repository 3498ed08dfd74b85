package org.glasssoftness.knime.nodes.rdf;

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
import org.glasssoftness.knime.testing.Internals;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.glasssoftness.knime.views.CurvePanel;
import org.glasssoftness.knime.views.Curves;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class RdfNodeModelTest {

    /** Rock salt Na-Cl, a = 5.64 Å, 2 x 2 x 2 cubic cells (64 atoms), two identical frames. */
    private static TrajectoryPortObject rockSalt() throws Exception {
        double a = 5.64;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
                            {0.5, 0, 0}, {0, 0.5, 0}, {0, 0, 0.5}, {0.5, 0.5, 0.5}};
        List<double[]> pos = new ArrayList<>();
        List<Integer> sp = new ArrayList<>();
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) {
            for (int b = 0; b < 8; b++) {
                pos.add(new double[]{(i + basis[b][0]) * a, (j + basis[b][1]) * a, (k + basis[b][2]) * a});
                sp.add(b < 4 ? 0 : 1);
            }
        }
        int n = pos.size();
        double[] x = new double[3 * n];
        int[] s = new int[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pos.get(i), 0, x, 3 * i, 3);
            s[i] = sp.get(i);
            ids[i] = i + 1;
        }
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            frames.add(new Frame(f, Box.cubic(2 * a), ids, null, List.of("Na", "Cl"), s, x, false, null, null, null));
        }
        return TrajectoryPortObject.create(Trajectory.of(frames), Progress.NONE);
    }

    @Test
    void rockSaltShellsAndTables() throws Exception {
        RdfNodeModel m = new RdfNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addDouble(RdfNodeModel.R_MAX, 5.6);
        s.addDouble(RdfNodeModel.DR, 0.05);
        s.addDouble(RdfNodeModel.Q_MIN, 1.0);
        s.addDouble(RdfNodeModel.Q_MAX, 5.0);
        s.addDouble(RdfNodeModel.DQ, 1.0);
        Settings.apply(m, s);
        TrajectoryPortObject in = rockSalt();
        PortObjectSpec[] specs = StandinNodeRunner.configure(m, in.getSpec());
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in);
        BufferedDataTable rdf = (BufferedDataTable)out[0];
        assertEquals(specs[0], rdf.getDataTableSpec());
        assertEquals(112, rdf.size());
        // running coordination: 6 Cl around Na at a/2 = 2.82 Å, then 12 Na at a/sqrt2 = 3.99 Å
        BufferedDataTable cn = (BufferedDataTable)out[2];
        assertEquals(specs[2], cn.getDataTableSpec());
        double[] r = Tables.doubles(cn, "r_A");
        double[] naCl = Tables.doubles(cn, "n_Na-Cl");
        double[] naNa = Tables.doubles(cn, "n_Na-Na");
        int k35 = (int)Math.round(3.5 / 0.05) - 1;
        assertEquals(3.5, r[k35], 1e-12);
        assertEquals(6.0, naCl[k35], 1e-12);
        assertEquals(0.0, naNa[k35], 1e-12);
        assertEquals(12.0, naNa[(int)Math.round(4.5 / 0.05) - 1], 1e-12);
        BufferedDataTable sq = (BufferedDataTable)out[1];
        assertEquals(specs[1], sq.getDataTableSpec());
        assertEquals(5, sq.size());
        assertEquals(5, Tables.doubles(sq, "S_neutron").length);
        CurvePanel view = (CurvePanel)StandinNodeRunner.openView(new RdfNodeFactory(), 0, m);
        assertEquals(List.of("g Na-Na", "g Na-Cl", "g Cl-Cl", "g total"), view.curves().names());
        // view 1: S(Q), the S(Q) table's columns over its Q
        Curves sqView = ((CurvePanel)StandinNodeRunner.openView(new RdfNodeFactory(), 1, m)).curves();
        assertEquals(List.of("S_Na-Na", "S_Na-Cl", "S_Cl-Cl", "S_neutron"), sqView.names());
        assertArrayEquals(Tables.doubles(sq, "Q_A-1"), sqView.x());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5}, sqView.x(), 1e-12);
        assertArrayEquals(Tables.doubles(sq, "S_Na-Cl"), sqView.ys().get(1));
        assertArrayEquals(Tables.doubles(sq, "S_neutron"), sqView.ys().get(3));
        // view 2: normalised neutron G(r) and D(r) over r
        Curves gView = ((CurvePanel)StandinNodeRunner.openView(new RdfNodeFactory(), 2, m)).curves();
        assertEquals(List.of("G_neutron", "D_neutron_A-2"), gView.names());
        assertArrayEquals(Tables.doubles(rdf, "r_A"), gView.x());
        assertArrayEquals(Tables.doubles(rdf, "G_neutron"), gView.ys().get(0));
        assertArrayEquals(Tables.doubles(rdf, "D_neutron_A-2"), gView.ys().get(1));
        assertEquals(-1.0, gView.ys().get(0)[0], 1e-12, "no pair closer than the first bin: G = -1");
        assertEquals(3, StandinNodeRunner.nrViews(new RdfNodeFactory()));
        // port 3: suggested cutoffs; Na-Cl's first minimum lies between its first shell (a/2 = 2.82 Å) and its
        // second (a sqrt3/2 = 4.88 Å), where no Na-Cl pair is
        BufferedDataTable cut = (BufferedDataTable)out[3];
        assertEquals(specs[3], cut.getDataTableSpec());
        assertArrayEquals(new String[]{"Na-Na", "Na-Cl", "Cl-Cl"}, Tables.strings(cut, "pair"));
        double naClCut = Tables.doubles(cut, "r_first_min_A")[1];
        assertTrue(naClCut > 2.9 && naClCut < 4.85, "Na-Cl cutoff " + naClCut);
        // the views' curves survive a workflow save and load
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rdf-internals");
        Internals.save(m, dir.toFile());
        RdfNodeModel loaded = new RdfNodeFactory().createNodeModel();
        Internals.load(loaded, dir.toFile());
        for (int v = 0; v < 3; v++) {
            Curves a = m.curves(v), b = loaded.curves(v);
            assertEquals(a.title(), b.title());
            assertEquals(a.names(), b.names());
            assertArrayEquals(a.x(), b.x());
            for (int k = 0; k < a.ys().size(); k++) {
                assertArrayEquals(a.ys().get(k), b.ys().get(k));
            }
        }
        assertNull(loaded.curves(3));
        StandinNodeRunner.reset(m);
        assertNull(m.curves(1));
    }

    @Test
    void settingsChecks() throws Exception {
        RdfNodeModel m = new RdfNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addDouble(RdfNodeModel.DR, 0.3); // 10 / 0.3 is not whole
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s));
        assertTrue(e.getMessage().startsWith("r range"), e.getMessage());
        NodeSettings s2 = Settings.of(m);
        s2.addString(RdfNodeModel.SCATTERING_LENGTHS, "Na=abc");
        e = assertThrows(InvalidSettingsException.class, () -> Settings.apply(m, s2));
        assertTrue(e.getMessage().startsWith("Scattering lengths"), e.getMessage());
        NodeSettings s3 = Settings.of(m);
        s3.addString(RdfNodeModel.SCATTERING_LENGTHS, "K=3.67");
        s3.addDouble(RdfNodeModel.R_MAX, 5.0);
        Settings.apply(m, s3);
        e = assertThrows(InvalidSettingsException.class, () -> StandinNodeRunner.configure(m, rockSalt().getSpec()));
        assertTrue(e.getMessage().contains("species K"), e.getMessage());
        // r max beyond half the 11.28 Å box is refused at execution, naming the frame
        RdfNodeModel big = new RdfNodeFactory().createNodeModel();
        TrajectoryPortObject in = rockSalt();
        StandinNodeRunner.configure(big, in.getSpec());
        Exception ex = assertThrows(Exception.class,
            () -> StandinNodeRunner.execute(big, new DefaultNodeProgressMonitor(), in));
        assertTrue(String.valueOf(ex.getMessage()).contains("half the smallest perpendicular box width"),
            String.valueOf(ex.getMessage()));
        PortObjectSpec[] unknown = StandinNodeRunner.configure(new RdfNodeFactory().createNodeModel(),
            (PortObjectSpec)null);
        assertNull(unknown[0]);
        assertEquals(2, ((org.knime.core.data.DataTableSpec)unknown[3]).getNumColumns(), "cutoff columns known");
        assertNotNull(StandinNodeRunner.createDialog(new RdfNodeFactory()));
    }
}
