package org.glasssoftness.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The numbers the study compares with the paper: modes of a distribution and the sign of a trend. */
public final class StudyStatistics {
    private StudyStatistics() { }

    /** Grid points of the density estimate in {@link #modes}. */
    public static final int GRID = 512;

    /** Upper quantile of the central range (0.5 % to 99.5 %) used by {@link #modes} and {@link #centralRange}. */
    public static final double CENTRAL = 0.995;

    /** The 0.5 % and 99.5 % quantiles of the finite values (the range of the study's histograms). */
    public static double[] centralRange(double[] sample) {
        double[] v = Arrays.stream(sample).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) throw new IllegalArgumentException("no finite values");
        return new double[] {quantile(v, 1 - CENTRAL), quantile(v, CENTRAL)};
    }

    /**
     * Modes of a sample from a Gaussian kernel density estimate (Silverman's bandwidth 0.9 min(sd, IQR/1.34) n^-1/5,
     * evaluated on {@value #GRID} points from the 0.5 % quantile - 3h to the 99.5 % quantile + 3h). A local maximum counts when its density is at
     * least 10 % of the highest one, and two neighbouring maxima count separately only when the density between them
     * dips below 90 % of the lower one; otherwise the lower is dropped. Returns the mode positions in increasing order
     * (one entry: unimodal; two or more: multimodal).
     */
    public static double[] modes(double[] sample) {
        double[] v = Arrays.stream(sample).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n < 2) throw new IllegalArgumentException("modes need at least 2 finite values, got " + n);
        double mean = 0;
        for (double x : v) mean += x / n;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean) / (n - 1);
        double iqr = quantile(v, 0.75) - quantile(v, 0.25);
        double spread = Math.min(Math.sqrt(var), iqr > 0 ? iqr / 1.34 : Double.POSITIVE_INFINITY);
        if (!(spread > 0)) return new double[] {v[0]};
        double h = 0.9 * spread * Math.pow(n, -0.2);
        // the grid spans the central 99 % (plus 3h): a few far outliers must not stretch it beyond resolving h
        double lo = quantile(v, 1 - CENTRAL) - 3 * h, hi = quantile(v, CENTRAL) + 3 * h;
        double[] grid = new double[GRID], dens = new double[GRID];
        for (int k = 0; k < GRID; k++) {
            grid[k] = lo + (hi - lo) * k / (GRID - 1);
            double s = 0;
            for (double x : v) {
                double z = (grid[k] - x) / h;
                s += Math.exp(-0.5 * z * z);
            }
            dens[k] = s / (n * h * Math.sqrt(2 * Math.PI));
        }
        double top = Arrays.stream(dens).max().orElse(0);
        List<Integer> peaks = new ArrayList<>();
        for (int k = 1; k < GRID - 1; k++) {
            if (dens[k] > dens[k - 1] && dens[k] >= dens[k + 1] && dens[k] >= 0.1 * top) peaks.add(k);
        }
        // merge neighbours without a clear valley (keep the higher)
        boolean merged = true;
        while (merged && peaks.size() > 1) {
            merged = false;
            for (int i = 0; i + 1 < peaks.size(); i++) {
                int a = peaks.get(i), b = peaks.get(i + 1);
                double valley = Double.POSITIVE_INFINITY;
                for (int k = a; k <= b; k++) valley = Math.min(valley, dens[k]);
                if (valley >= 0.9 * Math.min(dens[a], dens[b])) {
                    peaks.remove(dens[a] < dens[b] ? i : i + 1);
                    merged = true;
                    break;
                }
            }
        }
        double[] out = new double[peaks.size()];
        for (int i = 0; i < out.length; i++) out[i] = grid[peaks.get(i)];
        return out;
    }

    /** Median of the finite values (NaN when none). */
    public static double median(double[] sample) {
        double[] v = Arrays.stream(sample).filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? Double.NaN : quantile(v, 0.5);
    }

    /** Linear interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }

    /** Least-squares slope of y on x (NaN entries of y are skipped; NaN when fewer than 2 points remain). */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        double sx = 0, sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) if (Double.isFinite(y[i])) { sx += x[i]; sy += y[i]; n++; }
        if (n < 2) return Double.NaN;
        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
