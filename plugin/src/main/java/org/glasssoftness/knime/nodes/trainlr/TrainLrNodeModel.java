package org.glasssoftness.knime.nodes.trainlr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.glasssoftness.core.softness.ClassWeighting;
import org.glasssoftness.core.softness.ClassificationMetrics;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.LogisticTrainer;
import org.glasssoftness.core.softness.SoftnessScan;
import org.glasssoftness.core.softness.TrainSettings;
import org.glasssoftness.core.softness.TrainingData;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.SoftnessModelPortObject;
import org.glasssoftness.knime.port.SoftnessModelPortObjectSpec;
import org.glasssoftness.knime.views.Curves;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Trains the softness logistic regression on a feature table and a label table (joined on id and the key columns),
 * with the test rows chosen by group value (e.g. the composition Li40B30P30) or given as separate test feature and
 * label tables on the optional ports 2 and 3; standardisation is fitted on the training rows only. Outputs the model,
 * a metrics table (train, test) and the weights w(r) per pair.
 */
final class TrainLrNodeModel extends GlassSoftnessNodeModel {
    static final String LABEL_COLUMN = "label-column";
    static final String THRESHOLD = "threshold";
    static final String KEYS = "keys";
    static final String GROUP_COLUMN = "group-column";
    static final String TEST_GROUPS = "test-groups";
    static final String C = "C";
    static final String CLASS_WEIGHT = "class-weight";
    static final String SEED = "seed";
    static final String WIDTH = "width";
    static final String CLASS_LABELS = "class-labels";

    private final SettingsModelString m_labelColumn = register(createLabelColumnModel());
    private final SettingsModelString m_threshold = register(createThresholdModel());
    private final SettingsModelString m_keys = register(createKeysModel());
    private final SettingsModelString m_groupColumn = register(createGroupColumnModel());
    private final SettingsModelString m_testGroups = register(createTestGroupsModel());
    private final SettingsModelDoubleBounded m_c = register(createCModel());
    private final SettingsModelString m_classWeight = register(createClassWeightModel());
    private final SettingsModelIntegerBounded m_seed = register(createSeedModel());
    private final SettingsModelDoubleBounded m_width = register(createWidthModel());
    private final SettingsModelString m_classLabels = register(createClassLabelsModel());

    TrainLrNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL,
                BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{SoftnessModelPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createLabelColumnModel() { return new SettingsModelString(LABEL_COLUMN, "label"); }
    static SettingsModelString createThresholdModel() { return new SettingsModelString(THRESHOLD, ""); }
    static SettingsModelString createKeysModel() { return new SettingsModelString(KEYS, "sample,frame"); }
    static SettingsModelString createGroupColumnModel() { return new SettingsModelString(GROUP_COLUMN, "sample"); }
    static SettingsModelString createTestGroupsModel() { return new SettingsModelString(TEST_GROUPS, ""); }
    static SettingsModelDoubleBounded createCModel() { return new SettingsModelDoubleBounded(C, 1.0, 1e-12, 1e12); }
    static SettingsModelString createClassWeightModel() { return new SettingsModelString(CLASS_WEIGHT, "none"); }
    static SettingsModelIntegerBounded createSeedModel() { return new SettingsModelIntegerBounded(SEED, 42, 0, Integer.MAX_VALUE); }
    static SettingsModelDoubleBounded createWidthModel() { return new SettingsModelDoubleBounded(WIDTH, 0, 0, 100); }
    static SettingsModelString createClassLabelsModel() { return new SettingsModelString(CLASS_LABELS, "0,1"); }

    private static double threshold(final String t) throws InvalidSettingsException {
        if (t == null || t.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Threshold: '" + t + "' is not a number (empty = the label column holds 0/1)");
        }
    }

    private static ClassWeighting weighting(final String w) throws InvalidSettingsException {
        try {
            return ClassWeighting.parse(w, "Class weight");
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        threshold(m_threshold.getStringValue());
        weighting(m_classWeight.getStringValue());
        if (commaList(m_classLabels.getStringValue()).size() != 2) {
            throw new InvalidSettingsException("Class labels: two names separated by a comma, e.g. immobile,mobile");
        }
    }

    private FeatureDefinition definition(final ResultTable features) throws InvalidSettingsException {
        try {
            return FeatureTables.definitionOf(features, m_width.getDoubleValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Feature table: " + e.getMessage(), e);
        }
    }

    static ResultTable emptyWeights() {
        return ResultTable.builder("weights").strings("pair", new String[0]).doubles("r_A", new double[0])
            .doubles("w", new double[0]).strings("feature", new String[0]).build();
    }

    static ResultTable emptyMetrics() {
        ClassificationMetrics none = ClassificationMetrics.of(new int[0], new double[0]);
        return LogisticTrainer.metricsTable(none, none);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        checkSettings();
        SoftnessModelPortObjectSpec modelSpec = null;
        if (inSpecs[0] instanceof DataTableSpec) {
            DataTableSpec features = (DataTableSpec)inSpecs[0];
            modelSpec = new SoftnessModelPortObjectSpec(definition(InputTables.empty(features)));
            String group = m_groupColumn.getStringValue();
            if (!commaList(m_testGroups.getStringValue()).isEmpty() && group != null && !group.isBlank()
                && !features.containsName(group)) {
                throw new InvalidSettingsException("Feature table has no group column '" + group
                    + "' (needed to pick the test groups)");
            }
        }
        if (inSpecs[1] instanceof DataTableSpec && !((DataTableSpec)inSpecs[1]).containsName(m_labelColumn.getStringValue())) {
            throw new InvalidSettingsException("Label table has no column '" + m_labelColumn.getStringValue() + "'");
        }
        checkTestPorts(inSpecs[2] != null, inSpecs[3] != null);
        if (inSpecs[3] instanceof DataTableSpec && !((DataTableSpec)inSpecs[3]).containsName(m_labelColumn.getStringValue())) {
            throw new InvalidSettingsException("Test label table has no column '" + m_labelColumn.getStringValue() + "'");
        }
        DataTableSpec[] tables = ResultTables.specs(emptyMetrics(), emptyWeights());
        return new PortObjectSpec[]{modelSpec, tables[0], tables[1]};
    }

    /** Test tables come as a pair and replace the split by test groups. */
    private void checkTestPorts(final boolean testFeatures, final boolean testLabels) throws InvalidSettingsException {
        if (testFeatures != testLabels) {
            throw new InvalidSettingsException("Connect both test inputs (test features and test labels) or neither");
        }
        if (testFeatures && !commaList(m_testGroups.getStringValue()).isEmpty()) {
            throw new InvalidSettingsException("Test rows come either from test groups or from the test tables: "
                + "clear the test groups or disconnect the test inputs");
        }
    }

    /** w(r), one series per neighbour species, on the feature grid (Fig. 5c-d). */
    static Curves weightCurves(final org.glasssoftness.core.softness.SoftnessModel model) {
        FeatureDefinition def = model.definition();
        int g = def.gridSize();
        double[] r = new double[g];
        for (int k = 0; k < g; k++) {
            r[k] = def.radius(k);
        }
        double[] w = model.weights();
        List<String> names = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int s = 0; s < def.neighbourSpecies().size(); s++) {
            names.add(def.focusSpecies() + "-" + def.neighbourSpecies().get(s));
            ys.add(Arrays.copyOfRange(w, s * g, (s + 1) * g));
        }
        return new Curves("Weights w(r) of the softness hyperplane", "r (Å)", "w", r, names, ys);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        ResultTable features = InputTables.read((BufferedDataTable)inObjects[0]);
        ResultTable labels = InputTables.read((BufferedDataTable)inObjects[1]);
        checkTestPorts(inObjects[2] != null, inObjects[3] != null);
        ResultTable testFeatures = inObjects[2] == null ? null : InputTables.read((BufferedDataTable)inObjects[2]);
        ResultTable testLabels = inObjects[3] == null ? null : InputTables.read((BufferedDataTable)inObjects[3]);
        FeatureDefinition def = definition(features);
        List<String> groups = commaList(m_testGroups.getStringValue());
        Set<String> test = groups.isEmpty() ? null : new HashSet<>(groups);
        TrainingData[] split = SoftnessScan.split(features, labels, testFeatures, testLabels, def, commaList(m_keys.getStringValue()),
            m_labelColumn.getStringValue(), threshold(m_threshold.getStringValue()), m_groupColumn.getStringValue(), test);
        TrainSettings s = new TrainSettings(m_c.getDoubleValue(), weighting(m_classWeight.getStringValue()),
            m_seed.getIntValue(), 1e-10, 100);
        LogisticTrainer.Result r = runEngine(exec.createSubProgress(0.9),
            p -> new LogisticTrainer(s).train(split[0], split[1], commaList(m_classLabels.getStringValue()), p));
        ResultTable metrics = r.metricsTable(); // one row (train) without a test set, else train and test
        List<String> warnings = new ArrayList<>();
        if (r.test() == null) {
            warnings.add("No test rows (set test groups to hold out e.g. a composition, or connect test tables); "
                + "the metrics table has the train row only");
        }
        int angular = FeatureTables.angularColumns(features).size();
        if (angular > 0) {
            warnings.add("The model uses the " + def.featureCount() + " radial G_ columns only; the " + angular
                + " angular Psi_ columns are ignored (the CLI's compare-features evaluates them)");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join(". ", warnings));
        }
        setCurves(weightCurves(r.model()));
        BufferedDataTable[] tables = ResultTables.toTables(exec, 0.1, metrics, r.weightsTable());
        return new PortObject[]{new SoftnessModelPortObject(r.model()), tables[0], tables[1]};
    }
}
