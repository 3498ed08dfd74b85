package org.glasssoftness.core.structure;

/**
 * Scattering-vector grid Q_min, Q_min + dQ, ... up to Q_max inclusive (1/Å).
 *
 * @param qMin first Q, &gt;= 0
 * @param qMax last Q (included when it lies on the grid within 1e-9 dQ)
 * @param dq   spacing, &gt; 0
 */
public record QGrid(double qMin, double qMax, double dq) {
    public QGrid {
        if (!(qMin >= 0) || !Double.isFinite(qMin)) throw new IllegalArgumentException("Q_min must be >= 0, got " + qMin);
        if (!(dq > 0) || !Double.isFinite(dq)) throw new IllegalArgumentException("dQ must be > 0, got " + dq);
        if (!(qMax >= qMin) || !Double.isFinite(qMax)) {
            throw new IllegalArgumentException("Q_max must be >= Q_min, got Q_min=" + qMin + " Q_max=" + qMax);
        }
        if ((qMax - qMin) / dq > 1e7) throw new IllegalArgumentException("Q grid has more than 1e7 points");
    }

    /** Default grid for glasses: 0.02 .. 20 1/Å in steps of 0.02. */
    public static QGrid defaults() { return new QGrid(0.02, 20.0, 0.02); }

    public double[] values() {
        int n = (int) Math.floor((qMax - qMin) / dq + 1e-9) + 1;
        double[] q = new double[n];
        for (int k = 0; k < n; k++) q[k] = qMin + k * dq;
        return q;
    }
}
