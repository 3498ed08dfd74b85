package org.glasssoftness.knime.nodes.radialfeatures;

import java.util.List;

import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureSet;
import org.glasssoftness.core.softness.RadialFeatures;
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

/** Radial structure functions G_X(i; r) of the focus atoms of one frame (or every frame), keyed by frame and id. */
final class RadialFeaturesNodeModel extends GlassSoftnessNodeModel {
    static final String FOCUS = "focus";
    static final String NEIGHBOURS = "neighbours";
    static final String DR = "dr";
    static final String RC = "rc";
    static final String WIDTH = "width";
    static final String FRAME = "frame";
    static final String ALL_FRAMES = "all-frames";

    private final SettingsModelString m_focus = register(createFocusModel());
    private final SettingsModelString m_neighbours = register(createNeighboursModel());
    private final SettingsModelDoubleBounded m_dr = register(createDrModel());
    private final SettingsModelDoubleBounded m_rc = register(createRcModel());
    private final SettingsModelDoubleBounded m_width = register(createWidthModel());
    private final SettingsModelIntegerBounded m_frame = register(createFrameModel());
    private final SettingsModelBoolean m_allFrames = register(createAllFramesModel());

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

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        definition();
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

    static FeatureSet empty(final FeatureDefinition def) {
        return new FeatureSet(def, new int[0], new long[0], new long[0], new String[0], new double[0]);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        FeatureDefinition def = definition();
        TrajectoryInfo info = knownTrajectory(inSpecs, 0);
        if (!def.focusIsAny()) {
            requireSpecies(info, "Focus species", List.of(def.focusSpecies()));
        }
        requireSpecies(info, "Neighbour species", def.neighbourSpecies());
        int frame = m_frame.getIntValue();
        if (info != null && info.frameCount() != TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT
            && !m_allFrames.getBooleanValue() && frame >= info.frameCount()) {
            throw new InvalidSettingsException("Frame " + frame + " asked, the trajectory has " + info.frameCount()
                + " frames");
        }
        return new PortObjectSpec[]{ResultTables.spec(empty(def).toTable("features"))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        FeatureDefinition def = definition();
        RadialFeatures rf = new RadialFeatures(def);
        int frame = m_frame.getIntValue();
        boolean all = m_allFrames.getBooleanValue();
        FeatureSet fs = runOnTrajectory(inObjects, 0, exec.createSubProgress(0.9), (t, p) -> {
            if (!all && frame >= t.frameCount()) {
                throw new InvalidSettingsException("Frame " + frame + " asked, the trajectory has " + t.frameCount()
                    + " frames");
            }
            return all ? rf.compute(t, FrameSelection.all(), p) : rf.compute(t.frame(frame), frame);
        });
        return ResultTables.toTables(exec, 0.1, fs.toTable("features"));
    }
}
