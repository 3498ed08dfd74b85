package org.glasssoftness.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.junit.jupiter.api.Test;

class FaberZimanTest {
    private static final double RHO = 0.08;

    private static double[] centres(int n, double dr) {
        double[] r = new double[n];
        for (int k = 0; k < n; k++) r[k] = (k + 0.5) * dr;
        return r;
    }

    @Test
    void gaussianPeakMatchesClosedForm() {
        // g = 1 + A exp(-(r - r0)^2 / 2 s^2): S(Q) = 1 + 4 pi rho A sqrt(2 pi) s exp(-Q^2 s^2 / 2)
        //   (r0 sin(Q r0) + Q s^2 cos(Q r0)) / Q   (the Gaussian's tail below r = 0 is < 1e-40)
        double amp = 2, r0 = 3, s = 0.2, dr = 0.01;
        double[] r = centres(1000, dr);
        double[] g = new double[r.length];
        for (int k = 0; k < r.length; k++) g[k] = 1 + amp * Math.exp(-(r[k] - r0) * (r[k] - r0) / (2 * s * s));
        double[] q = new QGrid(0, 20, 0.05).values();
        double[] sq = new FaberZiman(r, dr, q, false).transform(g, RHO);
        for (int i = 0; i < q.length; i++) {
            double qq = q[i];
            double expected = qq == 0
                    ? 1 + 4 * Math.PI * RHO * amp * Math.sqrt(2 * Math.PI) * s * (r0 * r0 + s * s)
                    : 1 + 4 * Math.PI * RHO * amp * Math.sqrt(2 * Math.PI) * s * Math.exp(-qq * qq * s * s / 2)
                            * (r0 * Math.sin(qq * r0) + qq * s * s * Math.cos(qq * r0)) / qq;
            assertEquals(expected, sq[i], 1e-9, "Q = " + qq);
        }
    }

    @Test
    void hardSphereStepMatchesClosedForm() {
        // g = 0 below sigma, 1 above: S(Q) = 1 - 4 pi rho (sin(Q sigma) - Q sigma cos(Q sigma)) / Q^3
        double sigma = 2.5, dr = 0.005;
        double[] r = centres(2000, dr);
        double[] g = new double[r.length];
        for (int k = 0; k < r.length; k++) g[k] = r[k] < sigma ? 0 : 1;
        double[] q = new QGrid(0.1, 15, 0.1).values();
        double[] sq = new FaberZiman(r, dr, q, false).transform(g, RHO);
        for (int i = 0; i < q.length; i++) {
            double x = q[i] * sigma;
            double expected = 1 - 4 * Math.PI * RHO * (Math.sin(x) - x * Math.cos(x)) / Math.pow(q[i], 3);
            // midpoint rule on a smooth piece ending at a bin edge: error ~ dr^2/24 * |f'|, well below 1e-4
            assertEquals(expected, sq[i], 1e-4, "Q = " + q[i]);
        }
    }

    @Test
    void lorchWindowAgreesWithDirectQuadrature() {
        double amp = 1.5, r0 = 2.4, s = 0.25, dr = 0.01;
        int n = 800;
        double rMax = n * dr;
        double[] r = centres(n, dr);
        double[] g = new double[n];
        for (int k = 0; k < n; k++) g[k] = 1 + amp * Math.exp(-(r[k] - r0) * (r[k] - r0) / (2 * s * s));
        double[] q = {0, 0.5, 1.7, 3.3, 8.0, 12.5};
        double[] sq = new FaberZiman(r, dr, q, true).transform(g, RHO);
        IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13);
        for (int i = 0; i < q.length; i++) {
            double qq = q[i];
            double integral = quad.integrate(1_000_000, x -> {
                double lorch = FaberZiman.sinc(Math.PI * x / rMax);
                return 4 * Math.PI * x * x * amp * Math.exp(-(x - r0) * (x - r0) / (2 * s * s))
                        * FaberZiman.sinc(qq * x) * lorch;
            }, 0, rMax);
            assertEquals(1 + RHO * integral, sq[i], 1e-8, "Q = " + qq);
        }
    }

    @Test
    void weightedTotalUsesOrderedPairWeights() {
        SpeciesPairs pairs = new SpeciesPairs(List.of("A", "B"));
        double[][] s = {{2, 2}, {3, 3}, {4, 4}}; // A-A, A-B, B-B
        double[] total = FaberZiman.weightedTotal(pairs, s, new double[] {0.25, 0.75}, new double[] {-2, 5});
        // weights 0.25, 2 * (0.25 * -2)(0.75 * 5) = -3.75, 14.0625; sum (0.25*-2 + 0.75*5)^2 = 10.5625
        assertEquals((0.25 * 2 - 3.75 * 3 + 14.0625 * 4) / 10.5625, total[0], 1e-14);
        assertThrows(IllegalArgumentException.class,
                () -> FaberZiman.weightedTotal(pairs, s, new double[] {0.5, 0.5}, new double[] {-1, 1}));
    }

    @Test
    void neutronWeightedFunctionsOfRockSalt() {
        double a = 5.64;
        Frame f = TestFrames.rockSalt(Box.cubic(3 * a), a, "Na", "Cl");
        RdfResult res = new PairDistribution(8.0, 0.02, false, 1).compute(f);
        double bNa = 3.63, bCl = 9.577; // Elements table (Sears 1992)
        double mean = 0.5 * bNa + 0.5 * bCl;
        // below the first shell (a/2 = 2.82 Å) every g is 0: G = -(sum c b)^2, normalised G = -1, D = -4 pi r rho
        ScatteringLengths sl = ScatteringLengths.neutronDefaults();
        double[] bigG = res.neutronG(sl), gn = res.neutronGNormalised(sl), d = res.differential(gn);
        double[] r = res.r();
        assertEquals(-mean * mean, bigG[50], 1e-12);
        assertEquals(-1, gn[50], 1e-15);
        assertEquals(-4 * Math.PI * r[50] * (216 / Math.pow(3 * a, 3)), d[50], 1e-12);
        // in the first-shell bin only Na-Cl pairs: G = 2 c c b b (g_NaCl - 1) - c^2 b_Na^2 - c^2 b_Cl^2
        int k = (int) (a / 2 / 0.02);
        double gNaCl = res.partial("Na", "Cl")[k];
        assertEquals(2 * 0.25 * bNa * bCl * (gNaCl - 1) - 0.25 * bNa * bNa - 0.25 * bCl * bCl, bigG[k], 1e-9);
        // X-ray-like weights by override: Z(Na) = 11, Z(Cl) = 17
        double[] gx = res.neutronG(ScatteringLengths.parse("Na=11,Cl=17"));
        assertEquals(-(14.0 * 14.0), gx[50], 1e-12);
        // the S(Q) table carries the partials and the weighted total
        StructureFactors sf = res.structureFactors(new QGrid(0.5, 10, 0.5), true, sl);
        double[] w = {0.25 * bNa * bNa, 2 * 0.25 * bNa * bCl, 0.25 * bCl * bCl};
        double[] sNaNa = sf.partial("Na", "Na"), sNaCl = sf.partial("Cl", "Na"), sClCl = sf.partial("Cl", "Cl");
        for (int i = 0; i < sf.q().length; i++) {
            assertEquals((w[0] * sNaNa[i] + w[1] * sNaCl[i] + w[2] * sClCl[i]) / (mean * mean), sf.total()[i], 1e-12);
        }
        assertEquals(List.of("Q_A-1", "S_Na-Na", "S_Na-Cl", "S_Cl-Cl", "S_neutron"),
                sf.table().columns().stream().map(c -> c.name()).toList());
    }
}
