package org.glasssoftness.knime.nodes.radialfeatures;

import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
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
import org.knime.core.node.NodeSettingsRO;
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
    protected void validateValues(final NodeSettingsRO settings) throws InvalidSettingsException {
        definition(settings.getString(FOCUS), settings.getString(NEIGHBOURS), settings.getDouble(DR),
            settings.getDouble(RC), settings.getDouble(WIDTH));
    }

    @Override
    protected void checkSettings() throws InvalidSettingsException {
        definition();
    }

    private FeatureDefinition definition() throws InvalidSettingsException {
        return definition(m_focus.getStringValue(), m_neighbours.getStringValue(), m_dr.getDoubleValue(),
            m_rc.getDoubleValue(), m_width.getDoubleValue());
    }

    /** The engine definition from setting values, or an error naming what to change. */
    static FeatureDefinition definition(final String focus, final String neighbours, final double dr,
        final double rc, final double width) throws InvalidSettingsException {
        List<String> nb = new ArrayList<>();
        for (String s : (neighbours == null ? "" : neighbours).split(",")) {
            if (!s.isBlank()) {
                nb.add(s.trim());
            }
        }
        try {
            return new FeatureDefinition(focus == null ? "" : focus.trim(), nb, dr, rc, width > 0 ? width : dr);
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
        TrajectoryPortObjectSpec in = trajectorySpec(inSpecs, 0);
        if (in != null && in.info() != null && in.info().atomCount() > 0) {
            List<String> have = in.info().speciesNames();
            if (!def.focusIsAny() && !have.contains(def.focusSpecies())) {
                throw new InvalidSettingsException("Focus species '" + def.focusSpecies() + "' is not in the trajectory; it has " + have);
            }
            for (String x : def.neighbourSpecies()) {
                if (!have.contains(x)) {
                    throw new InvalidSettingsException("Neighbour species '" + x + "' is not in the trajectory; it has " + have);
                }
            }
        }
        return new PortObjectSpec[]{ResultTables.spec(empty(def).toTable("features"))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        FeatureDefinition def = definition();
        RadialFeatures rf = new RadialFeatures(def);
        FeatureSet fs;
        try (Trajectory t = trajectory(inObjects, 0).openTrajectory()) {
            int frame = m_frame.getIntValue();
            if (!m_allFrames.getBooleanValue() && frame >= t.frameCount()) {
                throw new InvalidSettingsException("Frame " + frame + " asked, the trajectory has " + t.frameCount() + " frames");
            }
            fs = runEngine(exec.createSubProgress(0.9), p -> m_allFrames.getBooleanValue()
                ? rf.compute(t, FrameSelection.all(), p) : rf.compute(t.frame(frame), frame));
        }
        return new PortObject[]{ResultTables.toTable(fs.toTable("features"), exec.createSubExecutionContext(0.1))};
    }
}
