package org.glasssoftness.core.io.lammps;

import java.util.List;
import org.glasssoftness.core.model.Box;

/**
 * One parsed dump frame before species are resolved: atoms already sorted by id, positions Cartesian (scaled ones
 * converted through the box). {@code elementIndex} indexes {@code elementNames} (names in order of appearance).
 * {@code fileOrder[i]} is the position in the file of sorted atom i (null when the file was already sorted).
 */
record RawFrame(int fileFrame, long timestep, Box box, long[] ids, int[] types, int[] elementIndex,
                List<String> elementNames, double[] positions, int[] images, double[] velocities,
                double[][] properties, long firstAtomLine, int[] fileOrder) {

    /** 1-based file line of sorted atom i. */
    long lineOf(int i) {
        return firstAtomLine + (fileOrder == null ? i : fileOrder[i]);
    }
}
