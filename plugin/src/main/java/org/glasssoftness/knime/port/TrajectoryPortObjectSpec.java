package org.glasssoftness.knime.port;

import java.util.Arrays;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JTextArea;

import org.glasssoftness.core.model.TrajectoryInfo;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What downstream nodes know about a trajectory without reading it: species (with counts in the first frame), atom
 * count, frame count, per-atom property names and whether image flags and velocities are present. A spec made at
 * configure time from the first frame alone (Read LAMMPS Dump) has the frame count {@link #UNKNOWN_FRAME_COUNT}.
 */
public final class TrajectoryPortObjectSpec extends AbstractSimplePortObjectSpec {
    private static final String CFG_SPECIES = "species";

    private static final String CFG_SPECIES_COUNTS = "species_counts";

    private static final String CFG_ATOMS = "atom_count";

    private static final String CFG_FRAMES = "frame_count";

    private static final String CFG_PROPERTIES = "properties";

    private static final String CFG_IMAGES = "has_images";

    private static final String CFG_VELOCITIES = "has_velocities";

    /** Frame count of a spec made before execution, when only the first frame has been read. */
    public static final int UNKNOWN_FRAME_COUNT = -1;

    /** Serializer registered at extension point org.knime.core.PortType (plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<TrajectoryPortObjectSpec> {
    }

    private TrajectoryInfo m_info;

    /** For KNIME's serializer only (it instantiates the spec and then calls load). */
    public TrajectoryPortObjectSpec() {
        m_info = new TrajectoryInfo(List.of(), new int[0], 0, 0, List.of(), false, false);
    }

    public TrajectoryPortObjectSpec(final TrajectoryInfo info) {
        m_info = info;
    }

    /** The engine's description of the trajectory. */
    public TrajectoryInfo info() {
        return m_info;
    }

    /** Whether the frame count is known (false for a spec made at configure time from the first frame). */
    public boolean frameCountKnown() {
        return m_info.frameCount() != UNKNOWN_FRAME_COUNT;
    }

    /**
     * E.g. "1920 atoms (Li 480, B 360, O 840, P 240), 201 frames, properties: c_pe"; before execution "..., frame
     * count known after execution, ...".
     */
    public String summary() {
        return summary(m_info);
    }

    private static String summary(final TrajectoryInfo info) {
        if (info.frameCount() != UNKNOWN_FRAME_COUNT) {
            return info.summary();
        }
        // the engine's one-line summary, with the frame count (not known yet) said in words
        String known = new TrajectoryInfo(info.speciesNames(), info.speciesCounts(), info.atomCount(), 0,
            info.propertyNames(), info.hasImages(), info.hasVelocities()).summary();
        return known.replaceFirst(", 0 frames", ", frame count known after execution");
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addStringArray(CFG_SPECIES, m_info.speciesNames().toArray(new String[0]));
        model.addIntArray(CFG_SPECIES_COUNTS, m_info.speciesCounts());
        model.addInt(CFG_ATOMS, m_info.atomCount());
        model.addInt(CFG_FRAMES, m_info.frameCount());
        model.addStringArray(CFG_PROPERTIES, m_info.propertyNames().toArray(new String[0]));
        model.addBoolean(CFG_IMAGES, m_info.hasImages());
        model.addBoolean(CFG_VELOCITIES, m_info.hasVelocities());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        String[] species = model.getStringArray(CFG_SPECIES);
        int[] counts = model.getIntArray(CFG_SPECIES_COUNTS);
        if (counts.length != species.length) {
            throw new InvalidSettingsException("trajectory spec: " + species.length + " species but "
                + counts.length + " species counts");
        }
        m_info = new TrajectoryInfo(Arrays.asList(species), counts, model.getInt(CFG_ATOMS),
            model.getInt(CFG_FRAMES), Arrays.asList(model.getStringArray(CFG_PROPERTIES)),
            model.getBoolean(CFG_IMAGES), model.getBoolean(CFG_VELOCITIES));
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(describe(m_info));
        text.setEditable(false);
        text.setName("Trajectory");
        return new JComponent[]{text};
    }

    /** A few lines for views: summary, image flags, velocities. */
    static String describe(final TrajectoryInfo info) {
        return summary(info) + "\nimage flags: " + (info.hasImages() ? "yes" : "no") + "\nvelocities: "
            + (info.hasVelocities() ? "yes" : "no") + "\n";
    }

    @Override
    public boolean equals(final Object ospec) {
        if (!(ospec instanceof TrajectoryPortObjectSpec)) {
            return false;
        }
        TrajectoryInfo o = ((TrajectoryPortObjectSpec)ospec).m_info;
        return o.speciesNames().equals(m_info.speciesNames())
            && Arrays.equals(o.speciesCounts(), m_info.speciesCounts()) && o.atomCount() == m_info.atomCount()
            && o.frameCount() == m_info.frameCount() && o.propertyNames().equals(m_info.propertyNames())
            && o.hasImages() == m_info.hasImages() && o.hasVelocities() == m_info.hasVelocities();
    }

    @Override
    public int hashCode() {
        return m_info.speciesNames().hashCode() * 31 + m_info.atomCount() * 7 + m_info.frameCount();
    }

    @Override
    public String toString() {
        return summary();
    }
}
