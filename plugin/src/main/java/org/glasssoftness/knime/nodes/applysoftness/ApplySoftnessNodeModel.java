package org.glasssoftness.knime.nodes.applysoftness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.SoftnessApplier;
import org.glasssoftness.core.softness.SoftnessStatistics;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.nodes.trainlr.InputTables;
import org.glasssoftness.knime.port.SoftnessModelPortObject;
import org.glasssoftness.knime.port.SoftnessModelPortObjectSpec;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.glasssoftness.knime.views.Curves;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Softness S = (w.x'+b)/|w| of every focus atom in every selected frame: the trajectory with per-atom property
 * {@code softness} (for Write Dump and OVITO), the per-atom table and mean softness per species versus strain.
 */
final class ApplySoftnessNodeModel extends GlassSoftnessNodeModel {
    static final String RAW = "raw";
    static final String AXIS = "axis";
    static final String COORDINATION = "coordination";
    static final String BINS = "bins";
    static final String LABEL_COLUMN = "label-column";
    static final String THRESHOLD = "threshold";

    private final SettingsModelBoolean m_raw = register(createRawModel());
    private final SettingsModelString m_axis = register(createAxisModel());
    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());
    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());
    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());
    private final SettingsModelString m_coordination = register(createCoordinationModel());
    private final SettingsModelIntegerBounded m_bins = register(createBinsModel());
    private final SettingsModelString m_labelColumn = register(createLabelColumnModel());
    private final SettingsModelString m_threshold = register(createThresholdModel());

    ApplySoftnessNodeModel() {
        super(new PortType[]{SoftnessModelPortObject.TYPE, TrajectoryPortObject.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{TrajectoryPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelBoolean createRawModel() {
        return new SettingsModelBoolean(RAW, false);
    }

    static SettingsModelString createAxisModel() {
        return new SettingsModelString(AXIS, "z");
    }

    static SettingsModelString createLabelColumnModel() {
        return new SettingsModelString(LABEL_COLUMN, "label");
    }

    static SettingsModelString createThresholdModel() {
        return new SettingsModelString(THRESHOLD, "");
    }

    static double threshold(final String t) throws InvalidSettingsException {
        if (t == null || t.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Threshold: '" + t + "' is not a number (empty = the label column holds 0/1)");
        }
    }

    static ResultTable emptyRearrangement() {
        return ResultTable.builder("p_rearrange").doubles("bin_center", new double[0]).doubles("bin_lo", new double[0])
            .doubles("bin_hi", new double[0]).longs("atoms", new long[0]).longs("rearranged", new long[0])
            .doubles("probability", new double[0]).doubles("std_error", new double[0]).build();
    }

    static SettingsModelString createCoordinationModel() {
        return new SettingsModelString(COORDINATION, "");
    }

    static SettingsModelIntegerBounded createBinsModel() {
        return new SettingsModelIntegerBounded(BINS, 40, 1, 100000);
    }

    /** "O:2.0" -> {"O", "2.0"}; empty -> null (group histograms by species only). */
    static String[] coordination(final String c) throws InvalidSettingsException {
        if (c == null || c.isBlank()) {
            return null;
        }
        String[] p = c.trim().split(":");
        try {
            if (p.length != 2 || p[0].isBlank() || !(Double.parseDouble(p[1]) > 0)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Coordination: SPECIES:CUTOFF, e.g. O:2.0 (empty = by species), got '" + c + "'");
        }
        return p;
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        axis("Strain axis", m_axis.getStringValue());
        coordination(m_coordination.getStringValue());
        threshold(m_threshold.getStringValue());
        checkFrameRange(m_first.getIntValue(), m_last.getIntValue());
    }

    static ResultTable emptySoftness() {
        return ResultTable.builder("softness").ints("frame", new int[0]).longs("timestep", new long[0])
            .longs("id", new long[0]).strings("species", new String[0]).doubles("softness", new double[0])
            .doubles("probability", new double[0]).ints("predicted_class", new int[0])
            .strings("predicted_label", new String[0]).build();
    }

    static ResultTable emptyVsStrain() {
        return ResultTable.builder("softness_vs_strain").ints("frame", new int[0]).longs("timestep", new long[0])
            .doubles("strain", new double[0]).strings("species", new String[0]).ints("atoms", new int[0])
            .doubles("mean_softness", new double[0]).doubles("std_softness", new double[0]).build();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        checkSettings();
        if (inSpecs[0] != null && !(inSpecs[0] instanceof SoftnessModelPortObjectSpec)) {
            throw new InvalidSettingsException("Input 0 must be a softness model (from Train LR)");
        }
        TrajectoryInfo traj = knownTrajectory(inSpecs, 1);
        if (inSpecs[0] != null) {
            FeatureDefinition def = ((SoftnessModelPortObjectSpec)inSpecs[0]).definition();
            if (!def.focusIsAny()) {
                requireSpecies(traj, "The model's focus species", List.of(def.focusSpecies()));
            }
        }
        if (inSpecs[2] instanceof DataTableSpec
            && !((DataTableSpec)inSpecs[2]).containsName(m_labelColumn.getStringValue())) {
            throw new InvalidSettingsException("Label table has no column '" + m_labelColumn.getStringValue() + "'");
        }
        DataTableSpec[] tables = ResultTables.specs(emptySoftness(), emptyVsStrain(),
            SoftnessStatistics.histogram(new double[]{0}, new String[]{"B"}, 1), emptyRearrangement());
        return new PortObjectSpec[]{traj == null ? null : annotatedSpec(traj), tables[0], tables[1], tables[2],
            tables[3]};
    }

    /**
     * The output trajectory: the input's atoms with the per-atom property softness added, one frame per selected
     * frame (the count when the input's frame count is known, else unknown until execution).
     */
    private TrajectoryPortObjectSpec annotatedSpec(final TrajectoryInfo in) {
        List<String> properties = new ArrayList<>(in.propertyNames());
        if (!properties.contains(SoftnessApplier.PROPERTY)) {
            properties.add(SoftnessApplier.PROPERTY);
        }
        int frames = TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT;
        int first = m_first.getIntValue();
        int last = m_last.getIntValue() < 0 ? in.frameCount() - 1 : m_last.getIntValue();
        if (in.frameCount() != TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT && first <= last
            && last < in.frameCount()) {
            frames = (last - first) / m_stride.getIntValue() + 1;
        }
        return new TrajectoryPortObjectSpec(new TrajectoryInfo(in.speciesNames(), in.speciesCounts(), in.atomCount(),
            frames, properties, in.hasImages(), in.hasVelocities()));
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        SoftnessApplier applier = new SoftnessApplier(((SoftnessModelPortObject)inObjects[0]).model(),
            m_raw.getBooleanValue());
        int axis = axis("Strain axis", m_axis.getStringValue());
        String[] cn = coordination(m_coordination.getStringValue());
        // the annotated frames go to disk as they are scored, so memory does not grow with the number of frames
        Path store = TrajectoryPortObject.newStoreFile();
        FrameStore.Writer annotated = FrameStore.Writer.open(store);
        SoftnessApplier.TrajectoryResult r;
        TrajectoryPortObject out;
        try {
            r = runOnTrajectory(inObjects, 1, exec.createSubProgress(0.9),
                (t, p) -> applier.applyTrajectory(t, new FrameSelection(m_first.getIntValue(), m_last.getIntValue(),
                    m_stride.getIntValue()), axis, annotated, cn == null ? null : cn[0],
                    cn == null ? 0 : Double.parseDouble(cn[1]), p));
            annotated.close();
            out = keep(TrajectoryPortObject.fromStore(store));
        } catch (Exception | Error e) {
            annotated.abort();
            Files.deleteIfExists(store);
            throw e;
        }
        setCurves(strainCurves(r.vsStrain()));
        ResultTable hist = SoftnessStatistics.histogram(r.scores().softness(), r.group(), m_bins.getIntValue());
        ResultTable pr = emptyRearrangement();
        if (inObjects.length > 2 && inObjects[2] != null) {
            ResultTable labels = InputTables.read((BufferedDataTable)inObjects[2]);
            int[] y = FeatureTables.labelsFor(r.perAtom(), labels, List.of("frame"), m_labelColumn.getStringValue(),
                threshold(m_threshold.getStringValue()));
            pr = SoftnessStatistics.rearrangementProbability(r.scores().softness(), y, m_bins.getIntValue());
        }
        BufferedDataTable[] tables = ResultTables.toTables(exec, 0.1, r.perAtom(), r.vsStrain(), hist, pr);
        return new PortObject[]{out, tables[0], tables[1], tables[2], tables[3]};
    }

    /** Mean softness per species versus strain for the view (Fig. 6b). */
    static Curves strainCurves(final ResultTable vs) {
        String[] sp = vs.column("species").strings();
        List<String> names = new ArrayList<>();
        for (String s : sp) {
            if (!names.contains(s)) {
                names.add(s);
            }
        }
        int nf = sp.length / Math.max(1, names.size());
        double[] strain = new double[nf];
        List<double[]> ys = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            ys.add(new double[nf]);
        }
        double[] st = vs.column("strain").doubles(), mean = vs.column("mean_softness").doubles();
        for (int r = 0; r < sp.length; r++) {
            int f = r / names.size();
            strain[f] = st[r];
            ys.get(names.indexOf(sp[r]))[f] = mean[r];
        }
        return new Curves("Mean softness versus strain", "strain", "mean softness", strain, names, ys);
    }

}
