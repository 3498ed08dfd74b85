package org.glasssoftness.knime.nodes.coordination;

import java.util.List;

import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.structure.BondCutoffs;
import org.glasssoftness.core.structure.Composition;
import org.glasssoftness.core.structure.CoordinationAnalysis;
import org.glasssoftness.core.structure.CoordinationResult;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Coordination analysis of the selected frames (the engine's CoordinationAnalysis; settings keys are the CLI option
 * names): per-atom coordination, coordination states, Q^n, bond angles and a summary with densities.
 */
final class CoordinationNodeModel extends GlassSoftnessNodeModel {
    static final String CUTOFFS = "cutoffs";
    static final String FORMERS = "formers";
    static final String ANION = "anion";
    static final String ANGLES = "angles";
    static final String ANGLE_BIN = "angle-bin";
    static final String COMPOSITION = "composition";
    static final String PER_ATOM = "per-atom";

    /** Output order: the engine's table names. */
    static final List<String> TABLES =
        List.of("coordination_atoms", "coordination_states", "qn", "bond_angles", "structure_summary");

    private final SettingsModelIntegerBounded m_first = register(createFirstFrameModel());
    private final SettingsModelIntegerBounded m_last = register(createLastFrameModel());
    private final SettingsModelIntegerBounded m_stride = register(createStrideModel());
    private final SettingsModelString m_cutoffs = register(createCutoffsModel());
    private final SettingsModelString m_formers = register(createFormersModel());
    private final SettingsModelString m_anion = register(createAnionModel());
    private final SettingsModelString m_angles = register(createAnglesModel());
    private final SettingsModelDoubleBounded m_angleBin = register(createAngleBinModel());
    private final SettingsModelString m_composition = register(createCompositionModel());
    private final SettingsModelBoolean m_perAtom = register(createPerAtomModel());

    CoordinationNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE,
            BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    static SettingsModelString createCutoffsModel() {
        return new SettingsModelString(CUTOFFS, BondCutoffs.DEFAULT_TEXT);
    }

    static SettingsModelString createFormersModel() {
        return new SettingsModelString(FORMERS, "B,P");
    }

    static SettingsModelString createAnionModel() {
        return new SettingsModelString(ANION, "O");
    }

    static SettingsModelString createAnglesModel() {
        return new SettingsModelString(ANGLES, "");
    }

    static SettingsModelDoubleBounded createAngleBinModel() {
        return new SettingsModelDoubleBounded(ANGLE_BIN, 1.0, 1e-3, 180);
    }

    static SettingsModelString createCompositionModel() {
        return new SettingsModelString(COMPOSITION, "");
    }

    static SettingsModelBoolean createPerAtomModel() {
        return new SettingsModelBoolean(PER_ATOM, true);
    }

    private record Config(FrameSelection frames, CoordinationAnalysis analysis) {
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        config();
    }

    private Config config() throws InvalidSettingsException {
        return config(m_first.getIntValue(), m_last.getIntValue(), m_stride.getIntValue(), m_cutoffs.getStringValue(),
            m_formers.getStringValue(), m_anion.getStringValue(), m_angles.getStringValue(),
            m_angleBin.getDoubleValue(), m_composition.getStringValue(), m_perAtom.getBooleanValue());
    }

    private static Config config(final int first, final int last, final int stride, final String cutoffs,
        final String formers, final String anion, final String angles, final double angleBin,
        final String composition, final boolean perAtom) throws InvalidSettingsException {
        FrameSelection frames;
        try {
            frames = new FrameSelection(first, last, stride);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Frame range: " + e.getMessage(), e);
        }
        BondCutoffs cut;
        try {
            cut = cutoffs == null || cutoffs.trim().equals(BondCutoffs.DEFAULT_TEXT) ? BondCutoffs.defaults()
                : BondCutoffs.parse(cutoffs);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Bond cutoffs: " + e.getMessage(), e);
        }
        Composition comp = null;
        if (composition != null && !composition.isBlank()) {
            try {
                comp = Composition.parse(composition);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("Composition: " + e.getMessage(), e);
            }
        }
        if (anion == null || anion.isBlank()) {
            throw new InvalidSettingsException("Bridging anion: give a species, e.g. O");
        }
        try {
            return new Config(frames, new CoordinationAnalysis(new CoordinationAnalysis.Settings(cut, commaList(formers),
                anion.trim(), commaList(angles), angleBin, comp, perAtom, 0)));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Config c = config();
        TrajectoryInfo info = knownTrajectory(inSpecs, 0);
        if (info == null) {
            return specsWithoutSpecies(c);
        }
        CoordinationResult empty;
        try {
            empty = c.analysis().emptyResult(info.speciesNames());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        return ResultTables.specs(tables(empty));
    }

    /**
     * Before the input's species are known: the specs of the tables whose columns do not depend on them
     * (coordination states, Q^n, summary; the per-atom table when switched off), null for the others.
     */
    private static PortObjectSpec[] specsWithoutSpecies(final Config c) {
        PortObjectSpec[] out = new PortObjectSpec[TABLES.size()];
        ResultTable[] fixed;
        try {
            fixed = tables(c.analysis().emptyResult(List.of()));
        } catch (IllegalArgumentException e) {
            return out; // settings that name species: checked once the input is known
        }
        boolean perAtom = c.analysis().settings().perAtom();
        for (int i = 0; i < out.length; i++) {
            String name = TABLES.get(i);
            boolean bySpecies = name.equals("bond_angles") || (perAtom && name.equals("coordination_atoms"));
            out[i] = bySpecies ? null : ResultTables.spec(fixed[i]);
        }
        return out;
    }

    /** The output tables in port order. */
    private static ResultTable[] tables(final CoordinationResult r) {
        return TABLES.stream().map(name -> table(r, name)).toArray(ResultTable[]::new);
    }

    /** The named table, or an empty one with no columns when not produced (per-atom table switched off). */
    private static ResultTable table(final CoordinationResult r, final String name) {
        for (ResultTable t : r.tables()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return ResultTable.builder(name).build();
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Config c = config();
        CoordinationResult r = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.8),
            (t, p) -> c.analysis().compute(t, c.frames(), p));
        return ResultTables.toTables(exec, 0.2, tables(r));
    }
}
