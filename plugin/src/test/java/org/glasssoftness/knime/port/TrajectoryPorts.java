package org.glasssoftness.knime.port;

import java.nio.file.Path;

/** Test access to package-private parts of the trajectory port. */
public final class TrajectoryPorts {
    private TrajectoryPorts() {
    }

    public static Path storeFile(final TrajectoryPortObject p) {
        return p.storeFile();
    }
}
