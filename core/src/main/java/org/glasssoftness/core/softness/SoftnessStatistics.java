package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.table.ResultTable;

/** Softness distributions per group and the probability of rearrangement versus softness (the study's Fig. 4b-d). */
public final class SoftnessStatistics {
    private SoftnessStatistics() { }

    /**
     * Coordination number of each atom: atoms of {@code neighbourSpecies} within {@code cutoff} Å (the study: O
     * within 2.0 Å of B or P, Methods 4.4), counted over periodic images.
     */
    public static int[] coordination(Frame f, String neighbourSpecies, double cutoff) {
        int s = f.speciesIndex(neighbourSpecies);
        if (s < 0) throw new IllegalArgumentException("frame has no species " + neighbourSpecies + " to count as neighbours");
        NeighborSearch ns = new NeighborSearch(f.box(), f.positions(), cutoff);
        int[] cn = new int[f.atomCount()];
        int[] sp = f.species();
        for (int i = 0; i < cn.length; i++) {
            int ii = i;
            ns.forEachNeighbor(i, (a, j, dx, dy, dz, r2) -> { if (sp[j] == s) cn[ii]++; });
        }
        return cn;
    }

    /**
     * Histograms of softness per group over a common grid of {@code bins} bins from min to max of all values.
     * Table {@code softness_histogram}: group, bin_lo, bin_hi, bin_center, count, density (count / (group size x width)).
     */
    public static ResultTable histogram(double[] softness, String[] group, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1");
        if (softness.length != group.length) throw new IllegalArgumentException("softness and group differ in length");
        if (softness.length == 0) throw new IllegalArgumentException("no softness values to histogram");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : softness) { if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
        if (lo == hi) { lo -= 0.5; hi += 0.5; }
        double w = (hi - lo) / bins;
        TreeMap<String, long[]> counts = new TreeMap<>();
        for (int i = 0; i < softness.length; i++) {
            if (!Double.isFinite(softness[i])) continue;
            int b = Math.min(bins - 1, (int) ((softness[i] - lo) / w));
            counts.computeIfAbsent(group[i], g -> new long[bins])[b]++;
        }
        int rows = counts.size() * bins;
        String[] g = new String[rows];
        double[] blo = new double[rows], bhi = new double[rows], bc = new double[rows], dens = new double[rows];
        long[] cnt = new long[rows];
        int o = 0;
        for (var e : counts.entrySet()) {
            long total = 0;
            for (long c : e.getValue()) total += c;
            for (int b = 0; b < bins; b++, o++) {
                g[o] = e.getKey(); blo[o] = lo + b * w; bhi[o] = lo + (b + 1) * w; bc[o] = lo + (b + 0.5) * w;
                cnt[o] = e.getValue()[b]; dens[o] = cnt[o] / (total * w);
            }
        }
        return ResultTable.builder("softness_histogram").strings("group", g).doubles("bin_lo", blo).doubles("bin_hi", bhi)
                .doubles("bin_center", bc).longs("count", cnt).doubles("density", dens).build();
    }

    /**
     * P(rearrange | S) in {@code bins} equal-width softness bins: the fraction of rows with label 1 in each bin, with
     * its binomial standard error. Empty bins are left out. Table {@code p_rearrange}: bin_center, bin_lo, bin_hi,
     * atoms, rearranged, probability, std_error.
     */
    public static ResultTable rearrangementProbability(double[] softness, int[] label, int bins) {
        if (softness.length != label.length) throw new IllegalArgumentException("softness and labels differ in length");
        if (softness.length == 0) throw new IllegalArgumentException("no rows");
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : softness) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (lo == hi) { lo -= 0.5; hi += 0.5; }
        double w = (hi - lo) / bins;
        long[] n = new long[bins], k = new long[bins];
        for (int i = 0; i < softness.length; i++) {
            int b = Math.min(bins - 1, (int) ((softness[i] - lo) / w));
            n[b]++;
            k[b] += label[i];
        }
        List<Integer> used = new ArrayList<>();
        for (int b = 0; b < bins; b++) if (n[b] > 0) used.add(b);
        int r = used.size();
        double[] c = new double[r], blo = new double[r], bhi = new double[r], p = new double[r], se = new double[r];
        long[] atoms = new long[r], re = new long[r];
        for (int q = 0; q < r; q++) {
            int b = used.get(q);
            blo[q] = lo + b * w; bhi[q] = lo + (b + 1) * w; c[q] = lo + (b + 0.5) * w;
            atoms[q] = n[b]; re[q] = k[b]; p[q] = (double) k[b] / n[b]; se[q] = Math.sqrt(p[q] * (1 - p[q]) / n[b]);
        }
        return ResultTable.builder("p_rearrange").doubles("bin_center", c).doubles("bin_lo", blo).doubles("bin_hi", bhi)
                .longs("atoms", atoms).longs("rearranged", re).doubles("probability", p).doubles("std_error", se).build();
    }
}
