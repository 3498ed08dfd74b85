package org.glasssoftness.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * The bundled LiBP melt (480 atoms, 10 frames) against a brute-force O(N^2) minimum-image loop written here, which
 * shares no code with the cell lists: pair counts per bin, coordination numbers, [n]B fractions and Q^n of P.
 */
class SampleGlassCrossCheckTest {

    private static Trajectory sample() throws Exception {
        return LammpsDumpReader.open(SampleTrajectory.file(), DumpReadOptions.of(TypeMap.parse(SampleTrajectory.TYPE_MAP)),
                Progress.NONE);
    }

    private static double dist(Frame f, int i, int j) {
        Box b = f.box();
        double[] x = f.positions();
        double[] d = {x[3 * j] - x[3 * i], x[3 * j + 1] - x[3 * i + 1], x[3 * j + 2] - x[3 * i + 2]};
        for (int k = 0; k < 3; k++) {
            double l = k == 0 ? b.lx() : k == 1 ? b.ly() : b.lz();
            d[k] -= l * Math.rint(d[k] / l);
        }
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }

    @Test
    void pairCountsMatchBruteForce() throws Exception {
        try (Trajectory t = sample()) {
            RdfResult res = new PairDistribution(8.0, 0.1, false, 2).compute(t, new FrameSelection(0, -1, 3), Progress.NONE);
            List<String> sp = t.info().speciesNames();
            int s = sp.size();
            long[][][] brute = new long[s][s][80];
            for (int k = 0; k < t.frameCount(); k += 3) {
                Frame f = t.frame(k);
                int n = f.atomCount();
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        double r = dist(f, i, j);
                        if (r >= 8.0) continue;
                        int bin = (int) (r / 0.1);
                        brute[f.species()[i]][f.species()[j]][bin]++;
                    }
                }
            }
            for (int a = 0; a < s; a++) {
                for (int b = a; b < s; b++) {
                    long[] expected = new long[80];
                    for (int k = 0; k < 80; k++) {
                        expected[k] = a == b ? 2 * brute[a][a][k] : brute[a][b][k] + brute[b][a][k];
                    }
                    assertArrayEquals(expected, res.counts(sp.get(a), sp.get(b)), sp.get(a) + "-" + sp.get(b));
                }
            }
            assertEquals(4, res.frameCount());
        }
    }

    @Test
    void coordinationMatchesBruteForce() throws Exception {
        try (Trajectory t = sample()) {
            Frame f = t.frame(4);
            CoordinationResult res = new CoordinationAnalysis(CoordinationAnalysis.Settings.defaults().withThreads(3))
                    .compute(f);
            int n = f.atomCount();
            int b = f.speciesIndex("B"), o = f.speciesIndex("O"), p = f.speciesIndex("P");
            int[] cn = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) continue;
                    int si = f.species()[i], sj = f.species()[j];
                    boolean pair = (si == o && (sj == b || sj == p)) || (sj == o && (si == b || si == p));
                    if (pair && dist(f, i, j) < 2.0) cn[i]++;
                }
            }
            assertArrayEquals(cn, res.table("coordination_atoms").column("cn").ints());
            int b3 = 0, b4 = 0, nb = 0;
            int[] q = new int[6];
            for (int i = 0; i < n; i++) {
                if (f.species()[i] == b) {
                    nb++;
                    if (cn[i] == 3) b3++;
                    if (cn[i] == 4) b4++;
                }
                if (f.species()[i] == p) {
                    int bridging = 0;
                    for (int j = 0; j < n; j++) {
                        if (f.species()[j] == o && dist(f, i, j) < 2.0 && cn[j] >= 2) bridging++;
                    }
                    q[bridging]++;
                }
            }
            assertEquals((double) b3 / nb, res.summaryValue("fraction_[3]B"), 1e-15);
            assertEquals((double) b4 / nb, res.summaryValue("fraction_[4]B"), 1e-15);
            int np = f.speciesCounts()[p];
            for (int k = 0; k < q.length; k++) {
                if (q[k] > 0) assertEquals((double) q[k] / np, res.summaryValue("fraction_Q" + k + "_P"), 1e-15);
            }
            // the per-atom table does not depend on the number of threads
            CoordinationResult one = new CoordinationAnalysis(CoordinationAnalysis.Settings.defaults().withThreads(1))
                    .compute(f);
            for (String name : List.of("coordination_atoms", "coordination_states", "bond_angles")) {
                ResultTable x = one.table(name), y = res.table(name);
                for (int c = 0; c < x.columnCount(); c++) {
                    for (int r = 0; r < x.rowCount(); r++) {
                        assertEquals(x.columns().get(c).text(r), y.columns().get(c).text(r), name);
                    }
                }
            }
        }
    }

    @Test
    void cancellingStopsWithoutAResult() throws Exception {
        try (Trajectory t = sample()) {
            for (int threads : new int[] {1, 2}) {
                Progress cancelAfterFirst = new Progress() {
                    boolean reported;

                    @Override
                    public void report(double fraction, String message) {
                        reported = true;
                    }

                    @Override
                    public boolean isCanceled() {
                        return reported;
                    }
                };
                assertThrows(CancelledException.class, () -> new PairDistribution(8.0, 0.1, false, threads)
                        .compute(t, FrameSelection.all(), cancelAfterFirst));
            }
        }
    }
}
