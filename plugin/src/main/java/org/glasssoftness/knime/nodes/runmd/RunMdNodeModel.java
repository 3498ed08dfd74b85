package org.glasssoftness.knime.nodes.runmd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Runs molecular dynamics of a Li2O-B2O3-P2O5 glass with the Deng-Du force field on an OpenCL device or the Java
 * backend: start from the last frame of the optional input trajectory or from a random packing of a composition,
 * optionally minimise, then run a list of stages. Outputs the recorded frames and the thermo and stress-strain tables;
 * the backend and device that ran are the flow variables {@value #FLOW_BACKEND} and {@value #FLOW_DEVICE} and part of
 * the final message (a fallback to Java is a warning with the reason).
 */
final class RunMdNodeModel extends GlassSoftnessNodeModel {
    static final String THREADS = "threads", BACKEND = "backend", PRECISION = "precision", DEVICE = "opencl-device";

    /** Flow variables: the backend that ran ("java" or "opencl") and its description (device name, precision). */
    static final String FLOW_BACKEND = "md_backend", FLOW_DEVICE = "md_device";

    private final MdNodeSettings m_md = new MdNodeSettings();
    private final SettingsModelIntegerBounded m_threads = register(new SettingsModelIntegerBounded(THREADS, 0, 0, 1024));
    private final SettingsModelString m_backend = register(new SettingsModelString(BACKEND, MdSettings.BACKEND_AUTO));
    // added with the OpenCL backend: workflows saved before load with the defaults (double, best device)
    private final SettingsModelString m_precision =
        registerOptional(new SettingsModelString(PRECISION, MdSettings.PRECISION_DOUBLE), PRECISION);
    private final SettingsModelString m_device = registerOptional(new SettingsModelString(DEVICE, ""), DEVICE);

    static final PortType OPTIONAL_TRAJECTORY = PortTypeRegistry.getInstance().getPortType(TrajectoryPortObject.class, true);

    RunMdNodeModel() {
        super(new PortType[]{OPTIONAL_TRAJECTORY},
            new PortType[]{TrajectoryPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
        m_md.models().forEach(this::register);
    }

    private MdSettings mdSettings() throws InvalidSettingsException {
        String backend = m_backend.getStringValue().trim().toLowerCase(Locale.ROOT);
        String precision = m_precision.getStringValue().trim().toLowerCase(Locale.ROOT);
        if (!List.of(MdSettings.BACKEND_AUTO, MdSettings.BACKEND_JAVA, MdSettings.BACKEND_OPENCL).contains(backend)) {
            throw new InvalidSettingsException("Backend must be auto, java or opencl, got '" + m_backend.getStringValue() + "'");
        }
        if (!List.of(MdSettings.PRECISION_DOUBLE, MdSettings.PRECISION_MIXED).contains(precision)) {
            throw new InvalidSettingsException("Precision must be double or mixed, got '" + m_precision.getStringValue() + "'");
        }
        return m_md.mdSettings(m_threads.getIntValue() > 0 ? m_threads.getIntValue() : Runtime.getRuntime().availableProcessors())
            .withBackend(backend, precision);
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        mdSettings();
        m_md.check();
    }

    /** Columns of the engine's thermo table (MdSimulation.thermoTable), known before execution. */
    static final String[] THERMO_DOUBLE_COLUMNS = {"time_ps", "T_K", "PE_eV", "KE_eV", "Etotal_eV", "P_bar", "Pxx_bar",
        "Pyy_bar", "Pzz_bar", "Pxy_bar", "Pxz_bar", "Pyz_bar", "V_A3", "density_g_cm3", "lx_A", "ly_A", "lz_A"};

    /** Columns of the engine's stress-strain table (MdSimulation.stressStrainTable), known before execution. */
    static final String[] STRESS_DOUBLE_COLUMNS = {"strain", "sigma_xx_GPa", "sigma_yy_GPa", "sigma_zz_GPa"};

    /** An empty table with the thermo table's columns, for the configure-time spec. */
    static ResultTable emptyThermoTable() {
        ResultTable.Builder b = ResultTable.builder("thermo").longs("step", new long[0]).strings("stage", new String[0]);
        for (String c : THERMO_DOUBLE_COLUMNS) {
            b.doubles(c, new double[0]);
        }
        return b.build();
    }

    /** An empty table with the stress-strain table's columns, for the configure-time spec. */
    static ResultTable emptyStressStrainTable() {
        ResultTable.Builder b = ResultTable.builder("stress_strain").longs("step", new long[0]);
        for (String c : STRESS_DOUBLE_COLUMNS) {
            b.doubles(c, new double[0]);
        }
        return b.build();
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        checkSettings();
        TrajectoryPortObjectSpec trajectory = outputTrajectorySpec(inSpecs);
        return new PortObjectSpec[]{trajectory, ResultTables.spec(emptyThermoTable()),
            ResultTables.spec(emptyStressStrainTable())};
    }

    /**
     * The output trajectory's spec when its atoms are known before execution: from the input's spec, or (no input
     * connected) from the builder's atom counts for the composition; times the x replication. The frames carry
     * image flags and velocities and no other per-atom property; their count is known after execution. Null when
     * the input's atoms are not known yet.
     */
    private TrajectoryPortObjectSpec outputTrajectorySpec(final PortObjectSpec[] inSpecs)
        throws InvalidSettingsException {
        List<String> species;
        int[] counts;
        if (trajectorySpec(inSpecs, 0) != null) {
            TrajectoryInfo in = knownTrajectory(inSpecs, 0);
            if (in == null) {
                return null;
            }
            species = in.speciesNames();
            counts = in.speciesCounts();
        } else {
            Map<String, Integer> built;
            try {
                built = m_md.builtAtomCounts(m_md.forceField());
            } catch (IOException e) {
                throw new InvalidSettingsException("Force field: " + e.getMessage(), e);
            }
            species = new ArrayList<>(built.keySet());
            counts = built.values().stream().mapToInt(Integer::intValue).toArray();
        }
        int rx = m_md.replicateX();
        int atoms = 0;
        int[] replicated = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            replicated[i] = counts[i] * rx;
            atoms += replicated[i];
        }
        return new TrajectoryPortObjectSpec(new TrajectoryInfo(species, replicated, atoms,
            TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT, List.of(), true, true));
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        MdSettings settings = mdSettings();
        List<Stage> stages = m_md.stages(settings.dtPs());
        Frame input = null;
        if (inObjects[0] != null) {
            try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
                input = t.frame(t.frameCount() - 1);
            }
        }
        MdNodeSettings.Start start = m_md.start(input, m_md.forceField());
        MdState s = start.state();
        PairCoefficients[][] coeffs = start.coefficients();
        int minimize = start.minimizeSteps();
        String device = m_device.getStringValue().isBlank() ? null : m_device.getStringValue().trim();
        try (MdSimulation sim = new MdSimulation(s, coeffs, settings, device)) {
            if (sim.backendWarning() != null) {
                setWarningMessage(sim.backendWarning());
            }
            pushFlowVariableString(FLOW_BACKEND, sim.backend());
            pushFlowVariableString(FLOW_DEVICE, sim.backendDescription());
            // minimisation takes the first tenth of the bar, the stages the rest, so the bar never runs backwards
            double minimizeShare = minimize > 0 ? 0.1 : 0;
            if (minimize > 0) {
                runEngine(exec.createSubProgress(minimizeShare), p -> sim.minimize(minimize, 0.05, p));
            }
            long t0 = System.nanoTime();
            long step0 = s.step;
            runEngine(exec.createSubProgress(0.9 - minimizeShare), p -> {
                if (start.newVelocities()) {
                    VelocityInit.create(s, m_md.temperature(), m_md.seed());
                }
                sim.run(stages, new MdSpeedProgress(p, () -> s.step, settings.dtPs()));
                return null;
            });
            double sec = (System.nanoTime() - t0) / 1e9;
            exec.setMessage(String.format(Locale.ROOT, "%d steps, %.3f ns/day on %s", s.step - step0,
                MdSpeedProgress.nsPerDay(s.step - step0, settings.dtPs(), sec), sim.backendDescription()));
            List<Frame> frames = new ArrayList<>(sim.frames());
            if (frames.isEmpty() || frames.get(frames.size() - 1).timestep() != s.step) frames.add(sim.frame());
            TrajectoryPortObject port = keep(runEngine(exec.createSubProgress(0.08),
                p -> TrajectoryPortObject.create(Trajectory.of(frames), p)));
            BufferedDataTable thermo = ResultTables.toTable(sim.thermoTable(), exec.createSubExecutionContext(0.01));
            BufferedDataTable stress = ResultTables.toTable(sim.stressStrainTable(), exec.createSubExecutionContext(0.01));
            return new PortObject[]{port, thermo, stress};
        }
    }
}
