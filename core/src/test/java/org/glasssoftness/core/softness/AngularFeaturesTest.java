package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AngularFeaturesTest {
    static final List<String> SPECIES = RadialFeaturesTest.SPECIES;

    static Frame frame(Box box, int[] species, double[] pos) {
        return RadialFeaturesTest.frame(box, species, pos);
    }

    static AngularDefinition def(String focus, List<String> nb, double rc) {
        return new AngularDefinition(focus, nb, rc, List.of(1.5, 2.0, 3.0), List.of(-1, 1), List.of(1.0, 2.0, 4.0));
    }

    @Test
    void threeAtomsByHand() {
        // B at (5,5,5), O at 1.4 Å along x and O at 1.6 Å at 60° from it: cos = 1/2, r_jk^2 = a^2 + b^2 - a b
        double a = 1.4, b = 1.6;
        double c60 = 0.5, s60 = Math.sqrt(3) / 2;
        Frame f = frame(Box.cubic(40), new int[] {1, 2, 2},
                new double[] {5, 5, 5, 5 + a, 5, 5, 5 + b * c60, 5 + b * s60, 5});
        AngularDefinition d = def("B", List.of("O"), 4.0);
        AngularFeatureSet fs = new AngularFeatures(d).compute(f, 0);
        assertEquals(1, fs.rows());
        assertEquals(18, fs.featureCount());
        double s = a * a + b * b + (a * a + b * b - a * b);
        int q = 0;
        for (double xi : d.xis()) {
            for (int l : d.lambdas()) {
                for (double z : d.zetas()) {
                    double want = Math.exp(-s / (xi * xi)) * Math.pow(1 + l * 0.5, z);
                    assertEquals(want, fs.values()[q], 1e-15 * Math.max(1, want), d.featureNames().get(q));
                    q++;
                }
            }
        }
        // exact numbers of two entries: xi = 2, lambda = +1, zeta = 2 and lambda = -1, zeta = 1
        assertEquals("Psi_O-O_xi2.0_l+1_z2", d.featureNames().get(10));
        assertEquals(Math.exp(-(2 * 1.96 + 2 * 2.56 - 2.24) / 4) * 2.25, fs.values()[10], 1e-15);
        assertEquals("Psi_O-O_xi2.0_l-1_z1", d.featureNames().get(6));
        assertEquals(Math.exp(-(2 * 1.96 + 2 * 2.56 - 2.24) / 4) * 0.5, fs.values()[6], 1e-15);
    }

    @Test
    void fourAtomsBySpeciesPair() {
        // B at the centre, O1 at +a x, O2 at +a y, Li at -c x: angles O1-B-O2 90°, Li-B-O1 180°, Li-B-O2 90°
        double a = 1.5, c = 2.1, x0 = 7, y0 = 8, z0 = 9;
        Frame f = frame(Box.cubic(30), new int[] {1, 2, 2, 0},
                new double[] {x0, y0, z0, x0 + a, y0, z0, x0, y0 + a, z0, x0 - c, y0, z0});
        AngularDefinition d = new AngularDefinition("B", List.of("Li", "O"), 3.0, List.of(2.5), List.of(1, -1), List.of(1.0, 3.0));
        AngularFeatureSet fs = new AngularFeatures(d).compute(f, 2);
        assertEquals(List.of("Psi_Li-Li_xi2.5_l+1_z1", "Psi_Li-Li_xi2.5_l+1_z3", "Psi_Li-Li_xi2.5_l-1_z1",
                "Psi_Li-Li_xi2.5_l-1_z3", "Psi_Li-O_xi2.5_l+1_z1", "Psi_Li-O_xi2.5_l+1_z3", "Psi_Li-O_xi2.5_l-1_z1",
                "Psi_Li-O_xi2.5_l-1_z3", "Psi_O-O_xi2.5_l+1_z1", "Psi_O-O_xi2.5_l+1_z3", "Psi_O-O_xi2.5_l-1_z1",
                "Psi_O-O_xi2.5_l-1_z3"), d.featureNames());
        double[] v = fs.values();
        double x2 = 2.5 * 2.5;
        double linear = Math.exp(-(c * c + a * a + (a + c) * (a + c)) / x2); // Li-B-O1, cos = -1
        double right = Math.exp(-(2 * c * c + 2 * a * a) / x2);              // Li-B-O2, cos = 0
        double oo = Math.exp(-(4 * a * a) / x2);                            // O1-B-O2, cos = 0
        for (int k = 0; k < 4; k++) assertEquals(0.0, v[k], 0.0, "no Li-Li pair");
        assertEquals(right, v[4], 1e-15);                    // lambda +1: (1 - 1)^z = 0 for the linear pair
        assertEquals(right, v[5], 1e-15);
        assertEquals(2 * linear + right, v[6], 1e-15);       // lambda -1: (1 + 1)^1
        assertEquals(8 * linear + right, v[7], 1e-15);       // (1 + 1)^3
        for (int k = 8; k < 12; k++) assertEquals(oo, v[k], 1e-15);
        assertEquals(2, fs.frame()[0]);
        assertEquals(10L, fs.ids()[0]);
        assertEquals("B", fs.species()[0]);
    }

    @Test
    void acrossPeriodicBoundary() {
        // Li at x = 0.2; O at x = 19.2 (1.0 Å away through the boundary) and O at (0.2, 1.3 + 10): the angle at Li is 90°
        Box box = Box.cubic(20);
        Frame f = frame(box, new int[] {0, 2, 2}, new double[] {0.2, 10, 10, 19.2, 10, 10, 0.2, 11.3, 10});
        AngularDefinition d = new AngularDefinition("Li", List.of("O"), 3.0, List.of(1.0), List.of(1), List.of(1.0));
        AngularFeatureSet fs = new AngularFeatures(d).compute(f, 0);
        double s = 1.0 + 1.69 + (1.0 + 1.69);
        assertEquals(Math.exp(-s), fs.values()[0], 1e-14);
    }

    /**
     * Brute force straight from the definition: every image of every atom within R_c of the focus atom (lattice
     * shifts up to +-4), every unordered pair of distinct image points, Math.exp and Math.pow.
     */
    static double[] bruteForce(Frame f, AngularDefinition d) {
        Box bx = f.box();
        double[] pos = f.positions();
        List<String> nb = d.neighbourSpecies();
        int[] focus = FocusAtoms.of(f, d.focusSpecies());
        double[] out = new double[focus.length * d.featureCount()];
        int m = 4;
        for (int row = 0; row < focus.length; row++) {
            int i = focus[row];
            java.util.List<double[]> pts = new java.util.ArrayList<>();
            for (int j = 0; j < f.atomCount(); j++) {
                int slot = nb.indexOf(f.speciesOf(j));
                if (slot < 0) continue;
                for (int a = -m; a <= m; a++) for (int b = -m; b <= m; b++) for (int c = -m; c <= m; c++) {
                    if (i == j && a == 0 && b == 0 && c == 0) continue;
                    double dx = pos[3 * j] - pos[3 * i] + a * bx.lx() + b * bx.xy() + c * bx.xz();
                    double dy = pos[3 * j + 1] - pos[3 * i + 1] + b * bx.ly() + c * bx.yz();
                    double dz = pos[3 * j + 2] - pos[3 * i + 2] + c * bx.lz();
                    if (Math.sqrt(dx * dx + dy * dy + dz * dz) < d.cutoff()) pts.add(new double[] {dx, dy, dz, slot});
                }
            }
            for (int p = 0; p < pts.size(); p++) {
                for (int q = p + 1; q < pts.size(); q++) {
                    double[] u = pts.get(p), w = pts.get(q);
                    double ru = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                    double rw = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
                    double rjk2 = Math.pow(u[0] - w[0], 2) + Math.pow(u[1] - w[1], 2) + Math.pow(u[2] - w[2], 2);
                    double cos = (u[0] * w[0] + u[1] * w[1] + u[2] * w[2]) / (ru * rw);
                    int block = d.pairIndex((int) u[3], (int) w[3]) * d.featuresPerPair();
                    for (int k = 0; k < d.xis().size(); k++) {
                        double xi = d.xis().get(k);
                        double g = Math.exp(-(ru * ru + rw * rw + rjk2) / (xi * xi));
                        for (int l = 0; l < d.lambdas().size(); l++) {
                            for (int z = 0; z < d.zetas().size(); z++) {
                                out[row * d.featureCount() + block + d.offset(k, l, z)] +=
                                        g * Math.pow(1 + d.lambdas().get(l) * cos, d.zetas().get(z));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void triclinicBoxWithCutoffBeyondHalfBoxMatchesBruteForce() {
        // R_c = 4.5 Å in a ~7 Å triclinic cell: several images of one neighbour (and of the focus atom) form pairs
        Box box = new Box(0, 0, 0, 7.0, 6.5, 7.5, 1.2, -0.8, 0.6, true, true, true);
        Frame f = RadialFeaturesTest.randomFrame(box, 24, 9);
        AngularDefinition d = new AngularDefinition("B", SPECIES, 4.5, List.of(1.5, 2.5, 4.0), List.of(-1, 1),
                List.of(1.0, 2.0, 2.5));
        AngularFeatureSet fs = new AngularFeatures(d).compute(f, 0);
        double[] ref = bruteForce(f, d);
        assertEquals(ref.length, fs.values().length);
        assertEquals(6 * 10 * 18, ref.length);
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], fs.values()[k], 1e-10 * Math.max(1e-3, Math.abs(ref[k])), "feature " + k);
        }
        // self images: the B-B block is non-zero although each B's nearest other B may be far
        int bb = d.pairIndex(1, 1) * d.featuresPerPair();
        for (int row = 0; row < 6; row++) assertTrue(fs.values()[row * d.featureCount() + bb + 1] > 0);
    }

    @Test
    void threadCountDoesNotChangeBits() throws Exception {
        Frame f = RadialFeaturesTest.randomFrame(Box.cubic(14), 300, 4);
        AngularDefinition d = AngularDefinition.defaults("Li", SPECIES);
        double[] common = new AngularFeatures(d).compute(f, 0).values();
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> new AngularFeatures(d).compute(f, 0).values()).get();
            assertArrayEquals(common, single, 0.0);
        } finally {
            one.shutdown();
        }
        assertEquals(75 * 160, common.length);
    }

    @Test
    void cancelStopsAndProgressReports() {
        Frame f = RadialFeaturesTest.randomFrame(Box.cubic(14), 300, 4);
        AngularDefinition d = AngularDefinition.defaults("Li", SPECIES);
        double[] last = {0};
        Progress track = new Progress() {
            @Override
            public void report(double fraction, String message) { last[0] = Math.max(last[0], fraction); }

            @Override
            public boolean isCanceled() { return false; }
        };
        new AngularFeatures(d).compute(f, 0, track);
        assertEquals(1.0, last[0], 1e-12);
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) { }

            @Override
            public boolean isCanceled() { return true; }
        };
        assertThrows(CancelledException.class, () -> new AngularFeatures(d).compute(f, 0, cancelled));
    }

    @Test
    void definitionAndMissingSpeciesErrors() {
        assertThrows(IllegalArgumentException.class, () -> new AngularDefinition("B", List.of("O"), 5, List.of(2.0), List.of(2), List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new AngularDefinition("B", List.of("O"), 5, List.of(0.0), List.of(1), List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new AngularDefinition("B", List.of("O"), 5, List.of(2.0), List.of(1), List.of(-1.0)));
        assertThrows(IllegalArgumentException.class, () -> new AngularDefinition("B", List.of("O", "O"), 5, List.of(2.0), List.of(1), List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new AngularDefinition("B", List.of("O"), 0, List.of(2.0), List.of(1), List.of(1.0)));
        Frame f = frame(Box.cubic(20), new int[] {1, 2}, new double[] {1, 1, 1, 2, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AngularFeatures(def("B", List.of("O", "Li"), 4)).compute(f, 0));
        assertTrue(e.getMessage().contains("[Li]") && e.getMessage().contains("timestep 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AngularFeatures(def("P", List.of("O"), 4)).compute(f, 0));
        assertEquals("Psi_B-O_xi0.75_l-1_z0.5", AngularDefinition.featureName("B", "O", 0.75, -1, 0.5));
        assertEquals("Psi_O-O_xi10.0_l+1_z16", AngularDefinition.featureName("O", "O", 10, 1, 16));
    }

    @Test
    void definitionFromSettingsText() {
        // the defaults the node and the CLI show are the papers' grid: xi 1.5..3 Å, zeta 1 and 2, lambda -1 and +1
        assertEquals(List.of(1.5, 2.0, 2.5, 3.0), AngularDefinition.DEFAULT_XIS);
        assertEquals(List.of(1.0, 2.0), AngularDefinition.DEFAULT_ZETAS);
        assertEquals("6.0", AngularDefinition.DEFAULT_CUTOFF_TEXT);
        AngularDefinition d = AngularDefinition.of("B", List.of(), List.of("Li", "O"), 5, " 2 , ,3.5", "xi", "1", "zeta");
        assertEquals(List.of("Li", "O"), d.neighbourSpecies(), "empty angular neighbours = the radial ones");
        assertEquals(List.of(2.0, 3.5), d.xis());
        assertEquals(List.of(-1, 1), d.lambdas());
        assertEquals(3 * 2 * 2 * 1, d.featureCount(), "3 pairs of Li, O x 2 xi x 2 lambda x 1 zeta");
        assertEquals(List.of("O"), AngularDefinition.of("B", List.of("O"), List.of("Li", "O"), 5, "2", "xi", "1", "zeta")
                .neighbourSpecies());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AngularDefinition.of("B", List.of(), List.of("O"), 5, "2,x", "--angular-xi", "1", "--angular-zeta"));
        assertEquals("--angular-xi must be comma-separated numbers, got '2,x'", e.getMessage());
    }

    @Test
    void structureTableAppendsAngularColumns() throws IOException {
        try (Trajectory t = SampleTrajectory.open()) {
            FeatureDefinition rd = new FeatureDefinition("B", SPECIES, 0.5, 5.0, 0.5);
            AngularDefinition ad = new AngularDefinition("B", List.of("O", "P"), 4.0, List.of(2.0), List.of(-1, 1), List.of(1.0));
            ResultTable radialOnly = new StructureFeatures(rd, null).compute(t, new FrameSelection(0, 1, 1), Progress.NONE);
            ResultTable plain = new RadialFeatures(rd).compute(t, new FrameSelection(0, 1, 1), Progress.NONE).toTable("features");
            assertEquals(plain.columnCount(), radialOnly.columnCount());
            for (int c = 0; c < plain.columnCount(); c++) {
                assertEquals(plain.columns().get(c).name(), radialOnly.columns().get(c).name());
                for (int r = 0; r < plain.rowCount(); r++) {
                    assertEquals(plain.columns().get(c).text(r), radialOnly.columns().get(c).text(r));
                }
            }
            ResultTable both = new StructureFeatures(rd, ad).compute(t, new FrameSelection(0, 1, 1), Progress.NONE);
            assertEquals(plain.columnCount() + 3 * 2, both.columnCount());
            assertEquals(120, both.rowCount());
            AngularFeatureSet a1 = new AngularFeatures(ad).compute(t.frame(1), 1);
            double[] col = both.column("Psi_O-P_xi2.0_l+1_z1").doubles();
            for (int r = 0; r < 60; r++) assertEquals(a1.values()[r * 6 + 3], col[60 + r], 0.0);
            assertThrows(IllegalArgumentException.class, () -> new StructureFeatures(rd, AngularDefinition.defaults("Li", SPECIES)));
        }
    }

    /** The sample's frame 0 written for NumPy: box line, then "species x y z" per atom. */
    static final String NUMPY = String.join("\n",
            "import sys, itertools, numpy as np",
            "lines = open(sys.argv[1]).read().split('\\n')",
            "L = np.array([float(v) for v in lines[0].split()])",
            "rc = float(sys.argv[2]); focus = sys.argv[3]; nb = sys.argv[4].split(',')",
            "xis = [float(v) for v in sys.argv[5].split(',')]; lams = [int(v) for v in sys.argv[6].split(',')]",
            "zetas = [float(v) for v in sys.argv[7].split(',')]",
            "rows = [l.split() for l in lines[1:] if l.strip()]",
            "sp = np.array([r[0] for r in rows]); X = np.array([[float(v) for v in r[1:]] for r in rows])",
            "m = len(nb); pairs = [(a, b) for a in range(m) for b in range(a, m)]",
            "shifts = np.array(list(itertools.product(range(-1, 2), repeat=3)), float) * L",
            "out = []",
            "for i in np.where(sp == focus)[0]:",
            "    vec = []; slot = []",
            "    for j in range(len(sp)):",
            "        if sp[j] not in nb: continue",
            "        d = X[j] - X[i] + shifts",
            "        r = np.sqrt((d * d).sum(1))",
            "        keep = (r < rc) & (r > 0)",
            "        for v in d[keep]: vec.append(v); slot.append(nb.index(sp[j]))",
            "    vec = np.array(vec); slot = np.array(slot)",
            "    a, b = np.triu_indices(len(vec), 1)",
            "    u, w = vec[a], vec[b]",
            "    ru2 = (u * u).sum(1); rw2 = (w * w).sum(1); rjk2 = ((u - w) ** 2).sum(1)",
            "    cos = (u * w).sum(1) / np.sqrt(ru2 * rw2)",
            "    lo = np.minimum(slot[a], slot[b]); hi = np.maximum(slot[a], slot[b])",
            "    row = []",
            "    for (p, q) in pairs:",
            "        sel = (lo == p) & (hi == q)",
            "        for xi in xis:",
            "            g = np.exp(-(ru2[sel] + rw2[sel] + rjk2[sel]) / xi ** 2)",
            "            for lam in lams:",
            "                for z in zetas:",
            "                    row.append((g * (1 + lam * cos[sel]) ** z).sum())",
            "    out.append(row)",
            "for row in out: print(' '.join(repr(float(v)) for v in row))",
            "");

    @Test
    void bundledSampleAgainstNumPyBruteForce(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(numpyAvailable(), "python3-numpy is not installed");
        Frame f;
        try (Trajectory t = SampleTrajectory.open()) {
            f = t.frame(0);
        }
        // R_c = 6 Å < half the 17.35 Å box: shifts of -1..1 reach every image within R_c
        AngularDefinition d = new AngularDefinition("B", SPECIES, 6.0, List.of(1.5, 2.0, 3.0), List.of(-1, 1),
                List.of(1.0, 2.0, 4.0));
        AngularFeatureSet fs = new AngularFeatures(d).compute(f, 0);
        StringBuilder sb = new StringBuilder();
        sb.append(f.box().lx()).append(' ').append(f.box().ly()).append(' ').append(f.box().lz()).append('\n');
        for (int i = 0; i < f.atomCount(); i++) {
            sb.append(f.speciesOf(i));
            for (int k = 0; k < 3; k++) sb.append(' ').append(f.positions()[3 * i + k]);
            sb.append('\n');
        }
        Files.writeString(dir.resolve("atoms.txt"), sb.toString(), StandardCharsets.UTF_8);
        String[] lines = FeatureComparisonTest.run(dir, NUMPY, dir.resolve("atoms.txt").toString(), "6.0", "B",
                "Li,B,O,P", "1.5,2.0,3.0", "-1,1", "1,2,4").split("\n");
        assertEquals(60, lines.length);
        assertEquals(60, fs.rows());
        int dcount = d.featureCount();
        assertEquals(10 * 18, dcount);
        double maxRel = 0;
        for (int r = 0; r < 60; r++) {
            String[] cells = lines[r].trim().split(" ");
            assertEquals(dcount, cells.length);
            for (int k = 0; k < dcount; k++) {
                double want = Double.parseDouble(cells[k]), got = fs.values()[r * dcount + k];
                assertEquals(want, got, 1e-10 * Math.max(1e-3, Math.abs(want)),
                        String.format(Locale.ROOT, "B row %d %s", r, d.featureNames().get(k)));
                if (want != 0) maxRel = Math.max(maxRel, Math.abs(got - want) / Math.abs(want));
            }
        }
        assertTrue(maxRel < 1e-10, "max relative deviation " + maxRel);
        // the features vary between atoms: an all-zero or constant column would make this test meaningless
        assertTrue(fs.values()[d.featureNames().indexOf("Psi_O-O_xi2.0_l+1_z1")] > 0.1);
    }

    static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
