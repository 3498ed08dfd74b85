package org.glasssoftness.knime.port;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JTextArea;

import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.core.progress.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A particle trajectory flowing between nodes. The frames live in an engine FrameStore file (compact binary, random
 * access), so the port's memory does not grow with the number of frames. With the workflow the file is saved into
 * the port's zip stream and read back into a temporary file.
 */
public final class TrajectoryPortObject implements PortObject {
    /** The port type, registered at extension point org.knime.core.PortType (plugin.xml). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(TrajectoryPortObject.class);

    /** Zip entry holding the FrameStore file. */
    static final String ENTRY = "trajectory.gsfs";

    private final TrajectoryPortObjectSpec m_spec;

    private final Path m_store;

    private TrajectoryPortObject(final TrajectoryPortObjectSpec spec, final Path store) {
        m_spec = spec;
        m_store = store;
    }

    /**
     * Stores a trajectory (e.g. one read from a dump) in a new FrameStore temp file and returns the port object.
     *
     * @param progress progress and cancel for the copy
     */
    public static TrajectoryPortObject create(final Trajectory trajectory, final Progress progress)
        throws IOException {
        Path store = newStoreFile();
        boolean done = false;
        try {
            FrameStore.write(store, trajectory, progress);
            TrajectoryPortObject p = fromStore(store);
            done = true;
            return p;
        } finally {
            if (!done) {
                Files.deleteIfExists(store);
            }
        }
    }

    /**
     * A new temporary file (deleted on exit at the latest) for a node to stream a FrameStore into, e.g. with a
     * {@link FrameStore.Writer}, before handing it to {@link #fromStore}.
     */
    public static Path newStoreFile() throws IOException {
        File f = org.knime.core.util.FileUtil.createTempFile("glass-softness-trajectory", ".gsfs", true);
        return f.toPath();
    }

    /**
     * The port object for a finished FrameStore file (from {@link #newStoreFile}); the object owns the file from now
     * on and {@link #deleteStore} deletes it. The spec is read from the store.
     */
    public static TrajectoryPortObject fromStore(final Path store) throws IOException {
        TrajectoryInfo info;
        try (Trajectory stored = FrameStore.open(store)) {
            info = stored.info();
        }
        return new TrajectoryPortObject(new TrajectoryPortObjectSpec(info), store);
    }

    /** Opens the trajectory for reading; the caller closes it. Several may be open at once. */
    public Trajectory openTrajectory() throws IOException {
        return FrameStore.open(m_store);
    }

    @Override
    public String getSummary() {
        return m_spec.summary();
    }

    @Override
    public TrajectoryPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(TrajectoryPortObjectSpec.describe(m_spec.info()));
        text.setEditable(false);
        text.setName("Trajectory");
        return new JComponent[]{text};
    }

    /** Serializer registered at extension point org.knime.core.PortType (plugin.xml). */
    public static final class Serializer extends PortObjectSerializer<TrajectoryPortObject> {
        @Override
        public void savePortObject(final TrajectoryPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry(ENTRY));
            copy(Files.newInputStream(portObject.m_store), out, exec);
            out.closeEntry();
        }

        @Override
        public TrajectoryPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !ENTRY.equals(entry.getName())) {
                throw new IOException("Saved trajectory port: expected zip entry " + ENTRY + ", found "
                    + (entry == null ? "nothing" : entry.getName()));
            }
            if (!(spec instanceof TrajectoryPortObjectSpec)) {
                throw new IOException("Saved trajectory port: spec is "
                    + (spec == null ? "missing" : spec.getClass().getName()));
            }
            Path store = newStoreFile();
            boolean done = false;
            try {
                try (OutputStream out = Files.newOutputStream(store)) {
                    copyInto(in, out, exec);
                }
                done = true;
                return new TrajectoryPortObject((TrajectoryPortObjectSpec)spec, store);
            } finally {
                if (!done) {
                    Files.deleteIfExists(store);
                }
            }
        }

        private static void copy(final InputStream from, final OutputStream to, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
            try (InputStream in = from) {
                copyInto(in, to, exec);
            }
        }

        private static void copyInto(final InputStream in, final OutputStream to, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
            byte[] buf = new byte[1 << 16];
            int n;
            long blocks = 0;
            while ((n = in.read(buf)) > 0) {
                to.write(buf, 0, n);
                if (++blocks % 64 == 0) {
                    exec.checkCanceled();
                }
            }
        }
    }

    /**
     * Deletes the FrameStore file. Only the node that created this port object calls it, when it is reset or
     * disposed (KNIME has dropped its outputs by then); the object must not be read afterwards.
     */
    public void deleteStore() throws IOException {
        Files.deleteIfExists(m_store);
    }

    /** For tests: the FrameStore file behind this port. */
    Path storeFile() {
        return m_store;
    }
}
