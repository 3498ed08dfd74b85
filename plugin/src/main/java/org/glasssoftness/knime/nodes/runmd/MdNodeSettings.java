package org.glasssoftness.knime.nodes.runmd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.ForceFieldFile;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.md.protocol.StageParser;
import org.glasssoftness.core.model.Frame;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The MD settings that Run GPU MD and Export LAMMPS Input share (force field, glass builder, replication, FIRE,
 * stages, k-space, cutoff, time step, output intervals; keys = the CLI {@code md} option names), their checks, their
 * dialog components, and the start state they describe. One instance per node model (register {@link #models()}) or
 * per dialog.
 */
public final class MdNodeSettings {
    public static final String FORCE_FIELD = "force-field", PHOSPHATE = "phosphate-option", COMPOSITION = "composition",
            ATOMS = "atoms", DENSITY = "density", MIN_SEPARATION = "min-separation", SEED = "seed", STAGES = "stages",
            TEMPERATURE = "temperature", MINIMIZE = "minimize", KSPACE = "kspace", ACCURACY = "accuracy",
            CUTOFF = "cutoff", TIME_STEP = "time-step", THERMO_EVERY = "thermo-every", DUMP_EVERY = "dump-every",
            REPLICATE_X = "replicate-x";

    /** Neighbour-list skin in Å (not a setting: the engine's and LAMMPS' usual 2 Å). */
    public static final double SKIN_A = 2.0;

    private final SettingsModelString m_forceField = new SettingsModelString(FORCE_FIELD, "");
    private final SettingsModelString m_phosphate = new SettingsModelString(PHOSPHATE, "b");
    private final SettingsModelString m_composition = new SettingsModelString(COMPOSITION, "Li2O=40,B2O3=30,P2O5=30");
    private final SettingsModelIntegerBounded m_atoms = new SettingsModelIntegerBounded(ATOMS, 3000, 2, Integer.MAX_VALUE);
    private final SettingsModelString m_density = new SettingsModelString(DENSITY, "2.4");
    private final SettingsModelString m_minSep = new SettingsModelString(MIN_SEPARATION, "1.7");
    private final SettingsModelIntegerBounded m_seed = new SettingsModelIntegerBounded(SEED, 1, 0, Integer.MAX_VALUE);
    private final SettingsModelString m_stages = new SettingsModelString(STAGES, "equilibrate:nvt:1000:300");
    private final SettingsModelString m_temperature = new SettingsModelString(TEMPERATURE, "300");
    private final SettingsModelIntegerBounded m_minimize = new SettingsModelIntegerBounded(MINIMIZE, -1, -1, Integer.MAX_VALUE);
    private final SettingsModelString m_kspace = new SettingsModelString(KSPACE, "pppm");
    private final SettingsModelString m_accuracy = new SettingsModelString(ACCURACY, "1e-5");
    private final SettingsModelString m_cutoff = new SettingsModelString(CUTOFF, "10");
    private final SettingsModelString m_dt = new SettingsModelString(TIME_STEP, "0.001");
    private final SettingsModelIntegerBounded m_thermoEvery = new SettingsModelIntegerBounded(THERMO_EVERY, 100, 1, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_dumpEvery = new SettingsModelIntegerBounded(DUMP_EVERY, 1000, 0, Integer.MAX_VALUE);
    private final SettingsModelIntegerBounded m_replicateX = new SettingsModelIntegerBounded(REPLICATE_X, 1, 1, 64);

    /** The settings models, to register with the node model (in this order). */
    public List<SettingsModel> models() {
        return List.of(m_forceField, m_phosphate, m_composition, m_atoms, m_density, m_minSep, m_seed, m_stages,
            m_temperature, m_minimize, m_kspace, m_accuracy, m_cutoff, m_dt, m_thermoEvery, m_dumpEvery, m_replicateX);
    }

    /**
     * Adds the dialog components of these settings to {@code pane} in the groups Force field, Start structure,
     * Protocol and Engine (the last left open, so a node can add its own engine settings to it).
     */
    public void addDialogComponents(final DefaultNodeSettingsPane pane) {
        pane.createNewGroup("Force field");
        text(pane, m_forceField, "Parameter file (empty: built-in Deng-Du)");
        text(pane, m_phosphate, "P2O5 in the B-O rule (a or b)");
        pane.closeCurrentGroup();
        pane.createNewGroup("Start structure (when no trajectory is connected)");
        text(pane, m_composition, "Composition (mol%)");
        integer(pane, m_atoms, "Atoms");
        text(pane, m_density, "Density (g/cm^3)");
        text(pane, m_minSep, "Minimum separation (Å)");
        integer(pane, m_seed, "Seed");
        integer(pane, m_replicateX, "Replicate in x (tension: 2)");
        pane.closeCurrentGroup();
        pane.createNewGroup("Protocol");
        text(pane, m_stages, "Stages");
        text(pane, m_temperature, "Initial temperature (K)");
        integer(pane, m_minimize, "Minimisation steps (-1: auto)");
        integer(pane, m_thermoEvery, "Thermo every (steps)");
        integer(pane, m_dumpEvery, "Frame every (steps, 0: last only)");
        pane.closeCurrentGroup();
        pane.createNewGroup("Engine");
        text(pane, m_kspace, "Long range (pppm or ewald)");
        text(pane, m_accuracy, "K-space relative accuracy");
        text(pane, m_cutoff, "Real-space cutoff (Å)");
        text(pane, m_dt, "Time step (ps)");
    }

    private static void text(final DefaultNodeSettingsPane pane, final SettingsModelString m, final String label) {
        pane.addDialogComponent(new DialogComponentString(m, label, false, 30));
    }

    private static void integer(final DefaultNodeSettingsPane pane, final SettingsModelIntegerBounded m,
        final String label) {
        pane.addDialogComponent(new DialogComponentNumber(m, label, 1));
    }

    private static double number(final SettingsModelString m, final String label) throws InvalidSettingsException {
        try {
            return Double.parseDouble(m.getStringValue().trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(label + ": '" + m.getStringValue() + "' is not a number");
        }
    }

    /** Every value check of these settings (configure and the dialog use it). */
    public void check() throws InvalidSettingsException {
        MdSettings s = mdSettings(1);
        stages(s.dtPs());
        composition();
        phosphate();
        number(m_density, "Density");
        number(m_minSep, "Minimum separation");
        temperature();
    }

    /** The engine settings with {@code threads} workers. */
    public MdSettings mdSettings(final int threads) throws InvalidSettingsException {
        try {
            return new MdSettings(number(m_cutoff, "Cutoff"), SKIN_A, m_kspace.getStringValue().trim(),
                number(m_accuracy, "K-space accuracy"), number(m_dt, "Time step"), m_thermoEvery.getIntValue(),
                m_dumpEvery.getIntValue(), threads);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** The stages (or preset) for time step {@code dtPs}. */
    public List<Stage> stages(final double dtPs) throws InvalidSettingsException {
        try {
            return StageParser.parse(m_stages.getStringValue(), dtPs);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Stages: " + e.getMessage(), e);
        }
    }

    /** Initial velocity temperature in K. */
    public double temperature() throws InvalidSettingsException {
        return number(m_temperature, "Temperature");
    }

    /** Copies of the start structure along x (1: none). */
    public int replicateX() {
        return m_replicateX.getIntValue();
    }

    /**
     * Atoms per element of the glass the builder packs for the composition and atom count (before replication), in
     * the order of the built frame's species.
     */
    public Map<String, Integer> builtAtomCounts(final ForceField ff) throws InvalidSettingsException {
        try {
            return GlassBuilder.atomCounts(composition(), m_atoms.getIntValue(), ff);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Composition: " + e.getMessage(), e);
        }
    }

    /** Seed of the packing and of the velocities. */
    public int seed() {
        return m_seed.getIntValue();
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

    /** The force field: the parameter file of the setting, or the built-in Deng-Du one when it is empty. */
    public ForceField forceField() throws IOException {
        return m_forceField.getStringValue().isBlank() ? ForceField.dengDuLiBP()
            : ForceFieldFile.load(Path.of(m_forceField.getStringValue().trim()));
    }

    /**
     * The start of a run.
     *
     * @param state the start state (replicated along x when asked)
     * @param coefficients pair coefficients for the state's species and composition
     * @param minimizeSteps FIRE steps before MD (the setting, or when -1: 500 for a built glass, 0 otherwise)
     * @param newVelocities whether velocities are drawn at the initial temperature (after minimisation, or when the
     *            start structure has none); otherwise the start structure's velocities are kept
     */
    public record Start(MdState state, PairCoefficients[][] coefficients, int minimizeSteps, boolean newVelocities) {
    }

    /**
     * The start state: {@code input} (the last frame of the input trajectory) or, when null, a seeded random packing
     * of the composition; then replicated along x and given its force-field coefficients.
     */
    public Start start(final Frame input, final ForceField ff) throws InvalidSettingsException {
        boolean built = input == null;
        Frame frame = built ? GlassBuilder.randomPacking(builtAtomCounts(ff),
            number(m_density, "Density"), number(m_minSep, "Minimum separation"), m_seed.getIntValue()) : input;
        MdState s0 = MdState.fromFrame(frame, ff);
        MdState s = m_replicateX.getIntValue() > 1 ? s0.replicateX(m_replicateX.getIntValue()) : s0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < s.n; i++) counts.merge(s.speciesNames.get(s.species[i]), 1, Integer::sum);
        PairCoefficients[][] coeffs = ff.resolve(s.speciesNames, ff.oxideMolesFromCounts(counts), phosphate());
        int minimize = m_minimize.getIntValue() >= 0 ? m_minimize.getIntValue() : (built ? 500 : 0);
        return new Start(s, coeffs, minimize, minimize > 0 || frame.velocities() == null);
    }
}
