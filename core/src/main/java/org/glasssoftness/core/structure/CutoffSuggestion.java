package org.glasssoftness.core.structure;

/**
 * Suggests a bond cutoff from a partial g(r): the first minimum after the first peak, as the study chose its B-O and
 * P-O cutoffs (Methods 4.4). g is smoothed with a centred moving average of {@code window} bins; from the highest
 * point of the first peak the search walks outward to the first local minimum; when g stays at that minimum over a
 * range (a gap with no pairs, typical of covalent bonds) the middle of that flat range is returned.
 */
public final class CutoffSuggestion {
    private CutoffSuggestion() { }

    /**
     * @param r      bin centres (Å)
     * @param g      g at the bin centres
     * @param window moving-average width in bins (odd, &gt;= 1)
     * @return the suggested cutoff in Å
     * @throws IllegalArgumentException when g has no peak or no minimum after it
     */
    public static double firstMinimum(double[] r, double[] g, int window) {
        if (window < 1 || window % 2 == 0) throw new IllegalArgumentException("smoothing window must be odd and >= 1, got " + window);
        int n = g.length;
        double[] s = new double[n];
        int h = window / 2;
        for (int k = 0; k < n; k++) {
            double sum = 0;
            int c = 0;
            for (int j = Math.max(0, k - h); j <= Math.min(n - 1, k + h); j++) { sum += g[j]; c++; }
            s[k] = sum / c;
        }
        // first peak: starts at the first bin where g exceeds 1; its top is the highest point before g falls below half of it
        int start = -1;
        for (int k = 0; k < n; k++) if (s[k] > 1) { start = k; break; }
        if (start < 0) throw new IllegalArgumentException("g(r) never exceeds 1: no first peak to cut after");
        int top = start;
        int k = start;
        while (k < n && s[k] >= s[top] * 0.5) {
            if (s[k] > s[top]) top = k;
            k++;
        }
        // walk outward from the top keeping the lowest point; a local dip is the minimum only once g has risen again
        // by 10 % of the peak height (hysteresis, so noise on the falling edge is not taken for the minimum)
        int m = top;
        int j = top + 1;
        for (; j < n; j++) {
            if (s[j] < s[m]) m = j;
            else if (s[j] > s[m] + 0.1 * s[top]) break;
        }
        if (j == n) throw new IllegalArgumentException("g(r) has no minimum after its first peak within r_max");
        double floor = s[m];
        double tol = 1e-3 * (s[top] - floor);
        int lo = m, hi = m;
        while (lo - 1 > top && s[lo - 1] <= floor + tol) lo--;
        while (hi + 1 < n && s[hi + 1] <= floor + tol) hi++;
        return 0.5 * (r[lo] + r[hi]);
    }

    /** {@link #firstMinimum} of the pair a-b of an RDF result, smoothed over about 0.1 Å (at least 5 bins). */
    public static double firstMinimum(RdfResult rdf, String a, String b) {
        return firstMinimum(rdf.r(), rdf.partial(a, b), window(rdf.dr()));
    }

    /** Odd number of bins covering about 0.1 Å, at least 5. */
    static int window(double dr) {
        int w = Math.max(5, (int) Math.round(0.1 / dr));
        return w % 2 == 0 ? w + 1 : w;
    }
}
