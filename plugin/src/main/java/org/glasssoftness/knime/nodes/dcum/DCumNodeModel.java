package org.glasssoftness.knime.nodes.dcum;

import java.util.Arrays;
import java.util.List;

import org.glasssoftness.core.dynamics.CumulativeNonAffineDisplacement;
import org.glasssoftness.core.dynamics.MobilityLabel;
import org.glasssoftness.core.dynamics.NonAffineDisplacement;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.views.Curves;
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

    static SettingsModelIntegerBounded createThreadsModel() {
        return new SettingsModelIntegerBounded(THREADS, 0, 0, 1024);
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        settings();
    }

    /** Engine settings from the current setting values, or an error naming the bad setting. */
    private CumulativeNonAffineDisplacement.Settings settings() throws InvalidSettingsException {
        String species = m_species.getStringValue();
        if (species == null || species.isBlank()) {
            throw new InvalidSettingsException("Species: name the species whose D_cum is computed (e.g. Li)");
        }
        checkFrameRange(m_first.getIntValue(), m_last.getIntValue());
        String label = m_label.getStringValue();
        MobilityLabel rule;
        try {
            rule = MobilityLabel.parse(label == null ? "" : label);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Mobile label: " + e.getMessage(), e);
        }
        String neighborSpecies = m_neighborSpecies.getStringValue();
        String ns = neighborSpecies == null || neighborSpecies.isBlank() ? null : neighborSpecies.trim();
        return new CumulativeNonAffineDisplacement.Settings(species.trim(), m_cutoff.getDoubleValue(), ns,
            m_minNeighbors.getIntValue(), m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue(), rule,
            m_threads.getIntValue());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        CumulativeNonAffineDisplacement.Settings s = settings();
        TrajectoryInfo info = knownTrajectory(inSpecs, 0);
        requireSpecies(info, "Species", List.of(s.species()));
        if (s.neighborSpecies() != null) {
            requireSpecies(info, "Neighbour species", List.of(s.neighborSpecies()));
        }
        CumulativeNonAffineDisplacement.Result empty = emptyResult(s);
        return ResultTables.specs(empty.table(), empty.curveTable());
    }

    private static CumulativeNonAffineDisplacement.Result emptyResult(final CumulativeNonAffineDisplacement.Settings s) {
        return new CumulativeNonAffineDisplacement.Result(s.species(), new long[0], new double[0], 0, new int[0],
            new int[0], s.label(), true, new long[0], new double[0], new int[0]);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        CumulativeNonAffineDisplacement.Settings s = settings();
        CumulativeNonAffineDisplacement.Result r = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.95),
            (t, p) -> new CumulativeNonAffineDisplacement(s).compute(t, p));
        setCurves(new Curves("Mean D_cum of " + s.species(), "timestep", "D_cum (Å)",
            Arrays.stream(r.curveTimestep()).asDoubleStream().toArray(), List.of("mean D_cum"),
            List.of(r.curveMeanDcum())));
        if (r.totalDegenerate() > 0) {
            setWarningMessage(r.totalDegenerate() + " degenerate neighbourhoods (fewer than " + s.minNeighbors()
                + " neighbours or coplanar) were excluded from D_cum; see column degenerate_intervals");
        }
        return ResultTables.toTables(exec, 0.05, r.table(), r.curveTable());
    }
}
