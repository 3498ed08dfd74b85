package org.glasssoftness.core.io.lammps;

import java.util.Objects;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.TypeMap;

/**
 * What to read from a LAMMPS dump.
 *
 * @param typeMap    LAMMPS type to element; empty = species from an {@code element} column, else named by type
 *                   ("1", "2", ...). When both a map and an element column exist the map wins.
 * @param firstFrame first frame of the file to read (0-based)
 * @param lastFrame  last frame of the file to read, inclusive; -1 = the last frame of the file
 * @param stride     read every stride-th frame from firstFrame on (>= 1)
 */
public record DumpReadOptions(TypeMap typeMap, int firstFrame, int lastFrame, int stride) {

    public DumpReadOptions {
        Objects.requireNonNull(typeMap, "typeMap");
        new FrameSelection(firstFrame, lastFrame, stride); // validates the range
    }

    /** These options with the frames of {@code frames}. */
    public DumpReadOptions(TypeMap typeMap, FrameSelection frames) {
        this(typeMap, frames.first(), frames.last(), frames.stride());
    }

    /** The frames to read, as the shared selection type. */
    public FrameSelection frames() {
        return new FrameSelection(firstFrame, lastFrame, stride);
    }

    /** Every frame, species from an element column or by type. */
    public static DumpReadOptions defaults() {
        return new DumpReadOptions(TypeMap.empty(), 0, -1, 1);
    }

    /** Every frame with this type map. */
    public static DumpReadOptions of(TypeMap typeMap) {
        return new DumpReadOptions(typeMap, 0, -1, 1);
    }

    /** True if file frame {@code k} is selected. */
    public boolean selects(int k) {
        return frames().selects(k);
    }
}
