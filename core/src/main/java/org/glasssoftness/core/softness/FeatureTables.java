package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glasssoftness.core.table.ResultTable;

/**
 * Turns feature tables (as written by {@link FeatureSet#toTable}, possibly concatenated over samples) and label
 * tables into {@link TrainingData}: recognises the feature columns, joins labels by key columns, and fails clearly
 * when a feature row has no label.
 */
public final class FeatureTables {
    private static final Pattern NAME = Pattern.compile("G_([^-]+)-([^_]+)_([0-9]+(?:\\.[0-9]+)?)");

    private FeatureTables() { }

    /**
     * Recovers the feature definition from the {@code G_<focus>-<X>_<r>} column names (dr = smallest r, R_c = largest);
     * L is not in the names and is given.
     */
    public static FeatureDefinition definitionOf(ResultTable t, double width) {
        String focus = null;
        LinkedHashSet<String> neighbours = new LinkedHashSet<>();
        TreeSet<Double> radii = new TreeSet<>();
        List<String> found = new ArrayList<>();
        for (ResultTable.Column c : t.columns()) {
            Matcher m = NAME.matcher(c.name());
            if (!m.matches()) continue;
            if (focus == null) focus = m.group(1);
            else if (!focus.equals(m.group(1))) {
                throw new IllegalArgumentException("table " + t.name() + " mixes focus species " + focus + " and " + m.group(1));
            }
            neighbours.add(m.group(2));
            radii.add(Double.parseDouble(m.group(3)));
            found.add(c.name());
        }
        if (focus == null) throw new IllegalArgumentException("table " + t.name() + " has no feature columns named G_<focus>-<X>_<r>");
        double dr = radii.first(), rc = radii.last();
        FeatureDefinition def = new FeatureDefinition(focus, new ArrayList<>(neighbours), dr, rc, width > 0 ? width : dr);
        if (!new TreeSet<>(found).equals(new TreeSet<>(def.featureNames()))) {
            throw new IllegalArgumentException("table " + t.name() + " has " + found.size() + " feature columns, but a full grid "
                    + def.describe() + " needs " + def.featureCount());
        }
        return def;
    }

    /** Feature values of every row in model column order, n x d row-major. */
    public static double[] featureMatrix(ResultTable t, FeatureDefinition def) {
        List<String> names = def.featureNames();
        int n = t.rowCount(), d = names.size();
        double[] x = new double[n * d];
        for (int k = 0; k < d; k++) {
            double[] col = numeric(t, names.get(k));
            for (int i = 0; i < n; i++) x[i * d + k] = col[i];
        }
        return x;
    }

    /** Names of the angular feature columns ({@code Psi_...}, {@link AngularDefinition#PREFIX}) in table order. */
    public static List<String> angularColumns(ResultTable t) {
        return t.columns().stream().map(ResultTable.Column::name).filter(n -> n.startsWith(AngularDefinition.PREFIX)).toList();
    }

