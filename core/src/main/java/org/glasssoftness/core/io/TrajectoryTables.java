package org.glasssoftness.core.io;

import java.io.IOException;
import java.util.Map;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/** Tables that describe a trajectory: the atoms of one frame and one row per frame (what Read LAMMPS Dump outputs). */
public final class TrajectoryTables {
    private TrajectoryTables() { }

    /**
     * Table "atoms": id, type (if known), species, x_A y_A z_A, image flags ix iy iz (if any), velocities
     * vx_A_per_ps.. (if any), then every per-atom property under its own name.
     */
    public static ResultTable atoms(Frame f) {
        int n = f.atomCount();
        ResultTable.Builder b = ResultTable.builder("atoms").longs("id", f.ids().clone());
        if (f.types() != null) b.ints("type", f.types().clone());
        String[] sp = new String[n];
        for (int i = 0; i < n; i++) sp[i] = f.speciesOf(i);
        b.strings("species", sp);
        String[] xyz = {"x", "y", "z"};
        for (int d = 0; d < 3; d++) b.doubles(xyz[d] + "_A", column(f.positions(), d));
        if (f.images() != null) {
            for (int d = 0; d < 3; d++) {
                int[] c = new int[n];
                for (int i = 0; i < n; i++) c[i] = f.images()[3 * i + d];
                b.ints("i" + xyz[d], c);
            }
        }
        if (f.velocities() != null) {
            for (int d = 0; d < 3; d++) b.doubles("v" + xyz[d] + "_A_per_ps", column(f.velocities(), d));
        }
        for (Map.Entry<String, double[]> e : f.properties().entrySet()) b.doubles(e.getKey(), e.getValue().clone());
        return b.build();
    }

    private static double[] column(double[] xyz, int d) {
        double[] c = new double[xyz.length / 3];
        for (int i = 0; i < c.length; i++) c[i] = xyz[3 * i + d];
        return c;
    }

    /** Table "frames": frame, timestep, atoms, lx_A ly_A lz_A xy_A xz_A yz_A volume_A3 (reads every frame once). */
    public static ResultTable frames(Trajectory t, Progress progress) throws IOException {
        int nf = t.frameCount();
        int[] frame = new int[nf], atoms = new int[nf];
        long[] step = new long[nf];
        double[][] box = new double[7][nf];
        for (int k = 0; k < nf; k++) {
            progress.checkCanceled();
            Frame f = t.frame(k);
            Box b = f.box();
            frame[k] = k;
            step[k] = f.timestep();
            atoms[k] = f.atomCount();
            double[] v = {b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz(), b.volume()};
            for (int c = 0; c < 7; c++) box[c][k] = v[c];
            progress.report((k + 1) / (double) nf, "frame " + (k + 1) + " of " + nf);
        }
        ResultTable.Builder b = ResultTable.builder("frames").ints("frame", frame).longs("timestep", step)
                .ints("atoms", atoms);
        String[] names = {"lx_A", "ly_A", "lz_A", "xy_A", "xz_A", "yz_A", "volume_A3"};
        for (int c = 0; c < 7; c++) b.doubles(names[c], box[c]);
        return b.build();
    }
}
