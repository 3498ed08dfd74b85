package org.glasssoftness.knime.nodes.msd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.glasssoftness.core.dynamics.DiffusionFit;
import org.glasssoftness.core.dynamics.MeanSquaredDisplacement;
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
 * Mean squared displacement per species versus time (single time origin, study Eq. 6), per atom at the last frame,
 * and the self-diffusion coefficient D = slope / 6 fitted over a time window.
 */
final class MsdNodeModel extends GlassSoftnessNodeModel {
    static final String SPECIES = "species";
    static final String TIMESTEP_PS = "timestep-ps";
    static final String FIT_START_PS = "fit-start-ps";
    static final String FIT_END_PS = "fit-end-ps";

    private final SettingsModelString m_species = register(createSpeciesModel());
    private final SettingsModelDoubleBounded m_timestep = register(createTimestepModel());
    private final SettingsModelString m_fitStart = register(createFitStartModel());
    private final SettingsModelString m_fitEnd = register(createFitEndModel());
    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());
    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());
    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());

    MsdNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createSpeciesModel() {
        return new SettingsModelString(SPECIES, "");
    }

    static SettingsModelDoubleBounded createTimestepModel() {
        return new SettingsModelDoubleBounded(TIMESTEP_PS, 0.001, 1e-9, 1e6);
    }

    static SettingsModelString createFitStartModel() {
        return new SettingsModelString(FIT_START_PS, "");
    }

    static SettingsModelString createFitEndModel() {
        return new SettingsModelString(FIT_END_PS, "");
    }

    /** A validated setting set: engine settings plus the fit window (NaN = open end). */
    private record Config(MeanSquaredDisplacement.Settings engine, double fitStart, double fitEnd) {
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        config();
    }

    private static double optionalNumber(final String text, final String what) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(what + ": '" + text + "' is not a number of ps (empty = open end)");
        }
    }

    /** The current setting values, checked, or an error naming the bad setting. */
    private Config config() throws InvalidSettingsException {
        double a = optionalNumber(m_fitStart.getStringValue(), "Fit window start");
        double b = optionalNumber(m_fitEnd.getStringValue(), "Fit window end");
        if (!Double.isNaN(a) && !Double.isNaN(b) && b < a) {
            throw new InvalidSettingsException("Fit window: end " + b + " ps is before start " + a + " ps");
        }
        checkFrameRange(m_first.getIntValue(), m_last.getIntValue());
        return new Config(new MeanSquaredDisplacement.Settings(commaList(m_species.getStringValue()),
            m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue(), m_timestep.getDoubleValue()), a, b);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        // one MSD column per species: the species setting, or (empty setting) every species of the input
        List<String> species = c.engine().species();
        TrajectoryInfo info = knownTrajectory(inSpecs, 0);
        if (info != null) {
            species = species.isEmpty() ? info.speciesNames() : species;
            requireSpecies(info, "Species", species);
        }
        PortObjectSpec msdSpec = species.isEmpty() ? null : ResultTables.spec(emptyResult(species).table());
        return new PortObjectSpec[]{msdSpec, ResultTables.spec(DiffusionFit.table(List.of())),
            ResultTables.spec(emptyResult(List.of()).atomTable())};
    }

    private static MeanSquaredDisplacement.Result emptyResult(final List<String> species) {
        double[][] msd = new double[species.size()][0];
        return new MeanSquaredDisplacement.Result(species, new int[0], new long[0], new double[0], msd, new long[0],
            new String[0], new double[0], true);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Config c = config();
        MeanSquaredDisplacement.Result r = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.9),
            (t, p) -> new MeanSquaredDisplacement(c.engine()).compute(t, p));
        setCurves(new Curves("Mean squared displacement", "time (ps)", "MSD (Å²)", r.timePs(), r.species(),
            Arrays.asList(r.msd())));
        List<DiffusionFit.Fit> fits = new ArrayList<>();
        try {
            fits.addAll(DiffusionFit.fitAll(r, c.fitStart(), c.fitEnd()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Fit window: " + e.getMessage(), e);
        }
        return ResultTables.toTables(exec, 0.1, r.table(), DiffusionFit.table(fits), r.atomTable());
    }
}
