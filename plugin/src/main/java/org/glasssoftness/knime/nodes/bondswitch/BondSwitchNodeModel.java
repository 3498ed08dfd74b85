package org.glasssoftness.knime.nodes.bondswitch;

import java.io.File;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;

import org.glasssoftness.core.dynamics.BondSwitch;
import org.glasssoftness.core.dynamics.BondSwitchClass;
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
 * Bond-switch labelling of a centre species (default B) under deformation: per frame the fraction of atoms whose
 * coordination by the partner species (default O) decreased, increased, swapped or stayed unchanged relative to the
 * first frame, versus strain; and per atom the class and a binary "switched" label at a chosen strain.
 */
final class BondSwitchNodeModel extends GlassSoftnessNodeModel {
    static final String SPECIES = "species";
    static final String PARTNER = "partner";
    static final String CUTOFF = "cutoff";
    static final String AXIS = "axis";
    static final String STRAIN = "strain";
    static final String SWITCHED = "switched";
    static final String THREADS = "threads";

    private final SettingsModelString m_species = register(createSpeciesModel());
    private final SettingsModelString m_partner = register(createPartnerModel());
    private final SettingsModelDoubleBounded m_cutoff = register(createCutoffModel());
    private final SettingsModelString m_axis = register(createAxisModel());
    private final SettingsModelString m_strain = register(createStrainModel());
    private final SettingsModelString m_switched = register(createSwitchedModel());
    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());
    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());
    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());
    private final SettingsModelIntegerBounded m_threads = register(createThreadsModel());

    private Curves m_curves;

    BondSwitchNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createSpeciesModel() {
        return new SettingsModelString(SPECIES, "B");
    }

    static SettingsModelString createPartnerModel() {
        return new SettingsModelString(PARTNER, "O");
    }

    static SettingsModelDoubleBounded createCutoffModel() {
        return new SettingsModelDoubleBounded(CUTOFF, 2.0, 1e-3, 1e3);
    }

    static SettingsModelString createAxisModel() {
        return new SettingsModelString(AXIS, "x");
    }

    static SettingsModelString createStrainModel() {
        return new SettingsModelString(STRAIN, "");
    }

    static SettingsModelString createSwitchedModel() {
        return new SettingsModelString(SWITCHED, "decreased,swapped");
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
        settings(settings.getString(SPECIES), settings.getString(PARTNER), settings.getDouble(CUTOFF),
            settings.getString(AXIS), settings.getString(STRAIN), settings.getString(SWITCHED),
            settings.getInt(SettingsKeys.FIRST_FRAME), settings.getInt(SettingsKeys.LAST_FRAME),
            settings.getInt(SettingsKeys.STRIDE), settings.getInt(THREADS));
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        settings();
    }

    private BondSwitch.Settings settings() throws InvalidSettingsException {
        return settings(m_species.getStringValue(), m_partner.getStringValue(), m_cutoff.getDoubleValue(),
            m_axis.getStringValue(), m_strain.getStringValue(), m_switched.getStringValue(), m_first.getIntValue(),
            m_last.getIntValue(), m_stride.getIntValue(), m_threads.getIntValue());
    }

    /** Engine settings from setting values, or an error naming the bad setting. */
    private static BondSwitch.Settings settings(final String species, final String partner, final double cutoff,
        final String axis, final String strain, final String switched, final int first, final int last,
        final int stride, final int threads) throws InvalidSettingsException {
        if (species == null || species.isBlank() || partner == null || partner.isBlank()) {
            throw new InvalidSettingsException("Species and partner species must both be named (e.g. B and O)");
        }
        String a = axis == null ? "" : axis.trim().toLowerCase(Locale.ROOT);
        if (a.length() != 1 || "xyz".indexOf(a.charAt(0)) < 0) {
            throw new InvalidSettingsException("Strain axis must be x, y or z, got '" + axis + "'");
        }
        double target = Double.NaN;
        if (strain != null && !strain.isBlank()) {
            try {
                target = Double.parseDouble(strain.trim());
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("Strain of the per-atom table: '" + strain
                    + "' is not a number (empty = last frame)");
            }
        }
        EnumSet<BondSwitchClass> sw;
        try {
            sw = BondSwitchClass.parseSet(switched == null ? "" : switched);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Switched classes: " + e.getMessage(), e);
        }
        if (last >= 0 && last < first) {
            throw new InvalidSettingsException("Frame range: last frame " + last + " is before first frame " + first);
        }
        return new BondSwitch.Settings(species.trim(), partner.trim(), cutoff, "xyz".indexOf(a.charAt(0)), target, sw,
            first, last, stride, threads);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        BondSwitch.Settings s = settings();
        TrajectoryPortObjectSpec in = trajectorySpec(inSpecs, 0);
        TrajectoryInfo info = in == null ? null : in.info();
        if (info != null && info.atomCount() > 0) {
            for (String sp : new String[]{s.centreSpecies(), s.partnerSpecies()}) {
                if (!info.speciesNames().contains(sp)) {
                    throw new InvalidSettingsException("Species '" + sp + "' is not in the trajectory; it has "
                        + info.speciesNames());
                }
            }
        }
        BondSwitch.Result empty = new BondSwitch.Result(s.centreSpecies(), new int[0], new long[0], new double[0],
            new double[4][0], new double[0], new long[0], new int[0], new int[0], new BondSwitchClass[0], new int[0],
            0, 0, 0);
        return new PortObjectSpec[]{ResultTables.spec(empty.fractionTable()), ResultTables.spec(empty.atomTable())};
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
        BondSwitch.Settings s = settings();
        BondSwitch.Result r;
        try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
            r = runEngine(exec.createSubProgress(0.95), p -> new BondSwitch(s).compute(t, p));
        }
        m_curves = curves(r);
        exec.setMessage("Per-atom classes at frame " + r.chosenFrame() + " (strain " + r.chosenStrain() + ")");
        return new PortObject[]{ResultTables.toTable(r.fractionTable(), exec.createSubExecutionContext(0.02)),
            ResultTables.toTable(r.atomTable(), exec.createSubExecutionContext(0.03))};
    }

    /** Fractions of the three switching classes versus strain (versus frame when the strain does not change). */
    private static Curves curves(final BondSwitch.Result r) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double e : r.strain()) {
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        boolean strained = hi > lo;
        double[] x = strained ? r.strain() : java.util.Arrays.stream(r.frame()).asDoubleStream().toArray();
        return new Curves("Bond switching of " + r.centreSpecies(), strained ? "strain" : "frame", "fraction of atoms",
            x, java.util.List.of("decreased CN", "increased CN", "swapped CN"),
            java.util.List.of(r.fractions()[BondSwitchClass.DECREASED.ordinal()],
                r.fractions()[BondSwitchClass.INCREASED.ordinal()], r.fractions()[BondSwitchClass.SWAPPED.ordinal()]));
    }
}
