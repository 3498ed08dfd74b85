package org.glasssoftness.core.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.parallel.Workers;

/**
 * Distance histogram of one frame per unordered species pair, in ordered-pair counts: bin k of pair (a, b) holds the
 * number of ordered pairs (x in a, y in b, periodic image) with k dr &lt;= |r_y - r_x| &lt; (k+1) dr, so a like pair
 * counts twice. Counts are integers, so the result does not depend on how the work is split among threads.
 */
final class PairHistogram {
    /** Neighbour-search bins per r_max (finer bins scan less empty volume); set by -Dglasssoftness.rdf.bins for tuning. */
    static final int BINS_PER_CUTOFF = Integer.getInteger("glasssoftness.rdf.bins", 2);

    private PairHistogram() { }

    /** Counts of one frame, serially, with the half-stencil pair traversal (each pair visited once). */
    static long[] count(Frame f, SpeciesPairs pairs, int bins, double rMax) {
        NeighborSearch ns = new NeighborSearch(f.box(), f.positions(), rMax, BINS_PER_CUTOFF);
        long[] h = new long[pairs.pairCount() * bins];
        int[] sp = f.species();
        int s = pairs.speciesCount();
        // offset of pair (a, b) in h, and the ordered-pair weight (2 for a like pair), indexed a * s + b
        int[] offset = new int[s * s];
        int[] weight = new int[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                offset[a * s + b] = pairs.index(a, b) * bins;
                weight[a * s + b] = a == b ? 2 : 1;
            }
        }
        double inv = bins / rMax;
        int last = bins - 1;
        ns.forEachPairUnordered((i, j, dx, dy, dz, r2) -> {
            int ab = sp[i] * s + sp[j];
            int bin = (int) (Math.sqrt(r2) * inv);
            h[offset[ab] + Math.min(bin, last)] += weight[ab];
        });
        return h;
    }

    /**
     * Counts of one frame with its atoms split among {@code chunks} tasks on {@code pool}; each task scans full
     * neighbour lists of its atoms and keeps j &gt; i (and every image of i itself, which a full list shows once per
     * direction), so the sum equals {@link #count}.
     */
    static long[] countParallel(Frame f, SpeciesPairs pairs, int bins, double rMax, ExecutorService pool, int chunks)
            throws InterruptedException {
        NeighborSearch ns = new NeighborSearch(f.box(), f.positions(), rMax, BINS_PER_CUTOFF);
        int n = f.atomCount();
        int[] sp = f.species();
        int[][] pairIndex = pairMatrix(pairs);
        double inv = bins / rMax;
        int last = bins - 1;
        int size = pairs.pairCount() * bins;
        List<Future<long[]>> parts = new ArrayList<>();
        int c = Math.max(1, Math.min(chunks, n));
        for (int t = 0; t < c; t++) {
            int lo = (int) ((long) n * t / c), hi = (int) ((long) n * (t + 1) / c);
            parts.add(pool.submit(() -> {
                long[] h = new long[size];
                for (int i = lo; i < hi; i++) {
                    ns.forEachNeighbor(i, (ii, j, dx, dy, dz, r2) -> {
                        if (j < ii) return;
                        int a = sp[ii], b = sp[j];
                        int bin = (int) (Math.sqrt(r2) * inv);
                        if (bin > last) bin = last;
                        h[pairIndex[a][b] * bins + bin] += (j == ii || a != b) ? 1 : 2;
                    });
                }
                return h;
            }));
        }
        long[] total = new long[size];
        for (Future<long[]> p : parts) {
            long[] h = Workers.get(p);
            for (int k = 0; k < size; k++) total[k] += h[k];
        }
        return total;
    }

    static int[][] pairMatrix(SpeciesPairs pairs) {
        int s = pairs.speciesCount();
        int[][] m = new int[s][s];
        for (int a = 0; a < s; a++) for (int b = 0; b < s; b++) m[a][b] = pairs.index(a, b);
        return m;
    }
}
