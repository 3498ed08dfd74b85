package org.glasssoftness.knime.nodes.msd;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.glasssoftness.core.dynamics.DiffusionFit;
import org.glasssoftness.core.dynamics.MeanSquaredDisplacement;
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

    private Curves m_curves;

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

    static SettingsModelIntegerBounded createFirstFrameModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.FIRST_FRAME, 0, 0, Integer.MAX_VALUE);
    }

    static SettingsModelIntegerBounded createLastFrameModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.LAST_FRAME, -1, -1, Integer.MAX_VALUE);
    }

    static SettingsModelIntegerBounded createStrideModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.STRIDE, 1, 1, Integer.MAX_VALUE);
    }

    /** A validated setting set: engine settings plus the fit window (NaN = open end). */
    private record Config(MeanSquaredDisplacement.Settings engine, double fitStart, double fitEnd) {
    }

    @Override
    protected void validateValues(final NodeSettingsRO settings) throws InvalidSettingsException {
        config(settings.getString(SPECIES), settings.getDouble(TIMESTEP_PS), settings.getString(FIT_START_PS),
            settings.getString(FIT_END_PS), settings.getInt(SettingsKeys.FIRST_FRAME),
            settings.getInt(SettingsKeys.LAST_FRAME), settings.getInt(SettingsKeys.STRIDE));
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        config();
    }

    private Config config() throws InvalidSettingsException {
        return config(m_species.getStringValue(), m_timestep.getDoubleValue(), m_fitStart.getStringValue(),
            m_fitEnd.getStringValue(), m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue());
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

    private static Config config(final String species, final double timestep, final String fitStart,
        final String fitEnd, final int first, final int last, final int stride) throws InvalidSettingsException {
        double a = optionalNumber(fitStart, "Fit window start");
        double b = optionalNumber(fitEnd, "Fit window end");
        if (!Double.isNaN(a) && !Double.isNaN(b) && b < a) {
            throw new InvalidSettingsException("Fit window: end " + b + " ps is before start " + a + " ps");
        }
        if (last >= 0 && last < first) {
            throw new InvalidSettingsException("Frame range: last frame " + last + " is before first frame " + first);
        }
        return new Config(new MeanSquaredDisplacement.Settings(speciesList(species), first, last, stride, timestep),
            a, b);
    }

    static List<String> speciesList(final String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        TrajectoryPortObjectSpec in = trajectorySpec(inSpecs, 0);
        PortObjectSpec msdSpec = null; // columns depend on the species; known once the input is
        TrajectoryInfo info = in == null ? null : in.info();
        if (info != null && info.atomCount() > 0) {
            List<String> species = c.engine().species().isEmpty() ? info.speciesNames() : c.engine().species();
            for (String s : species) {
                if (!info.speciesNames().contains(s)) {
                    throw new InvalidSettingsException("Species '" + s + "' is not in the trajectory; it has "
                        + info.speciesNames());
                }
            }
            msdSpec = ResultTables.spec(emptyResult(species).table());
        }
        return new PortObjectSpec[]{msdSpec, ResultTables.spec(DiffusionFit.table(List.of())),
            ResultTables.spec(emptyResult(List.of()).atomTable())};
    }

    private static MeanSquaredDisplacement.Result emptyResult(final List<String> species) {
        double[][] msd = new double[species.size()][0];
        return new MeanSquaredDisplacement.Result(species, new int[0], new long[0], new double[0], msd, new long[0],
            new String[0], new double[0], true);
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
        Config c = config();
        MeanSquaredDisplacement.Result r;
        try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
            r = runEngine(exec.createSubProgress(0.9), p -> new MeanSquaredDisplacement(c.engine()).compute(t, p));
        }
        m_curves = new Curves("Mean squared displacement", "time (ps)", "MSD (Å²)", r.timePs(), r.species(),
            Arrays.asList(r.msd()));
        List<DiffusionFit.Fit> fits = new ArrayList<>();
        try {
            fits.addAll(DiffusionFit.fitAll(r, c.fitStart(), c.fitEnd()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Fit window: " + e.getMessage(), e);
        }
        return new PortObject[]{ResultTables.toTable(r.table(), exec.createSubExecutionContext(0.02)),
            ResultTables.toTable(DiffusionFit.table(fits), exec.createSubExecutionContext(0.01)),
            ResultTables.toTable(r.atomTable(), exec.createSubExecutionContext(0.07))};
    }
}
