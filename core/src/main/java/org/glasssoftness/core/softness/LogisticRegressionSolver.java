package org.glasssoftness.core.softness;

import java.util.stream.IntStream;

/**
 * L2-regularised binary logistic regression solved to convergence by a truncated Newton method (Newton-CG with
 * Armijo backtracking), the same objective as scikit-learn's {@code LogisticRegression(penalty="l2", C=C)} with the
 * default lbfgs/newton-cg solvers:
 *
 * <pre>
 *   minimise  f(w, b) = 1/2 |w|^2 + C * sum_i s_i * log(1 + exp(-y_i (w . x_i + b))),   y_i in {-1, +1}
 * </pre>
 *
 * where s_i are sample weights (1, or the class weights n / (2 n_class) for "balanced") and the intercept b is not
 * penalised. Newton steps use exact Hessian-vector products, {@code H v = v_w + C X^T (s p (1-p) (X v))}, so no
 * d x d matrix is formed and the cost per CG step is two passes over X.
 *
 * <p>Rows are processed in fixed blocks of {@value #BLOCK} rows in parallel; per-block partial sums are added in block
 * order, so results do not depend on the number of threads.
 */
public final class LogisticRegressionSolver {
    static final int BLOCK = 1024;
    private static final boolean TRACE = Boolean.getBoolean("glasssoftness.lr.trace");

    /** The optimum: weights (d), bias, Newton iterations used, final max |gradient| and objective value. */
    public record Solution(double[] weights, double bias, int iterations, double gradientMaxAbs, double objective) { }

    private final double c;
    private final double tolerance;
    private final int maxIterations;

