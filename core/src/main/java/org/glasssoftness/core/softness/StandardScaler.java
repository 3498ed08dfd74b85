package org.glasssoftness.core.softness;

/**
 * Per-feature standardisation x' = (x - mean) / scale, fitted on training rows only (like scikit-learn's
 * StandardScaler: population standard deviation, and scale 1 for a constant feature so it maps to 0).
 */
public record StandardScaler(double[] means, double[] scales) {

    public StandardScaler {
        if (means.length != scales.length) throw new IllegalArgumentException("means and scales differ in length");
        means = means.clone();
        scales = scales.clone();
    }

    /** Fits mean and population standard deviation of each column of an n x d row-major matrix (two-pass). */
    public static StandardScaler fit(double[] x, int n, int d) {
        if (n < 1) throw new IllegalArgumentException("cannot fit a scaler on zero rows");
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) mean[k] += x[i * d + k];
        for (int k = 0; k < d; k++) mean[k] /= n;
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double t = x[i * d + k] - mean[k];
                var[k] += t * t;
            }
        }
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            double sd = Math.sqrt(var[k] / n);
            // constant column (within rounding of its mean): scikit-learn leaves it unscaled
            scale[k] = sd <= 10 * Math.ulp(Math.abs(mean[k])) || sd == 0 ? 1.0 : sd;
        }
        return new StandardScaler(mean, scale);
    }

    public int size() { return means.length; }

    /** Returns a new standardised n x d matrix. */
    public double[] transform(double[] x, int n, int d) {
        if (d != means.length) throw new IllegalArgumentException("scaler has " + means.length + " features, data " + d);
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) out[i * d + k] = (x[i * d + k] - means[k]) / scales[k];
        }
        return out;
    }

    @Override public double[] means() { return means.clone(); }
    @Override public double[] scales() { return scales.clone(); }
}
