package org.glasssoftness.knime.nodes.runmd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.ForceFieldFile;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.TrajectoryPortObject;
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
 * Runs molecular dynamics of a Li2O-B2O3-P2O5 glass with the Deng-Du force field on the Java backend: start from the
 * last frame of the optional input trajectory or from a random packing of a composition, optionally minimise, then run
 * a list of NVE/NVT stages. Outputs the recorded frames and the thermo table.
 */
final class RunMdNodeModel extends GlassSoftnessNodeModel {
    static final String FORCE_FIELD = "force-field", PHOSPHATE = "phosphate-option", COMPOSITION = "composition",
            ATOMS = "atoms", DENSITY = "density", MIN_SEPARATION = "min-separation", SEED = "seed", STAGES = "stages",
            TEMPERATURE = "temperature", MINIMIZE = "minimize", KSPACE = "kspace", ACCURACY = "accuracy",
            CUTOFF = "cutoff", TIME_STEP = "time-step", THERMO_EVERY = "thermo-every", DUMP_EVERY = "dump-every",
            THREADS = "threads", BACKEND = "backend", REPLICATE_X = "replicate-x";

    private final SettingsModelString m_forceField = register(new SettingsModelString(FORCE_FIELD, ""));
    private final SettingsModelString m_phosphate = register(new SettingsModelString(PHOSPHATE, "b"));
    private final SettingsModelString m_composition = register(new SettingsModelString(COMPOSITION, "Li2O=40,B2O3=30,P2O5=30"));
    private final SettingsModelIntegerBounded m_atoms = register(new SettingsModelIntegerBounded(ATOMS, 3000, 2, Integer.MAX_VALUE));
    private final SettingsModelString m_density = register(new SettingsModelString(DENSITY, "2.4"));
    private final SettingsModelString m_minSep = register(new SettingsModelString(MIN_SEPARATION, "1.7"));
    private final SettingsModelIntegerBounded m_seed = register(new SettingsModelIntegerBounded(SEED, 1, 0, Integer.MAX_VALUE));
    private final SettingsModelString m_stages = register(new SettingsModelString(STAGES, "equilibrate:nvt:1000:300"));
    private final SettingsModelString m_temperature = register(new SettingsModelString(TEMPERATURE, "300"));
    private final SettingsModelIntegerBounded m_minimize = register(new SettingsModelIntegerBounded(MINIMIZE, -1, -1, Integer.MAX_VALUE));
    private final SettingsModelString m_kspace = register(new SettingsModelString(KSPACE, "pppm"));
    private final SettingsModelString m_accuracy = register(new SettingsModelString(ACCURACY, "1e-5"));
    private final SettingsModelString m_cutoff = register(new SettingsModelString(CUTOFF, "10"));
    private final SettingsModelString m_dt = register(new SettingsModelString(TIME_STEP, "0.001"));
    private final SettingsModelIntegerBounded m_thermoEvery = register(new SettingsModelIntegerBounded(THERMO_EVERY, 100, 1, Integer.MAX_VALUE));
    private final SettingsModelIntegerBounded m_dumpEvery = register(new SettingsModelIntegerBounded(DUMP_EVERY, 1000, 0, Integer.MAX_VALUE));
    private final SettingsModelIntegerBounded m_threads = register(new SettingsModelIntegerBounded(THREADS, 0, 0, 1024));
    private final SettingsModelString m_backend = register(new SettingsModelString(BACKEND, "auto"));
    private final SettingsModelIntegerBounded m_replicateX = register(new SettingsModelIntegerBounded(REPLICATE_X, 1, 1, 64));

    static final PortType OPTIONAL_TRAJECTORY = PortTypeRegistry.getInstance().getPortType(TrajectoryPortObject.class, true);

