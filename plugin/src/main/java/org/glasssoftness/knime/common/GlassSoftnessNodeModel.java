package org.glasssoftness.knime.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.model.Axes;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.glasssoftness.knime.views.Curves;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Base of every Glass Softness node model: settings kept as SettingsModels (saved, validated and loaded in one
 * place), a cross-field check hook, input checks for the trajectory port, the engine progress adapter and the
 * translation of engine failures into KNIME's exceptions, the frame-range settings most nodes share, and the curves a
 * node's view shows (its only internals; everything else lives in the output ports).
 */
public abstract class GlassSoftnessNodeModel extends NodeModel {
    private final List<SettingsModel> m_settings = new ArrayList<>();

    /** Settings added after workflows were saved with the node: key and default value of each (see registerOptional). */
    private final Map<SettingsModel, OptionalSetting> m_optional = new IdentityHashMap<>();

    private record OptionalSetting(String key, NodeSettings defaults) {
    }

    private final List<TrajectoryPortObject> m_created = new ArrayList<>();

    /** The curves of each curve view, view 0 first (empty: not executed, or a node without a view). */
    private List<Curves> m_curves = List.of();

    /** Internals sub-folder of the curves of view {@code k >= 1} (view 0's file lies in the folder itself). */
    private static final String CURVES_DIR_PREFIX = "curves-";

