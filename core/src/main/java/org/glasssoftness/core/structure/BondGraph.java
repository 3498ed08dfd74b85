package org.glasssoftness.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.parallel.Workers;

/**
 * Bonds of one frame: atom pairs closer than their pair's cutoff, as compressed per-atom lists (neighbour index and
 * bond vector r_j - r_i in Å). Each atom's list is built by one task in the neighbour search's fixed order, so the
 * graph does not depend on the number of threads.
 */
final class BondGraph {
    /** Neighbours of atom i are entries start[i] .. start[i+1]-1. */
    final int[] start;
    final int[] neighbor;
    /** dx, dy, dz, r per entry. */
    final double[] bond;

    private BondGraph(int[] start, int[] neighbor, double[] bond) {
        this.start = start;
        this.neighbor = neighbor;
        this.bond = bond;
    }

    int degree(int i) { return start[i + 1] - start[i]; }

    static BondGraph build(Frame f, double[][] cutoff, ExecutorService pool, int chunks) throws InterruptedException {
        double max = 0;
        for (double[] row : cutoff) for (double c : row) max = Math.max(max, c);
        int n = f.atomCount();
        if (max == 0) return new BondGraph(new int[n + 1], new int[0], new double[0]);
        double[][] cut2 = new double[cutoff.length][cutoff.length];
        for (int a = 0; a < cutoff.length; a++) for (int b = 0; b < cutoff.length; b++) cut2[a][b] = cutoff[a][b] * cutoff[a][b];
        NeighborSearch ns = new NeighborSearch(f.box(), f.positions(), max);
        int[] sp = f.species();
        int c = pool == null ? 1 : Math.max(1, Math.min(chunks, n));
        List<Future<Part>> futures = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            int lo = (int) ((long) n * t / c), hi = (int) ((long) n * (t + 1) / c);
            if (pool == null) parts.add(part(ns, sp, cut2, lo, hi));
            else futures.add(pool.submit(() -> part(ns, sp, cut2, lo, hi)));
        }
        for (Future<Part> fu : futures) parts.add(Workers.get(fu));
        int total = 0;
        for (Part p : parts) total += p.size;
        int[] start = new int[n + 1];
        int[] nb = new int[total];
        double[] bond = new double[4 * total];
        int o = 0;
        for (Part p : parts) {
            for (int i = p.lo; i < p.hi; i++) start[i + 1] = start[i] + p.count[i - p.lo];
            System.arraycopy(p.nb, 0, nb, o, p.size);
            System.arraycopy(p.bond, 0, bond, 4 * o, 4 * p.size);
            o += p.size;
        }
        return new BondGraph(start, nb, bond);
    }

    private static final class Part {
        int lo, hi, size;
        int[] count;
        int[] nb = new int[64];
        double[] bond = new double[256];
    }

    private static Part part(NeighborSearch ns, int[] sp, double[][] cut2, int lo, int hi) {
        Part p = new Part();
        p.lo = lo;
        p.hi = hi;
        p.count = new int[hi - lo];
        for (int i = lo; i < hi; i++) {
            final int ii = i;
            ns.forEachNeighbor(i, (a, j, dx, dy, dz, r2) -> {
                if (r2 >= cut2[sp[a]][sp[j]]) return;
                if (p.size == p.nb.length) {
                    p.nb = Arrays.copyOf(p.nb, 2 * p.size);
                    p.bond = Arrays.copyOf(p.bond, 8 * p.size);
                }
                p.nb[p.size] = j;
                p.bond[4 * p.size] = dx;
                p.bond[4 * p.size + 1] = dy;
                p.bond[4 * p.size + 2] = dz;
                p.bond[4 * p.size + 3] = Math.sqrt(r2);
                p.size++;
                p.count[ii - lo]++;
            });
        }
        return p;
    }
}
