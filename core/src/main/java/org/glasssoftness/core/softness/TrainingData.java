package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Labelled feature rows for training or testing: n x d raw (unstandardised) features, row-major, labels 0/1, and an
 * optional group per row (e.g. composition or sample name) used to split train from test without leakage.
 */
public record TrainingData(FeatureDefinition definition, List<String> featureNames, double[] x, int[] y, String[] group) {
    public TrainingData {
        featureNames = List.copyOf(featureNames);
        int d = featureNames.size();
        if (d == 0) throw new IllegalArgumentException("no feature columns");
        if (x.length != (long) y.length * d) {
            throw new IllegalArgumentException(y.length + " labels but " + x.length + " feature values for " + d + " features");
        }
        if (group != null && group.length != y.length) throw new IllegalArgumentException("group column has wrong length");
        for (int v : y) if (v != 0 && v != 1) throw new IllegalArgumentException("labels must be 0 or 1, got " + v);
    }

    public int rows() { return y.length; }
    public int features() { return featureNames.size(); }

    /** Rows whose group is (inGroups = true) or is not (false) in the given set. */
    public TrainingData select(Set<String> groups, boolean inGroups) {
        if (group == null) throw new IllegalArgumentException("no group column to split by");
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < y.length; i++) if (groups.contains(group[i]) == inGroups) keep.add(i);
        int d = features();
        double[] nx = new double[keep.size() * d];
        int[] ny = new int[keep.size()];
        String[] ng = new String[keep.size()];
        for (int r = 0; r < keep.size(); r++) {
            int i = keep.get(r);
            System.arraycopy(x, i * d, nx, r * d, d);
            ny[r] = y[i];
            ng[r] = group[i];
        }
        return new TrainingData(definition, featureNames, nx, ny, ng);
    }

    /** Rows with the labels replaced (e.g. a new mobility threshold). */
    public TrainingData withLabels(int[] labels) {
        return new TrainingData(definition, featureNames, x, labels, group);
    }
}
