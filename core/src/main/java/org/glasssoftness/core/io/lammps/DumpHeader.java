package org.glasssoftness.core.io.lammps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Box;

/**
 * The header of one dump frame: the ITEM lines LAMMPS writes before the atoms (optional UNITS and TIME, then
 * TIMESTEP, NUMBER OF ATOMS, BOX BOUNDS and ATOMS with the column names).
 */
record DumpHeader(long timestep, int atomCount, Box box, List<String> columns, long lastHeaderLine) {

    /** A source of lines with their numbers. */
    interface LineSource {
        /** Next line without terminator, or null at end of input. */
        String nextLine() throws IOException;

        /** 1-based number of the line last returned. */
        long lineNumber();
    }

    /**
     * Reads one header. Returns null if the source is at its end (only blank lines left).
     *
     * @param frame frame index in the file, for messages
     */
    static DumpHeader read(LineSource src, Path file, int frame) throws IOException {
        String line = src.nextLine();
        while (line != null && line.isBlank()) line = src.nextLine();
        if (line == null) return null;
        String item = item(line, src, file, frame);
        while (item.equals("UNITS") || item.equals("TIME")) {
            value(src, file, frame, "ITEM: " + item);
            item = item(expectLine(src, file, frame, "ITEM: TIMESTEP"), src, file, frame);
        }
        if (!item.equals("TIMESTEP")) throw err(src, file, frame, "expected 'ITEM: TIMESTEP', found '" + line + "'");
        long timestep = parseLong(value(src, file, frame, "the timestep"), src, file, frame, "timestep");

        line = expectLine(src, file, frame, "ITEM: NUMBER OF ATOMS");
        if (!item(line, src, file, frame).equals("NUMBER OF ATOMS")) {
            throw err(src, file, frame, "expected 'ITEM: NUMBER OF ATOMS', found '" + line + "'");
        }
        long n = parseLong(value(src, file, frame, "the number of atoms"), src, file, frame, "number of atoms");
        if (n < 0 || n > Integer.MAX_VALUE / 3) {
            throw err(src, file, frame, "number of atoms " + n + " is negative or too large for one frame");
        }

        line = expectLine(src, file, frame, "ITEM: BOX BOUNDS");
        String boxItem = item(line, src, file, frame);
        if (!boxItem.startsWith("BOX BOUNDS")) {
            throw err(src, file, frame, "expected 'ITEM: BOX BOUNDS', found '" + line + "'");
        }
        String[] words = boxItem.substring("BOX BOUNDS".length()).trim().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) words = new String[0];
        boolean triclinic = false;
        int w = 0;
        if (words.length >= 3 && words[0].equals("xy") && words[1].equals("xz") && words[2].equals("yz")) {
            triclinic = true;
            w = 3;
        } else if (Arrays.asList(words).contains("abc")) {
            throw err(src, file, frame, "general triclinic boxes ('BOX BOUNDS abc origin') are not supported;"
                    + " write the dump with a restricted triclinic box");
        }
        boolean[] periodic = {true, true, true};
        if (words.length - w == 3) {
            for (int d = 0; d < 3; d++) periodic[d] = words[w + d].equals("pp");
        } else if (words.length - w != 0) {
            throw err(src, file, frame, "expected three boundary flags such as 'pp pp pp' after BOX BOUNDS, found '"
                    + line + "'");
        }
        double[][] b = new double[3][];
        for (int d = 0; d < 3; d++) {
            String bl = expectLine(src, file, frame, "box bounds line " + (d + 1));
            String[] t = bl.trim().split("\\s+");
            int need = triclinic ? 3 : 2;
            if (t.length != need) {
                throw err(src, file, frame, "expected " + need + " numbers on box bounds line " + (d + 1)
                        + (triclinic ? " (lo_bound hi_bound tilt)" : " (lo hi)") + ", found '" + bl + "'");
            }
            b[d] = new double[need];
            for (int k = 0; k < need; k++) {
                try {
                    b[d][k] = Double.parseDouble(t[k]);
                } catch (NumberFormatException e) {
                    throw err(src, file, frame, "box bound '" + t[k] + "' is not a number");
                }
            }
        }
        Box box;
        try {
            if (triclinic) {
                // LAMMPS dump/Howto_triclinic: the bounds enclose the tilted cell; remove the tilt extents.
                double xy = b[0][2], xz = b[1][2], yz = b[2][2];
                double xlo = b[0][0] - Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
                double xhi = b[0][1] - Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
                double ylo = b[1][0] - Math.min(0.0, yz);
                double yhi = b[1][1] - Math.max(0.0, yz);
                double zlo = b[2][0], zhi = b[2][1];
                box = new Box(xlo, ylo, zlo, xhi - xlo, yhi - ylo, zhi - zlo, xy, xz, yz,
                        periodic[0], periodic[1], periodic[2]);
            } else {
                box = new Box(b[0][0], b[1][0], b[2][0], b[0][1] - b[0][0], b[1][1] - b[1][0], b[2][1] - b[2][0],
                        0, 0, 0, periodic[0], periodic[1], periodic[2]);
            }
        } catch (IllegalArgumentException e) {
            throw err(src, file, frame, e.getMessage());
        }

        line = expectLine(src, file, frame, "ITEM: ATOMS");
        String atomsItem = item(line, src, file, frame);
        if (!atomsItem.startsWith("ATOMS")) throw err(src, file, frame, "expected 'ITEM: ATOMS ...', found '" + line + "'");
        String cols = atomsItem.substring("ATOMS".length()).trim();
        if (cols.isEmpty()) throw err(src, file, frame, "'ITEM: ATOMS' names no columns");
        return new DumpHeader(timestep, (int) n, box, List.of(cols.split("\\s+")), src.lineNumber());
    }

    private static String item(String line, LineSource src, Path file, int frame) throws TrajectoryFormatException {
        if (!line.startsWith("ITEM:")) {
            throw err(src, file, frame, "expected an 'ITEM:' line, found '" + abbreviate(line) + "'");
        }
        return line.substring(5).trim();
    }

    private static String expectLine(LineSource src, Path file, int frame, String what) throws IOException {
        String l = src.nextLine();
        if (l == null) throw err(src, file, frame, "file ends where " + what + " was expected (truncated frame)");
        return l;
    }

    private static String value(LineSource src, Path file, int frame, String what) throws IOException {
        return expectLine(src, file, frame, what).trim();
    }

    private static long parseLong(String s, LineSource src, Path file, int frame, String what)
            throws TrajectoryFormatException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw err(src, file, frame, "expected an integer " + what + ", found '" + abbreviate(s) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static TrajectoryFormatException err(LineSource src, Path file, int frame, String msg) {
        return new TrajectoryFormatException(file, src.lineNumber(), frame, msg);
    }
}
