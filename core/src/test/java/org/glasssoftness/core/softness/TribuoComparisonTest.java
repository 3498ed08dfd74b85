package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tribuo's LinearSGDTrainer (LogMulticlass, AdaGrad) against the exact solver on the same standardised rows: with
 * weak regularisation (C = 1e4, close to Tribuo's unregularised objective) the two classifiers agree in accuracy, but
 * Tribuo's weights are only an approximation, which is why training uses the exact solver.
 */
class TribuoComparisonTest {

    @Test
    void tribuoSgdApproachesTheExactSolution() {
        int n = 3000, d = 8, nTest = 1000;
        double[] x = LogisticRegressionTest.features(n, d, 31);
        int[] y = LogisticRegressionTest.labels(x, n, d, 31);
        double[] xt = LogisticRegressionTest.features(nTest, d, 32);
        int[] yt = LogisticRegressionTest.labels(xt, nTest, d, 32);
        StandardScaler sc = StandardScaler.fit(x, n, d);
        double[] xs = sc.transform(x, n, d), xts = sc.transform(xt, nTest, d);
        LogisticRegressionSolver.Solution exact = new LogisticRegressionSolver(1e4).solve(xs, n, d, y, null);
        FeatureDefinition def = new FeatureDefinition("B", List.of("O"), 1.0, 8.0, 1.0);
        double[] tri = new TribuoSgdTrainer(20, 7L).fit(xs, n, d, y, def.featureNames());
        double[] tri2 = new TribuoSgdTrainer(20, 7L).fit(xs, n, d, y, def.featureNames());
        assertArrayEquals(tri, tri2, 0.0, "same seed, same Tribuo model");
        double accExact = accuracy(xts, nTest, d, yt, exact.weights(), exact.bias());
        double accTribuo = accuracy(xts, nTest, d, yt, java.util.Arrays.copyOf(tri, d), tri[d]);
        assertEquals(accExact, accTribuo, 0.02, "test accuracy exact " + accExact + " vs Tribuo " + accTribuo);
        double maxW = 0, maxDiff = 0;
        for (int k = 0; k < d; k++) {
            maxW = Math.max(maxW, Math.abs(exact.weights()[k]));
            maxDiff = Math.max(maxDiff, Math.abs(exact.weights()[k] - tri[k]));
        }
        System.out.printf("Tribuo SGD vs exact: test accuracy %.4f vs %.4f, max weight difference %.3g of max|w| %.3g%n",
                accTribuo, accExact, maxDiff, maxW);
        assertTrue(maxDiff < 0.1 * maxW, "same hyperplane within 10 %: " + maxDiff + " vs " + maxW);
    }

    private static double accuracy(double[] x, int n, int d, int[] y, double[] w, double b) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int k = 0; k < d; k++) z += w[k] * x[i * d + k];
            if ((z > 0 ? 1 : 0) == y[i]) ok++;
        }
        return (double) ok / n;
    }
}
