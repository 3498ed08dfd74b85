package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole training path (scaler fitted on the training rows, L2 logistic regression) against scikit-learn's
 * StandardScaler + LogisticRegression(C, class_weight) run on the same generated data by Debian's python3-sklearn.
 * Skips when /usr/bin/python3 has no sklearn.
 */
class ScikitLearnAgreementTest {
    static final String PYTHON = "/usr/bin/python3";

    static boolean sklearnAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sklearn").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void writeCsv(Path f, double[] x, int[] y, int d) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < d; k++) sb.append(x[i * d + k]).append(',');
            sb.append(y[i]).append('\n');
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    }

    static final String SCRIPT = String.join("\n",
            "import sys, numpy as np",
            "from sklearn.preprocessing import StandardScaler",
            "from sklearn.linear_model import LogisticRegression",
            "tr = np.loadtxt(sys.argv[1], delimiter=','); te = np.loadtxt(sys.argv[2], delimiter=',')",
            "C = float(sys.argv[3]); cw = None if sys.argv[4] == 'none' else 'balanced'",
            "sc = StandardScaler().fit(tr[:, :-1])",
            "m = LogisticRegression(C=C, class_weight=cw, tol=1e-12, max_iter=100000).fit(sc.transform(tr[:, :-1]), tr[:, -1])",
            "print(' '.join(repr(float(v)) for v in m.coef_[0]))",
            "print(repr(float(m.intercept_[0])))",
            "print(repr(float(m.score(sc.transform(te[:, :-1]), te[:, -1]))))",
            "print(repr(float(m.score(sc.transform(tr[:, :-1]), tr[:, -1]))))",
            "");

    @ParameterizedTest
    @CsvSource({"1.0, NONE", "0.05, BALANCED"})
    void agreesWithScikitLearn(double c, ClassWeighting weighting, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(sklearnAvailable(), "python3-sklearn is not installed");
        int d = 12, nTrain = 3000, nTest = 1000;
        double[] xTrain = LogisticRegressionTest.features(nTrain, d, 101);
        int[] yTrain = LogisticRegressionTest.labels(xTrain, nTrain, d, 101);
        double[] xTest = LogisticRegressionTest.features(nTest, d, 202);
        int[] yTest = LogisticRegressionTest.labels(xTest, nTest, d, 202);
        writeCsv(dir.resolve("train.csv"), xTrain, yTrain, d);
        writeCsv(dir.resolve("test.csv"), xTest, yTest, d);
        Files.writeString(dir.resolve("fit.py"), SCRIPT);
        Process p = new ProcessBuilder(PYTHON, dir.resolve("fit.py").toString(), dir.resolve("train.csv").toString(),
                dir.resolve("test.csv").toString(), Double.toString(c), weighting.name().toLowerCase())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "sklearn run failed:\n" + out);
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) if (!l.isBlank() && !l.contains("Warning")) lines.add(l.trim());
        String[] coef = lines.get(lines.size() - 4).split(" ");
        double intercept = Double.parseDouble(lines.get(lines.size() - 3));
        double skTestAcc = Double.parseDouble(lines.get(lines.size() - 2));
        double skTrainAcc = Double.parseDouble(lines.get(lines.size() - 1));

        // a 12-wide definition: 1 neighbour species, dr = 1, R_c = 12
        FeatureDefinition def = new FeatureDefinition("B", List.of("O"), 1.0, 12.0, 1.0);
        TrainingData train = new TrainingData(def, def.featureNames(), xTrain, yTrain, null);
        TrainingData test = new TrainingData(def, def.featureNames(), xTest, yTest, null);
        LogisticTrainer.Result r = new LogisticTrainer(TrainSettings.defaults().withC(c).withWeighting(weighting))
                .train(train, test, List.of("0", "1"), Progress.NONE);
        double[] w = r.model().weights();
        double wMax = 0;
        for (String s : coef) wMax = Math.max(wMax, Math.abs(Double.parseDouble(s)));
        for (int k = 0; k < d; k++) {
            double sk = Double.parseDouble(coef[k]);
            assertEquals(sk, w[k], 1e-3 * Math.abs(sk) + 1e-6 * wMax, "w[" + k + "] vs sklearn");
        }
        assertEquals(intercept, r.model().bias(), 1e-3 * Math.abs(intercept) + 1e-6 * wMax, "intercept vs sklearn");
        assertEquals(skTestAcc, r.test().accuracy(), 0.005, "test accuracy vs sklearn");
        assertEquals(skTrainAcc, r.train().accuracy(), 0.005, "train accuracy vs sklearn");
    }
}