    /** A numeric column as doubles (DOUBLE, INT or LONG). */
    public static double[] numeric(ResultTable t, String name) {
        ResultTable.Column c = t.column(name);
        int n = t.rowCount();
        double[] v = new double[n];
        switch (c.type()) {
            case DOUBLE: return c.doubles().clone();
            case INT: for (int i = 0; i < n; i++) v[i] = c.ints()[i]; return v;
            case LONG: for (int i = 0; i < n; i++) v[i] = c.longs()[i]; return v;
            default:
                for (int i = 0; i < n; i++) {
                    try {
                        v[i] = Double.parseDouble(c.strings()[i].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("table " + t.name() + " column " + name + " row " + (i + 1)
                                + ": '" + c.strings()[i] + "' is not a number");
                    }
                }
                return v;
        }
    }

    private static String cell(ResultTable t, String col, int row) {
        ResultTable.Column c = t.column(col);
        String s = c.text(row);
        if (c.type() == ResultTable.Type.DOUBLE) {
            double v = c.doubles()[row];
            if (v == Math.rint(v)) s = Long.toString((long) v);
        }
        return s;
    }

    private static boolean has(ResultTable t, String col) {
        for (ResultTable.Column c : t.columns()) if (c.name().equals(col)) return true;
        return false;
    }

    /**
     * Joins labels onto feature rows.
     *
     * @param features     feature table (needs an {@code id} column and the G_ columns of {@code def})
     * @param labels       label table with {@code id}, and any of {@code keyColumns} present in both tables
     * @param keyColumns   extra join keys used when present in both tables (e.g. "sample", "frame")
     * @param labelColumn  column of {@code labels}: 0/1, or a number thresholded by {@code threshold}
     * @param threshold    NaN: the column holds 0/1 labels; otherwise label = value &gt; threshold (e.g. D_cum &gt; D_c)
     * @param groupColumn  column of {@code features} whose value names the row's group (for splitting), or null
     */
    public static TrainingData join(ResultTable features, FeatureDefinition def, ResultTable labels, List<String> keyColumns,
                                    String labelColumn, double threshold, String groupColumn) {
        int[] y = labelsFor(features, labels, keyColumns, labelColumn, threshold);
        int n = features.rowCount();
        String[] group = null;
        if (groupColumn != null && !groupColumn.isEmpty()) {
            if (!has(features, groupColumn)) throw new IllegalArgumentException("feature table has no group column " + groupColumn);
            group = new String[n];
            for (int i = 0; i < n; i++) group[i] = cell(features, groupColumn, i);
        }
        return new TrainingData(def, def.featureNames(), featureMatrix(features, def), y, group);
    }

    /**
     * The 0/1 label of every row of {@code rows}, looked up in {@code labels} by {@code id} plus the
     * {@code keyColumns} present in both tables; fails naming the first row without a label.
     */
    public static int[] labelsFor(ResultTable rows, ResultTable labels, List<String> keyColumns, String labelColumn,
                                  double threshold) {
        if (!has(rows, "id")) throw new IllegalArgumentException("table " + rows.name() + " has no id column");
        if (!has(labels, "id")) throw new IllegalArgumentException("label table " + labels.name() + " has no id column");
        if (!has(labels, labelColumn)) throw new IllegalArgumentException("label table " + labels.name() + " has no column " + labelColumn);
        List<String> keys = new ArrayList<>();
        for (String k : keyColumns) if (has(rows, k) && has(labels, k)) keys.add(k);
        keys.add("id");
        double[] lv = numeric(labels, labelColumn);
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < labels.rowCount(); i++) {
            String key = key(labels, keys, i);
            int lab;
            if (Double.isNaN(threshold)) {
                if (lv[i] != 0 && lv[i] != 1) {
                    throw new IllegalArgumentException("label table " + labels.name() + " row " + (i + 1) + ": label " + lv[i]
                            + " is not 0 or 1 (give a threshold to binarise a continuous column)");
                }
                lab = (int) lv[i];
            } else {
                lab = lv[i] > threshold ? 1 : 0;
            }
            if (byKey.put(key, lab) != null) {
                throw new IllegalArgumentException("label table " + labels.name() + " has key " + key + " twice (join keys " + keys + ")");
            }
        }
        int n = rows.rowCount();
        int[] y = new int[n];
        int missing = 0;
        String firstMissing = null;
        for (int i = 0; i < n; i++) {
            Integer lab = byKey.get(key(rows, keys, i));
            if (lab == null) {
                if (firstMissing == null) firstMissing = key(rows, keys, i);
                missing++;
            } else {
                y[i] = lab;
            }
        }
        if (missing > 0) {
            throw new IllegalArgumentException(missing + " of " + n + " rows of " + rows.name() + " have no label (first: " + keys
                    + " = " + firstMissing + "); the label table does not match the atom ids");
        }
        return y;
    }

    private static String key(ResultTable t, List<String> keys, int row) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) sb.append(cell(t, k, row)).append('|');
        return sb.toString();
    }
}
