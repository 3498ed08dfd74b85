package org.glasssoftness.core.structure;

/**
 * Faber–Ziman partial structure factors from partial pair distribution functions (Du et al. 2023, Methods 4.2,
 * eqs. 4–5):
 *
 * <pre>
 *   S_ij(Q) = 1 + rho0 ∫_0^rmax 4 pi r^2 (g_ij(r) - 1) sin(Qr)/(Qr) L(r) dr,   L(r) = sin(pi r/rmax)/(pi r/rmax)
 *   S(Q)    = sum_ij c_i b_i c_j b_j S_ij(Q) / sum_ij c_i b_i c_j b_j   (ordered pairs; = (sum_i c_i b_i)^2 below)
 * </pre>
 *
 * rho0 is the total number density (atoms/Å^3). The integral is the midpoint rule on the histogram bins: g is given
 * at bin centres r_k = (k + 1/2) dr, and rmax = K dr is the outer edge of the last bin. The Lorch window L can be
 * switched off (L = 1). At Q = 0, sin(Qr)/(Qr) = 1.
 */
public final class FaberZiman {
    private final double[] q;
    private final double[] r;
    private final double dr;
    private final double rMax;
    private final boolean lorch;
    /** kernel[iq * K + k] = 4 pi r_k^2 dr sinc(Q r_k) L(r_k). */
    private final double[] kernel;

    /**
     * @param rCentres bin centres (Å), equally spaced by {@code dr} starting at dr/2
     * @param dr       bin width (Å)
     * @param q        Q values (1/Å)
     * @param lorch    apply the Lorch window
     */
    public FaberZiman(double[] rCentres, double dr, double[] q, boolean lorch) {
        if (rCentres.length == 0) throw new IllegalArgumentException("no r bins to transform");
        if (!(dr > 0)) throw new IllegalArgumentException("dr must be > 0, got " + dr);
        this.r = rCentres.clone();
        this.dr = dr;
        this.q = q.clone();
        this.rMax = rCentres.length * dr;
        this.lorch = lorch;
        int nk = r.length;
        kernel = new double[q.length * nk];
        double[] shell = new double[nk];
        for (int k = 0; k < nk; k++) {
            double w = 4 * Math.PI * r[k] * r[k] * dr;
            if (lorch) w *= sinc(Math.PI * r[k] / rMax);
            shell[k] = w;
        }
        for (int iq = 0; iq < q.length; iq++) {
            for (int k = 0; k < nk; k++) kernel[iq * nk + k] = shell[k] * sinc(q[iq] * r[k]);
        }
    }

    /** sin(x)/x with the limit 1 at 0. */
    static double sinc(double x) {
        return Math.abs(x) < 1e-8 ? 1.0 - x * x / 6.0 : Math.sin(x) / x;
    }

    public double[] q() { return q.clone(); }
    public double rMax() { return rMax; }
    public boolean lorch() { return lorch; }

    /** S(Q) of one partial g (at the bin centres) for total number density rho0 (1/Å^3). */
    public double[] transform(double[] g, double rho0) {
        int nk = r.length;
        if (g.length != nk) throw new IllegalArgumentException("g has " + g.length + " bins, expected " + nk);
        double[] s = new double[q.length];
        for (int iq = 0; iq < q.length; iq++) {
            double sum = 0;
            int o = iq * nk;
            for (int k = 0; k < nk; k++) sum += kernel[o + k] * (g[k] - 1.0);
            s[iq] = 1.0 + rho0 * sum;
        }
        return s;
    }

    /**
     * Weighted total S(Q) = sum over ordered pairs c_i b_i c_j b_j S_ij / (sum_i c_i b_i)^2 from the partials of
     * unordered pairs (an unlike pair counts twice).
     *
     * @throws IllegalArgumentException when the weights cancel (sum_i c_i b_i = 0)
     */
    public static double[] weightedTotal(SpeciesPairs pairs, double[][] sPartials, double[] concentrations,
                                         double[] lengthsFm) {
        double[] w = pairWeights(pairs, concentrations, lengthsFm);
        double norm = 0;
        for (double x : w) norm += x;
        if (Math.abs(norm) < 1e-300) {
            throw new IllegalArgumentException("the weighted sum c_i b_i of all species is zero: S(Q) cannot be normalised");
        }
        int nq = sPartials[0].length;
        double[] s = new double[nq];
        for (int p = 0; p < pairs.pairCount(); p++) {
            for (int iq = 0; iq < nq; iq++) s[iq] += w[p] * sPartials[p][iq];
        }
        for (int iq = 0; iq < nq; iq++) s[iq] /= norm;
        return s;
    }

    /** c_a b_a c_b b_b for each unordered pair, doubled for unlike pairs (their sum is (sum_i c_i b_i)^2). */
    public static double[] pairWeights(SpeciesPairs pairs, double[] concentrations, double[] lengthsFm) {
        double[] w = new double[pairs.pairCount()];
        for (int p = 0; p < w.length; p++) {
            int a = pairs.first(p), b = pairs.second(p);
            w[p] = (a == b ? 1 : 2) * concentrations[a] * lengthsFm[a] * concentrations[b] * lengthsFm[b];
        }
        return w;
    }
}
