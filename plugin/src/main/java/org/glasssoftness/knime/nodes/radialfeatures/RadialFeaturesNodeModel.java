package org.glasssoftness.knime.nodes.radialfeatures;

import java.util.List;

import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.softness.AngularDefinition;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.StructureFeatures;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.knime.common.GlassSoftnessNodeModel;
import org.glasssoftness.knime.common.ResultTables;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
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
 * Radial structure functions G_X(i; r) of the focus atoms of one frame (or every frame), keyed by frame and id; with
 * the option {@code angular} also the angular structure functions Psi_XY(i; xi, lambda, zeta).
 */
final class RadialFeaturesNodeModel extends GlassSoftnessNodeModel {
    static final String FOCUS = "focus";
    static final String NEIGHBOURS = "neighbours";
    static final String DR = "dr";
    static final String RC = "rc";
    static final String WIDTH = "width";
    static final String FRAME = "frame";
    static final String ALL_FRAMES = "all-frames";
    /** Angular features on/off (default off: the output is the radial table alone). */
    static final String ANGULAR = "angular";
    /** Neighbour species of the angular features (comma-separated; empty = the radial neighbours). */
    static final String ANGULAR_NEIGHBOURS = "angular-neighbours";
    /** Cutoff R_c of the angular features (Å). */
    static final String ANGULAR_RC = "angular-rc";
    /** xi values (Å, comma-separated). */
    static final String ANGULAR_XI = "angular-xi";
    /** zeta values (comma-separated); lambda is always -1 and +1. */
    static final String ANGULAR_ZETA = "angular-zeta";

    private final SettingsModelString m_focus = register(createFocusModel());
    private final SettingsModelString m_neighbours = register(createNeighboursModel());
    private final SettingsModelDoubleBounded m_dr = register(createDrModel());
    private final SettingsModelDoubleBounded m_rc = register(createRcModel());
    private final SettingsModelDoubleBounded m_width = register(createWidthModel());
    private final SettingsModelIntegerBounded m_frame = register(createFrameModel());
    private final SettingsModelBoolean m_allFrames = register(createAllFramesModel());
    // added with the angular features: workflows saved before have none of these keys and get the defaults (off)
    private final SettingsModelBoolean m_angular = registerOptional(createAngularModel(), ANGULAR);
    private final SettingsModelString m_angularNeighbours = registerOptional(createAngularNeighboursModel(), ANGULAR_NEIGHBOURS);
    private final SettingsModelDoubleBounded m_angularRc = registerOptional(createAngularRcModel(), ANGULAR_RC);
    private final SettingsModelString m_angularXi = registerOptional(createAngularXiModel(), ANGULAR_XI);
    private final SettingsModelString m_angularZeta = registerOptional(createAngularZetaModel(), ANGULAR_ZETA);

    RadialFeaturesNodeModel() {
        super(new PortType[]{TrajectoryPortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE});
    }

    static SettingsModelString createFocusModel() {
        return new SettingsModelString(FOCUS, "B");
    }

    static SettingsModelString createNeighboursModel() {
        return new SettingsModelString(NEIGHBOURS, "Li,B,O,P");
    }

    static SettingsModelDoubleBounded createDrModel() {
        return new SettingsModelDoubleBounded(DR, FeatureDefinition.DEFAULT_DR, 1e-3, 100);
    }

    static SettingsModelDoubleBounded createRcModel() {
        return new SettingsModelDoubleBounded(RC, FeatureDefinition.DEFAULT_CUTOFF, 1e-3, 1000);
    }

    static SettingsModelDoubleBounded createWidthModel() {
        return new SettingsModelDoubleBounded(WIDTH, 0, 0, 100);
    }

    static SettingsModelIntegerBounded createFrameModel() {
        return new SettingsModelIntegerBounded(FRAME, 0, 0, Integer.MAX_VALUE);
    }

    static SettingsModelBoolean createAllFramesModel() {
        return new SettingsModelBoolean(ALL_FRAMES, false);
    }

    static SettingsModelBoolean createAngularModel() {
        return new SettingsModelBoolean(ANGULAR, false);
    }

    static SettingsModelString createAngularNeighboursModel() {
        return new SettingsModelString(ANGULAR_NEIGHBOURS, "");
    }

    static SettingsModelDoubleBounded createAngularRcModel() {
        return new SettingsModelDoubleBounded(ANGULAR_RC, AngularDefinition.DEFAULT_CUTOFF, 1e-3, 1000);
    }

    static SettingsModelString createAngularXiModel() {
        return new SettingsModelString(ANGULAR_XI, AngularDefinition.DEFAULT_XI_TEXT);
    }

    static SettingsModelString createAngularZetaModel() {
        return new SettingsModelString(ANGULAR_ZETA, AngularDefinition.DEFAULT_ZETA_TEXT);
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        angularDefinition(definition());
    }

    /** The angular definition when the option is on (else null), or an error naming what to change. */
    private AngularDefinition angularDefinition(final FeatureDefinition radial) throws InvalidSettingsException {
        if (!m_angular.getBooleanValue()) {
            return null;
        }
        try {
            return AngularDefinition.of(radial.focusSpecies(), commaList(m_angularNeighbours.getStringValue()),
                radial.neighbourSpecies(), m_angularRc.getDoubleValue(), m_angularXi.getStringValue(), "xi",
                m_angularZeta.getStringValue(), "zeta");
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Angular features: " + e.getMessage(), e);
        }
    }

    /** The engine definition from the current setting values, or an error naming what to change. */
    private FeatureDefinition definition() throws InvalidSettingsException {
        String focus = m_focus.getStringValue();
        double dr = m_dr.getDoubleValue();
        double width = m_width.getDoubleValue();
        try {
            return new FeatureDefinition(focus == null ? "" : focus.trim(), commaList(m_neighbours.getStringValue()),
                dr, m_rc.getDoubleValue(), width > 0 ? width : dr);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Features: " + e.getMessage(), e);
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        FeatureDefinition def = definition();
        TrajectoryInfo info = knownTrajectory(inSpecs, 0);
        if (!def.focusIsAny()) {
            requireSpecies(info, "Focus species", List.of(def.focusSpecies()));
        }
        requireSpecies(info, "Neighbour species", def.neighbourSpecies());
        AngularDefinition ang = angularDefinition(def);
        if (ang != null) {
            requireSpecies(info, "Angular neighbour species", ang.neighbourSpecies());
        }
        int frame = m_frame.getIntValue();
        if (info != null && info.frameCount() != TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT
            && !m_allFrames.getBooleanValue() && frame >= info.frameCount()) {
            throw new InvalidSettingsException("Frame " + frame + " asked, the trajectory has " + info.frameCount()
                + " frames");
        }
        return new PortObjectSpec[]{ResultTables.spec(new StructureFeatures(def, ang).emptyTable())};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        FeatureDefinition def = definition();
        StructureFeatures sf = new StructureFeatures(def, angularDefinition(def));
        int frame = m_frame.getIntValue();
        boolean all = m_allFrames.getBooleanValue();
        ResultTable table = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.9), (t, p) -> {
            if (!all && frame >= t.frameCount()) {
                throw new InvalidSettingsException("Frame " + frame + " asked, the trajectory has " + t.frameCount()
                    + " frames");
            }
            return all ? sf.compute(t, FrameSelection.all(), p) : sf.compute(t.frame(frame), frame, p);
        });
        return ResultTables.toTables(exec, 0.1, table);
    }
}