    protected GlassSoftnessNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        super(inPortTypes, outPortTypes);
    }

    /** Registers a settings model; call in the constructor for every setting of the node. */
    protected final <T extends SettingsModel> T register(final T model) {
        m_settings.add(model);
        return model;
    }

    /**
     * Registers a setting that workflows saved before it existed do not have: when {@code key} (the model's config
     * name) is missing from loaded settings, the setting takes its value at registration (its default) instead of
     * failing, so older workflows load and run unchanged. Call in the constructor, like {@link #register}.
     */
    protected final <T extends SettingsModel> T registerOptional(final T model, final String key) {
        NodeSettings defaults = new NodeSettings("defaults");
        model.saveSettingsTo(defaults);
        m_optional.put(model, new OptionalSetting(key, defaults));
        return register(model);
    }

    /** Loads one registered model from {@code settings}; an optional setting missing there gets its default. */
    private void load(final SettingsModel m, final NodeSettingsRO settings) throws InvalidSettingsException {
        OptionalSetting o = m_optional.get(m);
        m.loadSettingsFrom(o != null && !settings.containsKey(o.key()) ? o.defaults() : settings);
    }

    /** Setting {@code first-frame}: first frame to use (0-based). */
    public static SettingsModelIntegerBounded createFirstFrameModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.FIRST_FRAME, 0, 0, Integer.MAX_VALUE);
    }

    /** Setting {@code last-frame}: last frame to use (0-based, inclusive; -1 = last frame). */
    public static SettingsModelIntegerBounded createLastFrameModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.LAST_FRAME, -1, -1, Integer.MAX_VALUE);
    }

    /** Setting {@code stride}: use every n-th frame. */
    public static SettingsModelIntegerBounded createStrideModel() {
        return new SettingsModelIntegerBounded(SettingsKeys.STRIDE, 1, 1, Integer.MAX_VALUE);
    }

    /** "B, P,,O" -> [B, P, O]: the items of a comma-separated setting, trimmed, empty ones dropped. */
    protected static List<String> commaList(final String text) {
        List<String> out = new ArrayList<>();
        for (String s : (text == null ? "" : text).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /**
     * The index 0, 1, 2 of axis setting {@code value} ("x", "y" or "z", any case, blanks ignored), parsed by the
     * engine's {@link Axes}; anything else is refused with "&lt;what&gt; must be x, y or z, got '...'".
     *
     * @param what the setting, as the user knows it, e.g. "Strain axis"
     */
    protected static int axis(final String what, final String value) throws InvalidSettingsException {
        try {
            return Axes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + " must be x, y or z, got '" + value + "'", e);
        }
    }

    /** Refuses a frame range whose last frame (when not -1) lies before its first frame. */
    protected static void checkFrameRange(final int first, final int last) throws InvalidSettingsException {
        if (last >= 0 && last < first) {
            throw new InvalidSettingsException("Frame range: last frame " + last + " is before first frame " + first);
        }
    }

    /**
     * Cross-field and value checks of the current setting values, e.g. "last frame before first frame"; checks on
     * setting values only (no files, no input specs: those belong in configure). Nodes call it from configure (and
     * execute where they need the parsed values); {@link #validateValues} runs it on candidate settings. The default
     * accepts everything.
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
            OptionalSetting o = m_optional.get(m);
            if (o == null || settings.containsKey(o.key())) {
                m.validateSettings(settings);
            }
        }
        validateValues(settings);
    }

    /**
     * Checks that the values in {@code settings} make sense together (e.g. a parsable type map), without changing
     * the model; the dialog refuses settings that fail. Values read here are known to be present and of the right
     * type. The default runs {@link #checkSettings()} on them (see {@link #checkSettingsWith}), so the dialog
     * refuses what configure would refuse, with one set of checks.
     */
    protected void validateValues(final NodeSettingsRO settings) throws InvalidSettingsException {
        checkSettingsWith(settings);
    }

    /**
     * Runs {@link #checkSettings()} on the values in {@code settings} (already validated entry by entry): loads them
     * into the registered models, checks, and puts the previous values back whatever happens, so that the model is
     * unchanged.
     */
    protected final void checkSettingsWith(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettings previous = new NodeSettings("previous");
        saveSettingsTo(previous);
        try {
            for (SettingsModel m : m_settings) {
                load(m, settings);
            }
            checkSettings();
        } finally {
            for (SettingsModel m : m_settings) {
                m.loadSettingsFrom(previous);
            }
        }
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : m_settings) {
            load(m, settings);
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

    /** The curves of the last execution for the node's (first) view, or null (not executed, or a node without a view). */
    public final Curves curves() {
        return curves(0);
    }

    /** The curves of the last execution for view {@code view}, or null (not executed, or no such view). */
    public final Curves curves(final int view) {
        return view >= 0 && view < m_curves.size() ? m_curves.get(view) : null;
    }

    /**
     * Keeps the curves of this execution for the views, one per view in view order (a node with several curve views
     * passes several); saved with the workflow as the node's internals.
     */
    protected final void setCurves(final Curves... curves) {
        m_curves = List.of(curves);
    }

    /**
     * Deletes the temporary files of trajectories this node created and forgets the view's curves; subclasses
     * overriding reset call super.
     */
    @Override
    protected void reset() {
        m_curves = List.of();
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

    /** Reads the views' curves (none when the node saved none). */
    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        List<Curves> loaded = new ArrayList<>();
        Curves c = Curves.load(nodeInternDir.toPath());
        while (c != null) {
            loaded.add(c);
            c = Curves.load(nodeInternDir.toPath().resolve(CURVES_DIR_PREFIX + loaded.size()));
        }
        m_curves = List.copyOf(loaded);
    }

    /** Saves the views' curves, if any: view 0 in the folder, view k in its sub-folder curves-k. */
    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        for (int k = 0; k < m_curves.size(); k++) {
            Path dir = nodeInternDir.toPath();
            if (k > 0) {
                dir = Files.createDirectories(dir.resolve(CURVES_DIR_PREFIX + k));
            }
            m_curves.get(k).save(dir);
        }
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

    /**
     * What the trajectory at input {@code index} is known to hold at configure time: its info when upstream has
     * given a spec with atoms, else null (not connected, not configured, or a spec only known after execution).
     */
    protected static TrajectoryInfo knownTrajectory(final PortObjectSpec[] inSpecs, final int index)
        throws InvalidSettingsException {
        TrajectoryPortObjectSpec spec = trajectorySpec(inSpecs, index);
        TrajectoryInfo info = spec == null ? null : spec.info();
        return info == null || info.atomCount() == 0 ? null : info;
    }

    /**
     * A configure-time error when a named species is not in the trajectory, e.g. "Species 'Na' is not in the
     * trajectory; it has [Li, B, O, P]"; nothing is checked when {@code info} is null (not known yet).
     *
     * @param what the setting, as the user knows it, e.g. "Neighbour species"
     */
    protected static void requireSpecies(final TrajectoryInfo info, final String what,
        final Collection<String> species) throws InvalidSettingsException {
        if (info == null) {
            return;
        }
        for (String s : species) {
            if (!info.speciesNames().contains(s)) {
                throw new InvalidSettingsException(what + " '" + s + "' is not in the trajectory; it has "
                    + info.speciesNames());
            }
        }
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

    /** Engine work on a trajectory that reports progress and may be cancelled. */
    @FunctionalInterface
    protected interface TrajectoryCall<T> {
        T run(Trajectory trajectory, Progress progress) throws Exception;
    }

    /**
     * Opens the trajectory at input {@code index}, runs engine work on it with KNIME's progress and cancel (see
     * {@link #runEngine}) and closes it again.
     */
    protected static <T> T runOnTrajectory(final PortObject[] inObjects, final int index, final ExecutionMonitor exec,
        final TrajectoryCall<T> call) throws Exception {
        try (Trajectory t = trajectory(inObjects, index).openTrajectory()) {
            return runEngine(exec, p -> call.run(t, p));
        }
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
