package org.glasssoftness.core.softness;

import java.util.List;
import org.glasssoftness.core.table.ResultTable;

/**
 * Radial features of the focus atoms of one or more frames: one row per (frame, atom), keyed by frame index,
 * timestep and atom id, with the raw (unstandardised) feature values row-major.
 */
public record FeatureSet(FeatureDefinition definition, int[] frame, long[] timestep, long[] ids, String[] species,
                         double[] values) {
    public FeatureSet {
        int n = ids.length;
        if (frame.length != n || timestep.length != n || species.length != n
                || values.length != (long) n * definition.featureCount()) {
            throw new IllegalArgumentException("feature set columns have inconsistent lengths");
        }
    }

    public int rows() { return ids.length; }
    public int featureCount() { return definition.featureCount(); }
    public List<String> featureNames() { return definition.featureNames(); }

    /** The table: {@code frame, timestep, id, species} then one DOUBLE column per feature. */
    public ResultTable toTable(String name) {
        int n = rows(), d = featureCount();
        ResultTable.Builder b = ResultTable.builder(name).ints("frame", frame.clone()).longs("timestep", timestep.clone())
                .longs("id", ids.clone()).strings("species", species.clone());
        List<String> names = featureNames();
        for (int k = 0; k < d; k++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = values[i * d + k];
            b.doubles(names.get(k), col);
        }
        return b.build();
    }
}
