package org.glasssoftness.core.softness;

import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;

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
 * penalised. Newton steps use exact Hessian-vector products, {@code H v = v_w + C X^T (s p (1-p) (X v))} (one fused
 * pass over X per CG step), preconditioned by the Cholesky factor (commons-math3) of the exact Hessian of an earlier
 * iterate, rebuilt when CG slows down; so convergence is that of Newton's method with cheap inner solves.
 *
 * <p>Rows are processed in fixed blocks of {@value #BLOCK} rows in parallel; per-block partial sums are added in block
 * order, so results do not depend on the number of threads.
 */
public final class LogisticRegressionSolver {
    static final int BLOCK = 1024;
    /** The preconditioner is rebuilt at the current iterate when CG needed more steps than this. */
    private static final int REFRESH_STEPS = 8;
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
        CholeskyDecomposition pre = null;
        int lastSteps = Integer.MAX_VALUE;
        while (maxAbs(g) > tolerance * g0 && it < maxIterations) {
            it++;
            if (pre == null || lastSteps > REFRESH_STEPS) pre = p.hessianFactor(prob);
            lastSteps = conjugateGradient(p, prob, g, step, pre);
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

    /**
     * Solves H s = -g approximately by conjugate gradients preconditioned with the Cholesky factor of an exact Hessian
     * (of an earlier iterate), to 1e-3 min(0.5, sqrt|g|) |g|; at most 2(d+1) steps. Returns the steps used.
     */
    private static int conjugateGradient(Problem p, double[] prob, double[] g, double[] s, CholeskyDecomposition pre) {
        int m = g.length;
        java.util.Arrays.fill(s, 0.0);
        double[] r = new double[m];
        for (int k = 0; k < m; k++) r[k] = -g[k];
        double[] z = pre.getSolver().solve(new ArrayRealVector(r, false)).toArray();
        double[] dir = z.clone();
        double[] hd = new double[m];
        double gnorm = Math.sqrt(dot(g, g));
        // tight forcing term: with the preconditioner each CG step is cheap, and near-exact steps keep Newton quadratic
        double eta = 1e-3 * Math.min(0.5, Math.sqrt(gnorm)) * gnorm;
        double rz = dot(r, z);
        int steps = 0;
        for (int k = 0; k < 2 * m && Math.sqrt(dot(r, r)) > eta; k++) {
            steps++;
            p.hessianTimes(prob, dir, hd);
            double dhd = dot(dir, hd);
            if (!(dhd > 0)) break;
            double alpha = rz / dhd;
            for (int q = 0; q < m; q++) { s[q] += alpha * dir[q]; r[q] -= alpha * hd[q]; }
            if (Math.sqrt(dot(r, r)) <= eta) break;
            z = pre.getSolver().solve(new ArrayRealVector(r, false)).toArray();
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            for (int q = 0; q < m; q++) dir[q] = z[q] + beta * dir[q];
            rz = rzNew;
        }
        if (dot(s, s) == 0) System.arraycopy(r, 0, s, 0, m);
        if (TRACE) System.err.printf("  cg: %d steps |r|=%.3g target %.3g%n", steps, Math.sqrt(dot(r, r)), eta);
        return steps;
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

    /** x[o..o+d) . v[0..d) with four partial sums (instruction-level parallelism; fixed order, so deterministic). */
    static double rowDot(double[] x, int o, double[] v, int d) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < d; k += 4) {
            s0 += x[o + k] * v[k];
            s1 += x[o + k + 1] * v[k + 1];
            s2 += x[o + k + 2] * v[k + 2];
            s3 += x[o + k + 3] * v[k + 3];
        }
        for (; k < d; k++) s0 += x[o + k] * v[k];
        return (s0 + s1) + (s2 + s3);
    }

    /** log(1 + exp(a)) without overflow. */
    static double softplus(double a) {
        return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    }

    public static double sigmoid(double a) {
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
                    z[i] = beta[d] + rowDot(x, i * d, beta, d);
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

        /**
         * Cholesky factor of the exact Hessian I_w + C Xa^T diag(s p (1-p)) Xa at these probabilities (upper triangle
         * accumulated per row block, blocks added in order), used as the CG preconditioner.
         */
        CholeskyDecomposition hessianFactor(double[] prob) {
            int m = d + 1;
            double[][] partial = new double[blocks][];
            IntStream.range(0, blocks).parallel().forEach(bk -> {
                double[] h = new double[m * m];
                double[] row = new double[m];
                for (int i = bk * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                    System.arraycopy(x, i * d, row, 0, d);
                    row[d] = 1;
                    double w = weight(i) * prob[i] * (1 - prob[i]);
                    for (int a = 0; a < m; a++) {
                        double xa = row[a] * w;
                        int o = a * m;
                        for (int b = a; b < m; b++) h[o + b] += xa * row[b];
                    }
                }
                partial[bk] = h;
            });
            double[][] hm = new double[m][m];
            for (double[] h : partial) {
                for (int a = 0; a < m; a++) for (int b = a; b < m; b++) hm[a][b] += h[a * m + b];
            }
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) { hm[a][b] *= c; hm[b][a] = hm[a][b]; }
                if (a < d) hm[a][a] += 1;
            }
            hm[d][d] += 1e-12 * (1 + hm[d][d]); // keeps the factor defined if every p(1-p) underflows
            return new CholeskyDecomposition(new Array2DRowRealMatrix(hm, false), 1e-300, 0);
        }

        /** H v in one pass over X: each row's u = x.v + v_b and its contribution x q are done while it is in cache. */
        void hessianTimes(double[] prob, double[] v, double[] out) {
            double[][] partial = new double[blocks][];
            IntStream.range(0, blocks).parallel().forEach(bk -> {
                double[] acc = new double[d + 1];
                for (int i = bk * BLOCK, e = Math.min(n, i + BLOCK); i < e; i++) {
                    int o = i * d;
                    double u = v[d] + rowDot(x, o, v, d);
                    double q = weight(i) * prob[i] * (1 - prob[i]) * u;
                    for (int k = 0; k < d; k++) acc[k] += x[o + k] * q;
                    acc[d] += q;
                }
                partial[bk] = acc;
            });
            java.util.Arrays.fill(out, 0.0);
            for (double[] acc : partial) for (int k = 0; k <= d; k++) out[k] += acc[k];
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
