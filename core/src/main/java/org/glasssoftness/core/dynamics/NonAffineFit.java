package org.glasssoftness.core.dynamics;

/**
 * The Falk–Langer least-squares fit for one centre atom: given its M neighbour vectors at time t (d0) and at
 * t + Δt (d1), find the local affine map J minimising sum_i |d1_i - J d0_i|^2 and return that minimum divided by M
 * (the study's Eq. 7, D2min in Å^2).
 *
 * <p>J = X Y^-1 with X = sum d1 d0^T and Y = sum d0 d0^T. The 3x3 algebra is written out here rather than taken from
 * commons-math: it runs once per centre atom per interval (millions of times) and a library call would allocate
 * several objects each time. The residual is summed explicitly over the neighbours (not as sum|d1|^2 - tr(X Y^-1
 * X^T)) so that an affine motion gives zero to rounding, without cancellation.
 *
 * <p>A neighbourhood is <em>degenerate</em> when it has fewer than {@code minNeighbors} neighbours or when Y is
 * singular or ill-conditioned (neighbours nearly coplanar or collinear, so J is not determined). Then
 * {@link #fit} returns {@link #DEGENERATE}; callers count and exclude such cases, they never report NaN.
 */
public final class NonAffineFit {
    /** Returned by {@link #fit} for a degenerate neighbourhood (negative, so it cannot be mistaken for a D2min). */
    public static final double DEGENERATE = -1.0;

    /**
     * Y counts as ill-conditioned when det(Y) / (tr(Y)/3)^3 is below this. That ratio is 1 for an isotropic
     * neighbourhood and guarantees lambda_min / lambda_max &gt;= ratio / 27, so the condition number of Y stays
     * below 27 / 1e-8 ~ 3e9: J is then accurate to ~1e-7 relative in double precision.
     */
    public static final double MIN_DETERMINANT_RATIO = 1e-8;

    private NonAffineFit() { }

    /**
     * @param d0           neighbour vectors at t, 3M values (x, y, z per neighbour), Å
     * @param d1           the same neighbours' vectors at t + Δt, 3M values, Å
     * @param m            number of neighbours M
     * @param minNeighbors smallest M accepted (at least 1); below it the neighbourhood is degenerate
     * @return D2min = min_J sum_i |d1_i - J d0_i|^2 / M in Å^2, or {@link #DEGENERATE}
     */
    public static double fit(double[] d0, double[] d1, int m, int minNeighbors) {
        if (m < Math.max(1, minNeighbors)) return DEGENERATE;
        // Y (symmetric) and X accumulated in one pass.
        double yxx = 0, yxy = 0, yxz = 0, yyy = 0, yyz = 0, yzz = 0;
        double xxx = 0, xxy = 0, xxz = 0, xyx = 0, xyy = 0, xyz = 0, xzx = 0, xzy = 0, xzz = 0;
        for (int i = 0, o = 0; i < m; i++, o += 3) {
            double ax = d0[o], ay = d0[o + 1], az = d0[o + 2];
            double bx = d1[o], by = d1[o + 1], bz = d1[o + 2];
            yxx += ax * ax; yxy += ax * ay; yxz += ax * az;
            yyy += ay * ay; yyz += ay * az; yzz += az * az;
            xxx += bx * ax; xxy += bx * ay; xxz += bx * az;
            xyx += by * ax; xyy += by * ay; xyz += by * az;
            xzx += bz * ax; xzy += bz * ay; xzz += bz * az;
        }
        // Cofactors of the symmetric Y; inverse = cofactor matrix / det.
        double cxx = yyy * yzz - yyz * yyz;
        double cxy = yxz * yyz - yxy * yzz;
        double cxz = yxy * yyz - yxz * yyy;
        double cyy = yxx * yzz - yxz * yxz;
        double cyz = yxy * yxz - yxx * yyz;
        double czz = yxx * yyy - yxy * yxy;
        double det = yxx * cxx + yxy * cxy + yxz * cxz;
        double meanEigen = (yxx + yyy + yzz) / 3.0;
        if (!(meanEigen > 0) || !(det > MIN_DETERMINANT_RATIO * meanEigen * meanEigen * meanEigen)) {
            return DEGENERATE;
        }
        double inv = 1.0 / det;
        double ixx = cxx * inv, ixy = cxy * inv, ixz = cxz * inv, iyy = cyy * inv, iyz = cyz * inv, izz = czz * inv;
        // J = X Y^-1 (row r of J = row r of X times the symmetric inverse).
        double jxx = xxx * ixx + xxy * ixy + xxz * ixz;
        double jxy = xxx * ixy + xxy * iyy + xxz * iyz;
        double jxz = xxx * ixz + xxy * iyz + xxz * izz;
        double jyx = xyx * ixx + xyy * ixy + xyz * ixz;
        double jyy = xyx * ixy + xyy * iyy + xyz * iyz;
        double jyz = xyx * ixz + xyy * iyz + xyz * izz;
        double jzx = xzx * ixx + xzy * ixy + xzz * ixz;
        double jzy = xzx * ixy + xzy * iyy + xzz * iyz;
        double jzz = xzx * ixz + xzy * iyz + xzz * izz;
        double sum = 0;
        for (int i = 0, o = 0; i < m; i++, o += 3) {
            double ax = d0[o], ay = d0[o + 1], az = d0[o + 2];
            double rx = d1[o] - (jxx * ax + jxy * ay + jxz * az);
            double ry = d1[o + 1] - (jyx * ax + jyy * ay + jyz * az);
            double rz = d1[o + 2] - (jzx * ax + jzy * ay + jzz * az);
            sum += rx * rx + ry * ry + rz * rz;
        }
        return sum / m;
    }
}
