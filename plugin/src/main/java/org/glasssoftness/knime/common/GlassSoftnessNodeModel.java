package org.glasssoftness.knime.common;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Base of every Glass Softness node model: settings kept as SettingsModels (saved, validated and loaded in one
 * place), a cross-field check hook, input checks for the trajectory port, the engine progress adapter and the
 * translation of engine failures into KNIME's exceptions. Nodes keep no internals: results live in their ports.
 */
public abstract class GlassSoftnessNodeModel extends NodeModel {
    private final List<SettingsModel> m_settings = new ArrayList<>();

    private final List<TrajectoryPortObject> m_created = new ArrayList<>();

    protected GlassSoftnessNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        super(inPortTypes, outPortTypes);
    }

    /** Registers a settings model; call in the constructor for every setting of the node. */
    protected final <T extends SettingsModel> T register(final T model) {
        m_settings.add(model);
        return model;
    }

    /**
     * Cross-field and value checks of the current settings (after loading), e.g. "last frame before first frame".
     * Called by configure; the default accepts everything.
     *
     * @throws InvalidSettingsException with a message that tells the user what to change
     */
    protected void checkSettings() throws InvalidSettingsException {
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        for (SettingsModel m : m_settings) {
            m.saveSettingsTo(settings);
        }
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_settings) {
            m.validateSettings(settings);
        }
        validateValues(settings);
    }

    /**
     * Checks that the values in {@code settings} make sense together (e.g. a parsable type map), without changing
     * the model; the dialog refuses settings that fail. Values read here are known to be present and of the right
     * type. The default accepts everything.
     */
    protected void validateValues(final NodeSettingsRO settings) throws InvalidSettingsException {
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_settings) {
            m.loadSettingsFrom(settings);
        }
    }

    /**
     * Remembers a trajectory this node created for an output port, so that its temporary file is deleted when the
     * node is reset or removed. Returns the port object.
     */
    protected final TrajectoryPortObject keep(final TrajectoryPortObject created) {
        m_created.add(created);
        return created;
    }

    /** Deletes the temporary files of trajectories this node created; subclasses overriding reset call super. */
    @Override
    protected void reset() {
        for (TrajectoryPortObject p : m_created) {
            try {
                p.deleteStore();
            } catch (IOException e) {
                getLogger().warn("Could not delete a temporary trajectory file: " + e.getMessage());
            }
        }
        m_created.clear();
    }

    @Override
    protected void onDispose() {
        reset();
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // no internals
    }

    /** The trajectory spec at input {@code index}, or an error telling the user to connect one. */
    protected static TrajectoryPortObjectSpec trajectorySpec(final PortObjectSpec[] inSpecs, final int index)
        throws InvalidSettingsException {
        PortObjectSpec s = inSpecs[index];
        if (s != null && !(s instanceof TrajectoryPortObjectSpec)) {
            throw new InvalidSettingsException("Input " + index + " must be a trajectory, got "
                + s.getClass().getSimpleName());
        }
        return (TrajectoryPortObjectSpec)s; // null: upstream not executed yet, which is fine at configure time
    }

    /** The trajectory at input {@code index}. */
    protected static TrajectoryPortObject trajectory(final PortObject[] inObjects, final int index) {
        if (!(inObjects[index] instanceof TrajectoryPortObject)) {
            throw new IllegalArgumentException("Input " + index + " is not a trajectory");
        }
        return (TrajectoryPortObject)inObjects[index];
    }

    /** Engine work that reports progress and may be cancelled. */
    @FunctionalInterface
    protected interface EngineCall<T> {
        T run(Progress progress) throws Exception;
    }

    /**
     * Runs engine work with KNIME's progress and cancel; the engine's CancelledException becomes KNIME's
     * CanceledExecutionException, so KNIME shows "cancelled" rather than an error.
     */
    protected static <T> T runEngine(final ExecutionMonitor exec, final EngineCall<T> call) throws Exception {
        exec.checkCanceled();
        try {
            return call.run(new EngineProgress(exec));
        } catch (CancelledException e) {
            CanceledExecutionException c = new CanceledExecutionException();
            c.initCause(e);
            throw c;
        }
    }
}
