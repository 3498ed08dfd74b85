package org.glasssoftness.core.dynamics;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.glasssoftness.core.table.ResultTable;

/**
 * Self-diffusion coefficient from the Einstein relation in 3D: MSD(t) ~ 6 D t + c, fitted by least squares
 * (commons-math SimpleRegression) over a user-chosen time window. D in Å^2/ps and cm^2/s (1 Å^2/ps = 1e-4 cm^2/s).
 */
public final class DiffusionFit {
    /** Å^2/ps to cm^2/s: 1e-16 cm^2 / 1e-12 s. */
    public static final double A2_PER_PS_TO_CM2_PER_S = 1e-4;

    /** One fitted species. */
    public record Fit(String species, double tMinPs, double tMaxPs, int points, double slopeA2PerPs,
                      double interceptA2, double rSquared, double slopeStdErr, double diffusionA2PerPs,
                      double diffusionCm2PerS) { }

    private DiffusionFit() { }

    /**
     * Fits MSD = slope t + intercept over tMin &lt;= t &lt;= tMax.
     *
     * @param tMinPs window start, ps (NaN = from the first point)
     * @param tMaxPs window end, ps (NaN = to the last point)
     * @throws IllegalArgumentException when fewer than 3 points lie in the window
     */
    public static Fit fit(String species, double[] timePs, double[] msd, double tMinPs, double tMaxPs) {
        double lo = Double.isNaN(tMinPs) ? Double.NEGATIVE_INFINITY : tMinPs;
        double hi = Double.isNaN(tMaxPs) ? Double.POSITIVE_INFINITY : tMaxPs;
        SimpleRegression reg = new SimpleRegression(true);
        double first = Double.NaN, last = Double.NaN;
        for (int k = 0; k < timePs.length; k++) {
            if (timePs[k] >= lo && timePs[k] <= hi) {
                reg.addData(timePs[k], msd[k]);
                if (Double.isNaN(first)) first = timePs[k];
                last = timePs[k];
            }
        }
        if (reg.getN() < 3) {
            throw new IllegalArgumentException("diffusion fit window [" + tMinPs + ", " + tMaxPs + "] ps holds "
                    + reg.getN() + " MSD points; at least 3 are needed (times run from " + timePs[0] + " to "
                    + timePs[timePs.length - 1] + " ps)");
        }
        double slope = reg.getSlope();
        // R^2 is undefined when MSD is constant over the window (e.g. frozen atoms); the line then fits exactly.
        double r2 = reg.getTotalSumSquares() == 0 ? 1.0 : reg.getRSquare();
        double d = slope / 6.0;
        return new Fit(species, first, last, (int) reg.getN(), slope, reg.getIntercept(), r2, reg.getSlopeStdErr(),
                d, d * A2_PER_PS_TO_CM2_PER_S);
    }

    /** Fits every species of an MSD result over the same window. */
    public static List<Fit> fitAll(MeanSquaredDisplacement.Result r, double tMinPs, double tMaxPs) {
        return r.species().stream().map(s -> fit(s, r.timePs(), r.msdOf(s), tMinPs, tMaxPs)).toList();
    }

    /** msd_fit: species, t_min_ps, t_max_ps, points, slope_A2_per_ps, intercept_A2, r_squared, slope_std_err_A2_per_ps, D_A2_per_ps, D_cm2_per_s. */
    public static ResultTable table(List<Fit> fits) {
        int n = fits.size();
        String[] sp = new String[n];
        double[] t0 = new double[n], t1 = new double[n], slope = new double[n], icpt = new double[n], r2 = new double[n],
                se = new double[n], d = new double[n], dcm = new double[n];
        int[] pts = new int[n];
        for (int i = 0; i < n; i++) {
            Fit f = fits.get(i);
            sp[i] = f.species(); t0[i] = f.tMinPs(); t1[i] = f.tMaxPs(); pts[i] = f.points();
            slope[i] = f.slopeA2PerPs(); icpt[i] = f.interceptA2(); r2[i] = f.rSquared(); se[i] = f.slopeStdErr();
            d[i] = f.diffusionA2PerPs(); dcm[i] = f.diffusionCm2PerS();
        }
        return ResultTable.builder("msd_fit").strings("species", sp).doubles("t_min_ps", t0).doubles("t_max_ps", t1)
                .ints("points", pts).doubles("slope_A2_per_ps", slope).doubles("intercept_A2", icpt)
                .doubles("r_squared", r2).doubles("slope_std_err_A2_per_ps", se).doubles("D_A2_per_ps", d)
                .doubles("D_cm2_per_s", dcm).build();
    }
}
