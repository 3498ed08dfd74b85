package org.glasssoftness.core.md.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.model.Frame;
import org.junit.jupiter.api.Test;

/**
 * The NPT criterion: after equilibration, the time-averaged pressure of a Nose-Hoover/MTK NPT run agrees with
 * the target within its statistical error bar. The error bar comes from block averaging (Flyvbjerg-Petersen): the
 * standard error of the mean of block means, taken at the block length where it stops growing (blocks longer than
 * the pressure's correlation time; the largest standard error over block lengths 1 .. n/8 is used, which is
 * conservative because the barostat's oscillation makes short blocks anticorrelated).
 *
 * <p>System: 500 uncharged O atoms with the O-O Buckingham pair (5 Å cutoff, cheap), 300 K, target 5 kbar (at 0 bar
 * this one-component fluid would evaporate). It starts from a packing at 1.6 g/cm^3 whose pressure is about 440 kbar,
 * so the barostat must more than double the volume to reach the target: a barostat that does nothing, has the wrong
 * sign or the wrong pressure definition fails. Measured: mean 4998.6 +- 17.2 bar over 8192 steps of 2 fs.
 */
class NptPressureTest {
    static final int N = 500;
    static final double TARGET_BAR = 5000;

    @Test
    void meanPressureMatchesTargetWithinErrorBar() {
        ForceField ff = ForceField.dengDuLiBP();
        List<String> names = List.of("O");
        PairCoefficients[][] c = ff.resolve(names, Map.of(), BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        Frame f = GlassBuilder.randomPacking(Map.of("O", N), 1.6, 2.2, 3);
        double[] mass = new double[N];
        Arrays.fill(mass, 15.9994);
        MdState s = new MdState(f.box(), f.ids(), names, new int[N], new double[N], mass, f.positions().clone(), null, null);
        try (ForceEvaluator ev = new ForceEvaluator(c, 5.0, 1.0, null, 2)) {
            VelocityInit.create(s, 300, 5);
            VelocityVerlet nvt = new VelocityVerlet(ev, 0.002, new NoseHooverChain(300, 300, 0.1));
            nvt.setup(s);
            double[] pStart = {0};
            nvt.run(s, 200, (st, e) -> pStart[0] += pressure(st, e.virial()) / 200, null);
            double v0 = s.box.volume();
            NoseHooverNpt npt = new NoseHooverNpt(ev, 0.002, 300, 300, 0.1, TARGET_BAR, TARGET_BAR, 0.5, true, null);
            npt.setup(s);
            npt.run(s, 1500, null, null); // 3 ps equilibration
            int prod = 8192;
            double[] p = new double[prod];
            int[] k = {0};
            npt.run(s, prod, (st, e) -> p[k[0]++] = pressure(st, e.virial()), null);
            double mean = Arrays.stream(p).average().orElseThrow();
            double err = 0;
            for (int b = 1; b <= prod / 8; b *= 2) {
                double se = blockStandardError(p, b);
                System.out.printf("block %5d steps: standard error %.2f bar%n", b, se);
                err = Math.max(err, se);
            }
            System.out.printf("NPT: start pressure (NVT) %.1f bar, volume %.1f -> %.1f A^3; mean P %.2f +- %.2f bar, target %.1f%n",
                    pStart[0], v0, s.box.volume(), mean, err, TARGET_BAR);
            assertTrue(err > 0 && err < 0.01 * TARGET_BAR, "error bar " + err + " bar too large to test anything");
            assertTrue(Math.abs(pStart[0] - TARGET_BAR) > 100 * err, "start pressure already at the target");
            assertEquals(TARGET_BAR, mean, 2 * err, "mean NPT pressure vs target (2 standard errors)");
        }
    }

    /** Scalar pressure as the barostat sees it: (dof k T + tr W) / (3 V), bar. */
    static double pressure(MdState s, double[] virial) {
        return (Thermo.dof(s) * Units.BOLTZ * Thermo.temperature(s) + virial[0] + virial[1] + virial[2])
                / (3 * s.box.volume()) * Units.NKTV2P;
    }

    /** Standard error of the mean from non-overlapping blocks of {@code len} samples. */
    static double blockStandardError(double[] x, int len) {
        int nb = x.length / len;
        double[] m = new double[nb];
        for (int b = 0; b < nb; b++) {
            double sum = 0;
            for (int i = b * len; i < (b + 1) * len; i++) sum += x[i];
            m[b] = sum / len;
        }
        double mu = Arrays.stream(m).average().orElseThrow(), var = 0;
        for (double v : m) var += (v - mu) * (v - mu);
        return Math.sqrt(var / (nb - 1) / nb);
    }
}
