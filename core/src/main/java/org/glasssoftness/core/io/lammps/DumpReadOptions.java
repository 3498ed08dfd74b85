package org.glasssoftness.core.io.lammps;

import java.util.Objects;
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
        if (firstFrame < 0) throw new IllegalArgumentException("first frame must be >= 0, got " + firstFrame);
        if (lastFrame < -1) throw new IllegalArgumentException("last frame must be >= 0 or -1 (= last), got " + lastFrame);
        if (lastFrame >= 0 && lastFrame < firstFrame) {
            throw new IllegalArgumentException("last frame " + lastFrame + " is before first frame " + firstFrame);
        }
        if (stride < 1) throw new IllegalArgumentException("stride must be >= 1, got " + stride);
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
        return k >= firstFrame && (lastFrame < 0 || k <= lastFrame) && (k - firstFrame) % stride == 0;
    }
}
