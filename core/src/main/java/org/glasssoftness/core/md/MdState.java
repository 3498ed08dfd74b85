package org.glasssoftness.core.md;

import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;

/**
 * The mutable state of an MD run in LAMMPS metal units: box, positions (Å, kept inside the box at neighbour-list
 * rebuilds, with image flags counting the wraps), velocities (Å/ps), forces (eV/Å), per-atom species, charge (e) and
 * mass (g/mol). Atoms keep the order of the start configuration.
 */
public final class MdState {
    public Box box;
    public final int n;
    public final long[] ids;
    public final List<String> speciesNames;
    public final int[] species;
    public final double[] charge;
    public final double[] mass;
    public final double[] x;
    public final double[] v;
    public final double[] f;
    public final int[] image;
    public long step;

    public MdState(Box box, long[] ids, List<String> speciesNames, int[] species, double[] charge, double[] mass,
                   double[] x, double[] v, int[] image) {
        this.box = box;
        this.n = ids.length;
        this.ids = ids;
        this.speciesNames = List.copyOf(speciesNames);
        this.species = species;
        this.charge = charge;
        this.mass = mass;
        this.x = x;
        this.v = v == null ? new double[3 * n] : v;
        this.f = new double[3 * n];
        this.image = image == null ? new int[3 * n] : image;
        if (x.length != 3 * n || this.v.length != 3 * n || this.image.length != 3 * n || species.length != n
                || charge.length != n || mass.length != n) {
            throw new IllegalArgumentException("per-atom arrays do not match the atom count " + n);
        }
    }

    /** State for a frame with charges and masses from the force field (species must all be in it). */
    public static MdState fromFrame(Frame frame, ForceField ff) {
        int n = frame.atomCount();
        List<String> names = new ArrayList<>(frame.speciesNames());
        double[] qs = ff.charges(names), ms = ff.masses(names);
        double[] q = new double[n], m = new double[n];
        int[] sp = frame.species().clone();
        for (int i = 0; i < n; i++) { q[i] = qs[sp[i]]; m[i] = ms[sp[i]]; }
        double[] x = frame.unwrappedPositions();
        double[] v = frame.velocities() == null ? null : frame.velocities().clone();
        return new MdState(frame.box(), frame.ids().clone(), names, sp, q, m, x, v, null);
    }

    /** Positions with image flags applied (continuous trajectories), 3N Å. */
    public double[] unwrappedPositions() {
        double[] u = new double[3 * n];
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        for (int i = 0; i < n; i++) {
            int ix = image[3 * i], iy = image[3 * i + 1], iz = image[3 * i + 2];
            u[3 * i] = x[3 * i] + ix * lx + iy * xy + iz * xz;
            u[3 * i + 1] = x[3 * i + 1] + iy * ly + iz * yz;
            u[3 * i + 2] = x[3 * i + 2] + iz * lz;
        }
        return u;
    }

    /** Wraps every atom into the box along periodic directions, updating image flags. */
    public void wrap() {
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            box.toFractional(x, 3 * i, s, 0);
            boolean moved = false;
            for (int k = 0; k < 3; k++) {
                if (!box.periodic(k)) continue;
                double fl = Math.floor(s[k]);
                if (fl != 0) {
                    s[k] -= fl;
                    image[3 * i + k] += (int) fl;
                    moved = true;
                }
            }
            if (moved) box.toCartesian(s, 0, x, 3 * i);
        }
    }

    public double totalCharge() {
        double s = 0;
        for (double q : charge) s += q;
        return s;
    }

    /**
     * This state repeated {@code nx} times along the first cell vector (the study replicates 2x in x before tension):
     * copies shifted by k a, ids renumbered 1..N*nx in copy order, velocities and charges copied.
     */
    public MdState replicateX(int nx) {
        if (nx < 1) throw new IllegalArgumentException("replication count must be >= 1, got " + nx);
        if (box.isTriclinic()) throw new UnsupportedOperationException("replication of triclinic boxes is not implemented");
        double[] u = unwrappedPositions();
        int m = n * nx;
        long[] nid = new long[m];
        int[] sp = new int[m];
        double[] q = new double[m], ms = new double[m], nxp = new double[3 * m], nv = new double[3 * m];
        for (int k = 0; k < nx; k++) {
            for (int i = 0; i < n; i++) {
                int j = k * n + i;
                nid[j] = j + 1;
                sp[j] = species[i]; q[j] = charge[i]; ms[j] = mass[i];
                nxp[3 * j] = u[3 * i] + k * box.lx(); nxp[3 * j + 1] = u[3 * i + 1]; nxp[3 * j + 2] = u[3 * i + 2];
                nv[3 * j] = v[3 * i]; nv[3 * j + 1] = v[3 * i + 1]; nv[3 * j + 2] = v[3 * i + 2];
            }
        }
        Box nb = new Box(box.xlo(), box.ylo(), box.zlo(), box.lx() * nx, box.ly(), box.lz(), 0, 0, 0,
                box.periodic(0), box.periodic(1), box.periodic(2));
        MdState r = new MdState(nb, nid, speciesNames, sp, q, ms, nxp, nv, null);
        r.wrap();
        r.step = step;
        return r;
    }
}