    /**
     * @param c             inverse regularisation strength, exactly scikit-learn's C (lambda = 1 / C on 1/2 |w|^2)
     * @param tolerance     stop when max |gradient| &lt;= tolerance * max(1, max |initial gradient|)
     * @param maxIterations Newton iterations at most
     */
    public LogisticRegressionSolver(double c, double tolerance, int maxIterations) {
        if (!(c > 0) || !Double.isFinite(c)) throw new IllegalArgumentException("C must be > 0 and finite, got " + c);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
        this.c = c;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Defaults: tolerance 1e-10 (relative), 100 Newton iterations. */
    public LogisticRegressionSolver(double c) {
        this(c, 1e-10, 100);
    }

    /**
     * @param x             n x d features, row-major
     * @param y             labels 0 or 1
     * @param sampleWeights per-row weights s_i &gt; 0, or null for all 1
     */
    public Solution solve(double[] x, int n, int d, int[] y, double[] sampleWeights) {
        if (x.length != (long) n * d) throw new IllegalArgumentException("x has " + x.length + " values, expected n*d=" + (long) n * d);
        if (y.length != n) throw new IllegalArgumentException("y has " + y.length + " labels, expected " + n);
        if (sampleWeights != null && sampleWeights.length != n) {
            throw new IllegalArgumentException("sample weights have length " + sampleWeights.length + ", expected " + n);
        }
        boolean has0 = false, has1 = false;
        for (int v : y) {
            if (v == 0) has0 = true;
            else if (v == 1) has1 = true;
            else throw new IllegalArgumentException("labels must be 0 or 1, got " + v);
        }
        if (!has0 || !has1) throw new IllegalArgumentException("training needs both classes, but every label is " + (has1 ? 1 : 0));
        for (double v : x) if (!Double.isFinite(v)) throw new IllegalArgumentException("features contain a non-finite value");
        Problem p = new Problem(x, n, d, y, sampleWeights);

        double[] beta = new double[d + 1]; // w then b
        double[] z = new double[n];
        double[] prob = new double[n];
        double[] g = new double[d + 1];
        p.margins(beta, z);
        double f = p.objective(beta, z);
        p.probabilities(z, prob);
        p.gradient(beta, prob, g);
        double g0 = Math.max(1.0, maxAbs(g));
        int it = 0;
        double[] step = new double[d + 1];
        double[] trial = new double[d + 1];
        double[] zTrial = new double[n];
        double[] probTrial = new double[n];
        double[] gTrial = new double[d + 1];
        while (maxAbs(g) > tolerance * g0 && it < maxIterations) {
            it++;
            conjugateGradient(p, prob, g, step);
            double slope = dot(g, step);
            if (!(slope < 0)) { // not a descent direction (numerical floor): use steepest descent
                for (int k = 0; k <= d; k++) step[k] = -g[k];
                slope = dot(g, step);
            }
            double t = 1.0;
            double fTrial = Double.NaN;
            boolean accepted = false;
            double gMax = maxAbs(g);
            if (-slope < 1e-9 * Math.max(1.0, Math.abs(f))) {
                // The predicted decrease is at the rounding level of f, so Armijo cannot judge the step: near the
                // optimum the full Newton step is right, and it is kept only if it lowers the gradient.
                for (int k = 0; k <= d; k++) trial[k] = beta[k] + step[k];
                p.margins(trial, zTrial);
                fTrial = p.objective(trial, zTrial);
                p.probabilities(zTrial, probTrial);
                p.gradient(trial, probTrial, gTrial);
                if (!(maxAbs(gTrial) < gMax)) break; // rounding floor reached
                accepted = true;
            } else {
                for (int ls = 0; ls < 60; ls++) {
                    for (int k = 0; k <= d; k++) trial[k] = beta[k] + t * step[k];
                    p.margins(trial, zTrial);
                    fTrial = p.objective(trial, zTrial);
                    if (fTrial <= f + 1e-4 * t * slope) { accepted = true; break; }
                    t *= 0.5;
                }
                if (!accepted) break; // no further decrease representable in double precision
                p.probabilities(zTrial, probTrial);
                p.gradient(trial, probTrial, gTrial);
            }
            if (TRACE) System.err.printf("newton %d: f=%.12g |g|max=%.3g step t=%.3g%n", it, fTrial, maxAbs(gTrial), t);
            System.arraycopy(trial, 0, beta, 0, d + 1);
            System.arraycopy(zTrial, 0, z, 0, n);
            System.arraycopy(probTrial, 0, prob, 0, n);
            System.arraycopy(gTrial, 0, g, 0, d + 1);
            f = fTrial;
        }
        double[] w = new double[d];
        System.arraycopy(beta, 0, w, 0, d);
        return new Solution(w, beta[d], it, maxAbs(g), f);
    }

    /** Solves H s = -g approximately (forcing term min(0.5, sqrt|g|) |g|), at most 2(d+1) CG steps. */
    private static void conjugateGradient(Problem p, double[] prob, double[] g, double[] s) {
        int m = g.length;
        java.util.Arrays.fill(s, 0.0);
        double[] r = new double[m];
        for (int k = 0; k < m; k++) r[k] = -g[k];
        double[] dir = r.clone();
        double[] hd = new double[m];
        double gnorm = Math.sqrt(dot(g, g));
        double eta = Math.min(0.5, Math.sqrt(gnorm)) * gnorm;
        double rr = dot(r, r);
        for (int k = 0; k < 2 * m && Math.sqrt(rr) > eta * 1e-3; k++) {
            p.hessianTimes(prob, dir, hd);
            double dhd = dot(dir, hd);
            if (!(dhd > 0)) break;
            double alpha = rr / dhd;
            for (int q = 0; q < m; q++) { s[q] += alpha * dir[q]; r[q] -= alpha * hd[q]; }
            double rrNew = dot(r, r);
            if (Math.sqrt(rrNew) <= eta * 1e-3) break;
            double beta = rrNew / rr;
            for (int q = 0; q < m; q++) dir[q] = r[q] + beta * dir[q];
            rr = rrNew;
        }
        if (dot(s, s) == 0) System.arraycopy(r, 0, s, 0, m);
        if (TRACE) System.err.printf("  cg: |r|=%.3g target %.3g%n", Math.sqrt(dot(r, r)), eta * 1e-3);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** log(1 + exp(a)) without overflow. */
    static double softplus(double a) {
        return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    }

    static double sigmoid(double a) {
        if (a >= 0) return 1.0 / (1.0 + Math.exp(-a));
        double e = Math.exp(a);
        return e / (1.0 + e);
    }

    /** Data and the block-parallel passes over it. */
    private final class Problem {
        final double[] x;
        final int n, d, blocks;
        final int[] y;
        final double[] s;

        Problem(double[] x, int n, int d, int[] y, double[] s) {
            this.x = x; this.n = n; this.d = d; this.y = y; this.s = s;
            this.blocks = (n + BLOCK - 1) / BLOCK;
        }

        double weight(int i) { return s == null ? 1.0 : s[i]; }

        void margins(double[] beta, double[] z) {
            IntStream.range(0, blocks).parallel().forEach(bk -> {
                for (int i = bk * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                    double acc = beta[d];
                    int o = i * d;
                    for (int k = 0; k < d; k++) acc += x[o + k] * beta[k];
                    z[i] = acc;
                }
            });
        }

        void probabilities(double[] z, double[] prob) {
            for (int i = 0; i < n; i++) prob[i] = sigmoid(z[i]);
        }

        double objective(double[] beta, double[] z) {
            double loss = 0;
            for (int i = 0; i < n; i++) loss += weight(i) * softplus(y[i] == 1 ? -z[i] : z[i]);
            double reg = 0;
            for (int k = 0; k < d; k++) reg += beta[k] * beta[k];
            return 0.5 * reg + c * loss;
        }

        void gradient(double[] beta, double[] prob, double[] g) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = weight(i) * (prob[i] - y[i]);
            transposeTimes(r, g);
            for (int k = 0; k < d; k++) g[k] = beta[k] + c * g[k];
            g[d] = c * g[d];
        }

        void hessianTimes(double[] prob, double[] v, double[] out) {
            double[] q = new double[n];
            IntStream.range(0, blocks).parallel().forEach(bk -> {
                for (int i = bk * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                    double u = v[d];
                    int o = i * d;
                    for (int k = 0; k < d; k++) u += x[o + k] * v[k];
                    q[i] = weight(i) * prob[i] * (1 - prob[i]) * u;
                }
            });
            transposeTimes(q, out);
            for (int k = 0; k < d; k++) out[k] = v[k] + c * out[k];
            out[d] = c * out[d];
        }

        /** out[0..d-1] = X^T r, out[d] = sum r; block partials summed in block order. */
        void transposeTimes(double[] r, double[] out) {
            double[][] partial = new double[blocks][];
            IntStream.range(0, blocks).parallel().forEach(bk -> {
                double[] acc = new double[d + 1];
                for (int i = bk * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                    double ri = r[i];
                    if (ri == 0) continue;
                    int o = i * d;
                    for (int k = 0; k < d; k++) acc[k] += x[o + k] * ri;
                    acc[d] += ri;
                }
                partial[bk] = acc;
            });
            java.util.Arrays.fill(out, 0.0);
            for (double[] acc : partial) for (int k = 0; k <= d; k++) out[k] += acc[k];
        }
    }
}
