package org.glasssoftness.core.softness;

import java.util.Arrays;
import java.util.List;

/**
 * Binary classification quality of scores against labels: accuracy, balanced accuracy (mean of the two class
 * recalls), ROC AUC (Mann-Whitney statistic, ties counted one half) and the confusion matrix, with the prediction
 * "class 1 when score &gt; 0".
 */
public record ClassificationMetrics(int rows, double accuracy, double balancedAccuracy, double rocAuc,
                                    long trueNegatives, long falsePositives, long falseNegatives, long truePositives) {

    public static ClassificationMetrics of(int[] y, double[] score) {
        if (y.length != score.length) throw new IllegalArgumentException("labels and scores differ in length");
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (int i = 0; i < y.length; i++) {
            boolean pred = score[i] > 0;
            if (y[i] == 1) { if (pred) tp++; else fn++; } else { if (pred) fp++; else tn++; }
        }
        int n = y.length;
        double acc = n == 0 ? Double.NaN : (double) (tp + tn) / n;
        double tpr = (tp + fn) == 0 ? Double.NaN : (double) tp / (tp + fn);
        double tnr = (tn + fp) == 0 ? Double.NaN : (double) tn / (tn + fp);
        return new ClassificationMetrics(n, acc, 0.5 * (tpr + tnr), auc(y, score), tn, fp, fn, tp);
    }

    /** ROC AUC = P(score of a random positive &gt; score of a random negative) + 1/2 P(tie); NaN with one class. */
    static double auc(int[] y, double[] score) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        long nPos = 0;
        for (int v : y) nPos += v;
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) return Double.NaN;
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) j++;
            double midRank = 0.5 * (i + j) + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) if (y[order[k]] == 1) rankSumPos += midRank;
            i = j + 1;
        }
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    /** Column names of {@link #toRow}-based metrics tables. */
    public static final List<String> COLUMNS = List.of("set", "rows", "accuracy", "balanced_accuracy", "roc_auc",
            "true_negatives", "false_positives", "false_negatives", "true_positives");
}
