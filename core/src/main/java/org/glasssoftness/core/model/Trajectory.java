package org.glasssoftness.core.model;

import java.io.IOException;
import java.util.List;

/**
 * A sequence of frames with random access, read on demand so that memory does not grow with the number of frames.
 * Implementations: a LAMMPS dump with a frame-offset index, a compact binary store, or frames held in memory.
 */
public interface Trajectory extends AutoCloseable {

    /** Number of frames. */
    int frameCount();

    /** Reads frame k (0-based). Each call may read from disk; callers stream by asking for one frame at a time. */
    Frame frame(int k) throws IOException;

    /** Atom count, species and property names, known without reading every frame. */
    TrajectoryInfo info();

    /** Releases files held open; the default does nothing. */
    @Override
    default void close() throws IOException {
    }

    /** A trajectory over frames held in memory (small systems, tests, results of a node). */
    static Trajectory of(List<Frame> frames) {
        return new InMemoryTrajectory(frames);
    }
}
