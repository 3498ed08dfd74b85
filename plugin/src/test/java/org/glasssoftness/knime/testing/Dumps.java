package org.glasssoftness.knime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-written LAMMPS dumps whose every number is known to the tests. */
public final class Dumps {
    private Dumps() {
    }

    /**
     * Two frames (steps 0 and 100) of four atoms, written unsorted by id, box [0,10]x[0,12]x[0,14], types 1 (Li) and
     * 3 (O), image flags and a per-atom property c_pe. Frame 1 moves every atom by +0.5 Å in x.
     */
    public static final String TWO_FRAMES = frame(0, 0.0) + frame(100, 0.5);

    private static String frame(final long step, final double dx) {
        return "ITEM: TIMESTEP\n" + step + "\nITEM: NUMBER OF ATOMS\n4\nITEM: BOX BOUNDS pp pp pp\n"
            + "0.0 10.0\n0.0 12.0\n0.0 14.0\nITEM: ATOMS id type x y z ix iy iz c_pe\n"
            + "3 3 " + (5.5 + dx) + " 6.25 7.0 0 1 0 -3.5\n"
            + "1 1 " + (1.0 + dx) + " 2.0 3.0 0 0 0 -1.25\n"
            + "4 3 " + (8.0 + dx) + " 9.5 1.5 -1 0 2 -4.0\n"
            + "2 1 " + (2.5 + dx) + " 3.5 4.5 1 0 0 -2.0\n";
    }

    public static final String TYPE_MAP = "1=Li,3=O";

    public static Path write(final Path dir, final String name, final String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }
}
