package org.glasssoftness.knime.nodes.bondswitch;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.glasssoftness.core.dynamics.BondSwitch;
import org.glasssoftness.core.dynamics.BondSwitchClass;
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

    static SettingsModelIntegerBounded createThreadsModel() {
        return new SettingsModelIntegerBounded(THREADS, 0, 0, 1024);
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        settings();
    }

    /** Engine settings from the current setting values, or an error naming the bad setting. */
    private BondSwitch.Settings settings() throws InvalidSettingsException {
        String species = m_species.getStringValue();
        String partner = m_partner.getStringValue();
        String axis = m_axis.getStringValue();
        String strain = m_strain.getStringValue();
        String switched = m_switched.getStringValue();
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
        checkFrameRange(m_first.getIntValue(), m_last.getIntValue());
        return new BondSwitch.Settings(species.trim(), partner.trim(), m_cutoff.getDoubleValue(),
            "xyz".indexOf(a.charAt(0)), target, sw, m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue(),
            m_threads.getIntValue());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        BondSwitch.Settings s = settings();
        requireSpecies(knownTrajectory(inSpecs, 0), "Species", List.of(s.centreSpecies(), s.partnerSpecies()));
        BondSwitch.Result empty = new BondSwitch.Result(s.centreSpecies(), new int[0], new long[0], new double[0],
            new double[4][0], new double[0], new long[0], new int[0], new int[0], new BondSwitchClass[0], new int[0],
            0, 0, 0);
        return ResultTables.specs(empty.fractionTable(), empty.atomTable());
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BondSwitch.Settings s = settings();
        BondSwitch.Result r = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.95),
            (t, p) -> new BondSwitch(s).compute(t, p));
        setCurves(switchCurves(r));
        exec.setMessage("Per-atom classes at frame " + r.chosenFrame() + " (strain " + r.chosenStrain() + ")");
        return ResultTables.toTables(exec, 0.05, r.fractionTable(), r.atomTable());
    }

    /** Fractions of the three switching classes versus strain (versus frame when the strain does not change). */
    private static Curves switchCurves(final BondSwitch.Result r) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double e : r.strain()) {
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        boolean strained = hi > lo;
        double[] x = strained ? r.strain() : Arrays.stream(r.frame()).asDoubleStream().toArray();
        return new Curves("Bond switching of " + r.centreSpecies(), strained ? "strain" : "frame", "fraction of atoms",
            x, List.of("decreased CN", "increased CN", "swapped CN"),
            List.of(r.fractions()[BondSwitchClass.DECREASED.ordinal()],
                r.fractions()[BondSwitchClass.INCREASED.ordinal()], r.fractions()[BondSwitchClass.SWAPPED.ordinal()]));
    }
}
