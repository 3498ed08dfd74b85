package org.glasssoftness.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StudyStatisticsTest {
    private static double gauss(SplittableRandom r) {
        // Box-Muller
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void twoSeparatedGaussiansGiveTwoModesAtTheirCentres() {
        SplittableRandom r = new SplittableRandom(7);
        double[] v = new double[4000];
        for (int i = 0; i < v.length; i++) v[i] = i % 2 == 0 ? -0.4 + 0.12 * gauss(r) : 0.6 + 0.15 * gauss(r);
        double[] m = StudyStatistics.modes(v);
        assertEquals(2, m.length);
        assertEquals(-0.4, m[0], 0.05);
        assertEquals(0.6, m[1], 0.05);
    }

    @Test
    void oneGaussianOrTwoOverlappingOnesGiveOneMode() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[3000];
        for (int i = 0; i < v.length; i++) v[i] = 0.2 + 0.3 * gauss(r);
        double[] m = StudyStatistics.modes(v);
        assertEquals(1, m.length);
        assertEquals(0.2, m[0], 0.1, "the mode of a KDE of 3000 draws lies within a third of a standard deviation");
        // centres one standard deviation apart: the mixture is unimodal (a mixture of two equal Gaussians is bimodal
        // only for a separation above 2 sd)
        for (int i = 0; i < v.length; i++) v[i] = (i % 2 == 0 ? 0 : 1) + gauss(r);
        assertEquals(1, StudyStatistics.modes(v).length);
    }

    @Test
    void slopeOfALineAndOfNoisyPoints() {
        assertEquals(-0.25, StudyStatistics.slope(new double[] {30, 35, 40, 45, 50}, new double[] {2, 0.75, -0.5, -1.75, -3}), 1e-12);
        // hand: x = 0,1,2, y = 0,2,1 -> mean x 1, mean y 1, sxy = (-1)(-1)+0+(1)(0) = 1, sxx = 2 -> 0.5
        assertEquals(0.5, StudyStatistics.slope(new double[] {0, 1, 2}, new double[] {0, 2, 1}), 1e-12);
        // NaN entries skipped
        assertEquals(0.5, StudyStatistics.slope(new double[] {0, 1, 2, 3}, new double[] {0, 2, 1, Double.NaN}), 1e-12);
        assertEquals(Double.NaN, StudyStatistics.slope(new double[] {1}, new double[] {1}));
    }

    @Test
    void farOutliersDoNotHideTheModesAndCentralRangeIsTheHalfPercentQuantiles() {
        SplittableRandom r = new SplittableRandom(11);
        double[] v = new double[2001];
        for (int i = 0; i < 2000; i++) v[i] = i % 2 == 0 ? -0.4 + 0.12 * gauss(r) : 0.6 + 0.15 * gauss(r);
        v[2000] = 3904; // one atom with a huge softness, as in a briefly quenched small glass
        double[] m = StudyStatistics.modes(v);
        assertEquals(2, m.length);
        assertEquals(-0.4, m[0], 0.06);
        assertEquals(0.6, m[1], 0.06);
        // 0, 1, ..., 1000: quantile q at position 1000 q (numpy's linear rule) -> 5 and 995
        double[] g = new double[1001];
        for (int i = 0; i <= 1000; i++) g[i] = 1000 - i;
        double[] c = StudyStatistics.centralRange(g);
        assertEquals(5, c[0], 1e-9);
        assertEquals(995, c[1], 1e-9);
        assertEquals(2, StudyStatistics.median(new double[] {3, 1, 2, Double.NaN}));
        assertEquals(2.5, StudyStatistics.median(new double[] {4, 1, 3, 2}));
    }
}
