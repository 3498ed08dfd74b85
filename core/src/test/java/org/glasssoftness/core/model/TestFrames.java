package org.glasssoftness.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Small frames built directly for the analysis tests (structure, dynamics). */
public final class TestFrames {
    private TestFrames() { }

    public static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = i + 1;
        return ids;
    }

    /** A frame with ids 1..N, species given per atom by name. */
    public static Frame frame(long step, Box box, String[] speciesPerAtom, double[] pos, boolean unwrapped, int[] images) {
        List<String> names = new ArrayList<>();
        int[] sp = new int[speciesPerAtom.length];
        for (int i = 0; i < sp.length; i++) {
            int s = names.indexOf(speciesPerAtom[i]);
            if (s < 0) {
                names.add(speciesPerAtom[i]);
                s = names.size() - 1;
            }
            sp[i] = s;
        }
        return new Frame(step, box, ids(sp.length), null, names, sp, pos, unwrapped, images, null, null);
    }

    public static String[] all(String s, int n) {
        String[] a = new String[n];
        Arrays.fill(a, s);
        return a;
    }

    /** N random fractional coordinates in [0,1)^3 turned into Cartesian positions in the box. */
    public static double[] randomInBox(Box box, int n, long seed) {
        Random r = new Random(seed);
        double[] pos = new double[3 * n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            s[0] = r.nextDouble(); s[1] = r.nextDouble(); s[2] = r.nextDouble();
            box.toCartesian(s, 0, pos, 3 * i);
        }
        return pos;
    }

    public static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** A frame at timestep 0 with ids 1..N and LAMMPS type = species index + 1. */
    public static Frame frame(Box box, List<String> species, int[] speciesOf, double[] positions) {
        int n = speciesOf.length;
        long[] ids = new long[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            types[i] = speciesOf[i] + 1;
        }
        return new Frame(0, box, ids, types, species, speciesOf, positions, false, null, null, null);
    }

    /** Uniform random points (as {@link #randomInBox}): the first counts[0] atoms species 0, etc. */
    public static Frame idealGas(Box box, List<String> species, int[] counts, long seed) {
        int n = 0;
        for (int c : counts) n += c;
        int[] sp = new int[n];
        int i = 0;
        for (int a = 0; a < counts.length; a++) {
            for (int k = 0; k < counts[a]; k++) sp[i++] = a;
        }
        return frame(box, species, sp, randomInBox(box, n, seed));
    }

    /** fcc sites of lattice constant a inside the cell of {@code box} (whose edges must be lattice vectors). */
    public static Frame fcc(Box box, double a, String element) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        return sites(box, a, basis, new int[] {0, 0, 0, 0}, List.of(element));
    }

    /** Rock salt (NaCl structure) of lattice constant a: cation species 0 at fcc sites, anion 1 shifted by a/2. */
    public static Frame rockSalt(Box box, double a, String cation, String anion) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
                            {0.5, 0, 0}, {0, 0.5, 0}, {0, 0, 0.5}, {0.5, 0.5, 0.5}};
        return sites(box, a, basis, new int[] {0, 0, 0, 0, 1, 1, 1, 1}, List.of(cation, anion));
    }

    /** Every lattice site (cubic cells of edge a with the given basis) whose fractional coordinates lie in [0,1). */
    public static Frame sites(Box box, double a, double[][] basis, int[] basisSpecies, List<String> species) {
        double maxLen = Math.abs(box.lx()) + Math.abs(box.ly()) + Math.abs(box.lz())
                + Math.abs(box.xy()) + Math.abs(box.xz()) + Math.abs(box.yz());
        int m = (int) Math.ceil(maxLen / a) + 1;
        List<double[]> pos = new ArrayList<>();
        List<Integer> sp = new ArrayList<>();
        double[] r = new double[3];
        double[] s = new double[3];
        for (int i = -m; i <= m; i++) {
            for (int j = -m; j <= m; j++) {
                for (int k = -m; k <= m; k++) {
                    for (int b = 0; b < basis.length; b++) {
                        r[0] = box.xlo() + (i + basis[b][0]) * a;
                        r[1] = box.ylo() + (j + basis[b][1]) * a;
                        r[2] = box.zlo() + (k + basis[b][2]) * a;
                        box.toFractional(r, 0, s, 0);
                        boolean inside = true;
                        for (int d = 0; d < 3; d++) {
                            // snap round-off so that sites on a face are taken exactly once
                            double v = Math.abs(s[d] - Math.rint(s[d])) < 1e-9 ? Math.rint(s[d]) : s[d];
                            s[d] = v;
                            if (v < 0 || v >= 1) inside = false;
                        }
                        if (inside) {
                            pos.add(r.clone());
                            sp.add(basisSpecies[b]);
                        }
                    }
                }
            }
        }
        double[] p = new double[3 * pos.size()];
        int[] spi = new int[pos.size()];
        for (int i = 0; i < pos.size(); i++) {
            System.arraycopy(pos.get(i), 0, p, 3 * i, 3);
            spi[i] = sp.get(i);
        }
        return frame(box, species, spi, p);
    }
}
