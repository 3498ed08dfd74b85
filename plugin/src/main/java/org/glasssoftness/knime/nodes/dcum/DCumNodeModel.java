package org.glasssoftness.knime.nodes.dcum;

import java.io.File;
import java.io.IOException;
import org.glasssoftness.core.dynamics.CumulativeNonAffineDisplacement;
import org.glasssoftness.core.dynamics.MobilityLabel;
import org.glasssoftness.core.dynamics.NonAffineDisplacement;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.glasssoftness.knime.views.Curves;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Cumulative non-affine displacement D_cum of every atom of one species (default Li) over a frame range, with a
 * mobile / immobile label. Outputs: the per-atom table keyed by id and the growth of the mean D_cum per interval.
 */
final class DCumNodeModel extends GlassSoftnessNodeModel {
    static final String SPECIES = "species";
    static final String CUTOFF = "cutoff";
    static final String NEIGHBOR_SPECIES = "neighbor-species";
    static final String MIN_NEIGHBORS = "min-neighbors";
    static final String LABEL = "label";
    static final String THREADS = "threads";

    private final SettingsModelString m_species = register(createSpeciesModel());
    private final SettingsModelDoubleBounded m_cutoff = register(createCutoffModel());
    private final SettingsModelString m_neighborSpecies = register(createNeighborSpeciesModel());
    private final SettingsModelIntegerBounded m_minNeighbors = register(createMinNeighborsModel());
    private final SettingsModelString m_label = register(createLabelModel());
    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());
    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());
    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());
    private final SettingsModelIntegerBounded m_threads = register(createThreadsModel());

    private Curves m_curves;

    DCumNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createSpeciesModel() {
        return new SettingsModelString(SPECIES, "Li");
    }

    static SettingsModelDoubleBounded createCutoffModel() {
        return new SettingsModelDoubleBounded(CUTOFF, NonAffineDisplacement.DEFAULT_CUTOFF_A, 1e-3, 1e3);
    }

    static SettingsModelString createNeighborSpeciesModel() {
        return new SettingsModelString(NEIGHBOR_SPECIES, "");
    }

    static SettingsModelIntegerBounded createMinNeighborsModel() {
        return new SettingsModelIntegerBounded(MIN_NEIGHBORS, NonAffineDisplacement.DEFAULT_MIN_NEIGHBORS, 1, 100000);
    }

    static SettingsModelString createLabelModel() {
        return new SettingsModelString(LABEL, MobilityLabel.defaults().toString());
    }

    static SettingsModelIntegerBounded createFirstFrameModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.FIRST_FRAME, 0, 0, Integer.MAX_VALUE);
    }

    static SettingsModelIntegerBounded createLastFrameModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.LAST_FRAME, -1, -1, Integer.MAX_VALUE);
    }

    static SettingsModelIntegerBounded createStrideModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.STRIDE, 1, 1, Integer.MAX_VALUE);
    }

    static SettingsModelIntegerBounded createThreadsModel() {
        return new SettingsModelIntegerBounded(THREADS, 0, 0, 1024);
    }

    @Override
    protected void validateValues(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings(settings.getString(SPECIES), settings.getDouble(CUTOFF), settings.getString(NEIGHBOR_SPECIES),
            settings.getInt(MIN_NEIGHBORS), settings.getString(LABEL), settings.getInt(SettingsKeys.FIRST_FRAME),
            settings.getInt(SettingsKeys.LAST_FRAME), settings.getInt(SettingsKeys.STRIDE), settings.getInt(THREADS));
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        settings();
    }

    private CumulativeNonAffineDisplacement.Settings settings() throws InvalidSettingsException {
        return settings(m_species.getStringValue(), m_cutoff.getDoubleValue(), m_neighborSpecies.getStringValue(),
            m_minNeighbors.getIntValue(), m_label.getStringValue(), m_first.getIntValue(), m_last.getIntValue(),
            m_stride.getIntValue(), m_threads.getIntValue());
    }

    /** Engine settings from setting values, or an error naming the bad setting. */
    private static CumulativeNonAffineDisplacement.Settings settings(final String species, final double cutoff,
        final String neighborSpecies, final int minNeighbors, final String label, final int first, final int last,
        final int stride, final int threads) throws InvalidSettingsException {
        if (species == null || species.isBlank()) {
            throw new InvalidSettingsException("Species: name the species whose D_cum is computed (e.g. Li)");
        }
        if (last >= 0 && last < first) {
            throw new InvalidSettingsException("Frame range: last frame " + last + " is before first frame " + first);
        }
        MobilityLabel rule;
        try {
            rule = MobilityLabel.parse(label == null ? "" : label);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Mobile label: " + e.getMessage(), e);
        }
        String ns = neighborSpecies == null || neighborSpecies.isBlank() ? null : neighborSpecies.trim();
        return new CumulativeNonAffineDisplacement.Settings(species.trim(), cutoff, ns, minNeighbors, first, last,
            stride, rule, threads);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        CumulativeNonAffineDisplacement.Settings s = settings();
        TrajectoryPortObjectSpec in = trajectorySpec(inSpecs, 0);
        if (in != null) {
            requireSpecies(in.info(), s.species(), "Species");
            if (s.neighborSpecies() != null) {
                requireSpecies(in.info(), s.neighborSpecies(), "Neighbour species");
            }
        }
        CumulativeNonAffineDisplacement.Result empty = emptyResult(s);
        return new PortObjectSpec[]{ResultTables.spec(empty.table()), ResultTables.spec(empty.curveTable())};
    }

    /** A configure-time error when the trajectory has atoms but not of this species. */
    static void requireSpecies(final TrajectoryInfo info, final String species, final String what)
        throws InvalidSettingsException {
        if (info != null && info.atomCount() > 0 && !info.speciesNames().contains(species)) {
            throw new InvalidSettingsException(what + " '" + species + "' is not in the trajectory; it has "
                + info.speciesNames());
        }
    }

    private static CumulativeNonAffineDisplacement.Result emptyResult(final CumulativeNonAffineDisplacement.Settings s) {
        return new CumulativeNonAffineDisplacement.Result(s.species(), new long[0], new double[0], 0, new int[0],
            new int[0], s.label(), true, new long[0], new double[0], new int[0]);
    }

    /** The curves of the last execution for the view, or null. */
    Curves curves() {
        return m_curves;
    }

    @Override
    protected void reset() {
        super.reset();
        m_curves = null;
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        if (m_curves != null) {
            m_curves.save(nodeInternDir.toPath());
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        m_curves = Curves.load(nodeInternDir.toPath());
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        CumulativeNonAffineDisplacement.Settings s = settings();
        CumulativeNonAffineDisplacement.Result r;
        try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
            r = runEngine(exec.createSubProgress(0.95), p -> new CumulativeNonAffineDisplacement(s).compute(t, p));
        }
        m_curves = new Curves("Mean D_cum of " + s.species(), "timestep", "D_cum (Å)",
            java.util.Arrays.stream(r.curveTimestep()).asDoubleStream().toArray(), java.util.List.of("mean D_cum"),
            java.util.List.of(r.curveMeanDcum()));
        if (r.totalDegenerate() > 0) {
            setWarningMessage(r.totalDegenerate() + " degenerate neighbourhoods (fewer than " + s.minNeighbors()
                + " neighbours or coplanar) were excluded from D_cum; see column degenerate_intervals");
        }
        return new PortObject[]{ResultTables.toTable(r.table(), exec.createSubExecutionContext(0.04)),
            ResultTables.toTable(r.curveTable(), exec.createSubExecutionContext(0.01))};
    }
}
