package org.glasssoftness.core.table;

import java.util.Map;

import org.glasssoftness.core.model.Frame;

/**
 * One frame's atoms as a table, one row per atom in id order: id, type, species, position x_A y_A z_A (as stored
 * in the frame), image flags ix iy iz and velocities vx_A_per_ps vy_A_per_ps vz_A_per_ps when present, then every
 * per-atom property under its own name. Same columns as the io helper's TrajectoryTables.atoms (which replaces
 * this class once it is on main).
 */
public final class AtomTable {
    private AtomTable() { }

    public static ResultTable of(Frame f, String tableName) {
        int n = f.atomCount();
        ResultTable.Builder b = ResultTable.builder(tableName);
        b.longs("id", f.ids().clone());
        if (f.types() != null) b.ints("type", f.types().clone());
        String[] species = new String[n];
        for (int i = 0; i < n; i++) species[i] = f.speciesOf(i);
        b.strings("species", species);
                String[] axes = {"x", "y", "z"};
        for (int d = 0; d < 3; d++) b.doubles(axes[d] + "_A", component(f.positions(), d, n));
        if (f.images() != null) {
            for (int d = 0; d < 3; d++) {
                int[] c = new int[n];
                for (int i = 0; i < n; i++) c[i] = f.images()[3 * i + d];
                b.ints("i" + axes[d], c);
            }
        }
        if (f.velocities() != null) {
            for (int d = 0; d < 3; d++) b.doubles("v" + axes[d] + "_A_per_ps", component(f.velocities(), d, n));
        }
        for (Map.Entry<String, double[]> e : f.properties().entrySet()) b.doubles(e.getKey(), e.getValue().clone());
        return b.build();
    }

    private static double[] component(double[] xyz, int d, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = xyz[3 * i + d];
        return c;
    }
}
