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
        ResultTable.Builder b = FocusAtoms.keyColumns(name, frame, timestep, ids, species);
        FocusAtoms.addFeatureColumns(b, featureNames(), values);
        return b.build();
    }
}
