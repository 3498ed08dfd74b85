package org.glasssoftness.core.softness.tribuo;

import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * An {@link ArrayExample} made from a row whose feature names are already sorted, distinct and the feature map's own
 * String instances: {@code ArrayExample(output, names, values)} copies both arrays and then argsorts the names
 * (boxed indices, ~1,500 String comparisons for 200 features, per row), and {@code canonicalize} looks every name up in
 * the feature map again; for 20,000 x 200 rows that was most of the dataset's cost. Here the names array is copied
 * (so later mutations of one example cannot touch another) and the values are taken as given.
 */
final class DenseRowExample extends ArrayExample<Label> {
    private static final long serialVersionUID = 1L;

    /**
     * @param sortedCanonicalNames feature names sorted ascending, distinct, the feature map's instances (not checked:
     *                             {@link TribuoData#dataset} builds them so)
     * @param values               values in the order of the names; owned by the example from now on
     */
    DenseRowExample(Label output, String[] sortedCanonicalNames, double[] values) {
        super(output, 1.0f, 0);
        this.featureNames = sortedCanonicalNames.clone();
        this.featureValues = values;
        this.size = values.length;
    }
}
