package org.glasssoftness.core.softness;

import java.util.List;
import org.glasssoftness.core.table.ResultTable;

/**
 * Angular features of the focus atoms of one or more frames: one row per (frame, atom), keyed like
 * {@link FeatureSet} (frame index, timestep, atom id, species) and in the same row order, values row-major.
 */
public record AngularFeatureSet(AngularDefinition definition, int[] frame, long[] timestep, long[] ids, String[] species,
                                double[] values) {
    public AngularFeatureSet {
        int n = ids.length;
        if (frame.length != n || timestep.length != n || species.length != n
                || values.length != (long) n * definition.featureCount()) {
            throw new IllegalArgumentException("angular feature set columns have inconsistent lengths");
        }
    }

    public int rows() { return ids.length; }
    public int featureCount() { return definition.featureCount(); }
    public List<String> featureNames() { return definition.featureNames(); }

    /** The table: {@code frame, timestep, id, species} then one DOUBLE column per feature. */
    public ResultTable toTable(String name) {
        ResultTable.Builder b = FocusAtoms.keyColumns(name, frame, timestep, ids, species);
        addColumns(b);
        return b.build();
    }

    /** Adds the feature columns (in feature order) to a table being built with the same rows. */
    public void addColumns(ResultTable.Builder b) {
        FocusAtoms.addFeatureColumns(b, featureNames(), values);
    }
}