    RunMdNodeModel() {
        super(new PortType[]{OPTIONAL_TRAJECTORY},
            new PortType[]{TrajectoryPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    private static double number(final SettingsModelString m, final String label) throws InvalidSettingsException {
        try {
            return Double.parseDouble(m.getStringValue().trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(label + ": '" + m.getStringValue() + "' is not a number");
        }
    }

    private MdSettings mdSettings() throws InvalidSettingsException {
        String backend = m_backend.getStringValue().trim().toLowerCase();
        if (!backend.equals("auto") && !backend.equals("java")) {
            throw new InvalidSettingsException("Backend must be auto or java (the OpenCL backend is not available yet), got '"
                + m_backend.getStringValue() + "'");
        }
        try {
            int threads = m_threads.getIntValue() > 0 ? m_threads.getIntValue() : Runtime.getRuntime().availableProcessors();
            return new MdSettings(number(m_cutoff, "Cutoff"), 2.0, m_kspace.getStringValue().trim(),
                number(m_accuracy, "K-space accuracy"), number(m_dt, "Time step"), m_thermoEvery.getIntValue(),
                m_dumpEvery.getIntValue(), threads);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private List<Stage> stages(final double dt) throws InvalidSettingsException {
        try {
            return org.glasssoftness.core.md.protocol.StageParser.parse(m_stages.getStringValue(), dt);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Stages: " + e.getMessage(), e);
        }
    }

    private Map<String, Double> composition() throws InvalidSettingsException {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : m_composition.getStringValue().split(",")) {
            if (part.isBlank()) continue;
            String[] kv = part.split("=");
            try {
                m.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } catch (RuntimeException e) {
                throw new InvalidSettingsException("Composition entry '" + part + "' is not oxide=mol% (e.g. Li2O=40)");
            }
        }
        return m;
    }

    private BoronOxygenRule.PhosphateOption phosphate() throws InvalidSettingsException {
        switch (m_phosphate.getStringValue().trim().toLowerCase()) {
            case "a": return BoronOxygenRule.PhosphateOption.IGNORE;
            case "b": return BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA;
            default: throw new InvalidSettingsException("Phosphate option must be a or b, got '" + m_phosphate.getStringValue() + "'");
        }
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        MdSettings s = mdSettings();
        stages(s.dtPs());
        composition();
        phosphate();
        number(m_density, "Density");
        number(m_minSep, "Minimum separation");
        number(m_temperature, "Temperature");
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        checkSettings();
        trajectorySpec(inSpecs, 0);
        return new PortObjectSpec[]{null, null, null};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        MdSettings settings = mdSettings();
        List<Stage> stages = stages(settings.dtPs());
        ForceField ff = m_forceField.getStringValue().isBlank() ? ForceField.dengDuLiBP()
            : ForceFieldFile.load(Path.of(m_forceField.getStringValue().trim()));
        Frame start;
        boolean built = inObjects[0] == null;
        if (built) {
            start = GlassBuilder.randomPacking(GlassBuilder.atomCounts(composition(), m_atoms.getIntValue(), ff),
                number(m_density, "Density"), number(m_minSep, "Minimum separation"), m_seed.getIntValue());
        } else {
            try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
                start = t.frame(t.frameCount() - 1);
            }
        }
        MdState s0 = MdState.fromFrame(start, ff);
        MdState s = m_replicateX.getIntValue() > 1 ? s0.replicateX(m_replicateX.getIntValue()) : s0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < s.n; i++) counts.merge(s.speciesNames.get(s.species[i]), 1, Integer::sum);
        PairCoefficients[][] coeffs = ff.resolve(s.speciesNames, ff.oxideMolesFromCounts(counts), phosphate());
        int minimize = m_minimize.getIntValue() >= 0 ? m_minimize.getIntValue() : (built ? 500 : 0);
        try (MdSimulation sim = new MdSimulation(s, coeffs, settings)) {
            long t0 = System.nanoTime();
            runEngine(exec.createSubProgress(0.9), p -> {
                if (minimize > 0) sim.minimize(minimize, 0.05, p);
                if (minimize > 0 || start.velocities() == null) {
                    VelocityInit.create(s, number(m_temperature, "Temperature"), m_seed.getIntValue());
                }
                sim.run(stages, p);
                return null;
            });
            double sec = (System.nanoTime() - t0) / 1e9;
            exec.setMessage(String.format("%d steps, %.3f ns/day", s.step, s.step * settings.dtPs() * 1e-3 / sec * 86400));
            List<Frame> frames = new ArrayList<>(sim.frames());
            if (frames.isEmpty() || frames.get(frames.size() - 1).timestep() != s.step) frames.add(sim.frame());
            TrajectoryPortObject port = runEngine(exec.createSubProgress(0.08),
                p -> TrajectoryPortObject.create(Trajectory.of(frames), p));
            BufferedDataTable thermo = ResultTables.toTable(sim.thermoTable(), exec.createSubExecutionContext(0.01));
            BufferedDataTable stress = ResultTables.toTable(sim.stressStrainTable(), exec.createSubExecutionContext(0.01));
            return new PortObject[]{port, thermo, stress};
        }
    }
}
