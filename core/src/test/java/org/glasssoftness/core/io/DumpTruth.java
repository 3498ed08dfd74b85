package org.glasssoftness.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * An independent, deliberately simple reading of a LAMMPS dump for tests (String.split and Double.parseDouble): the
 * numbers exactly as LAMMPS printed them, by frame and atom id.
 */
public final class DumpTruth {
    /** One frame: timestep, the three box bound lines, the column names and each atom's tokens by id. */
    public record TFrame(long timestep, String[][] bounds, List<String> columns, TreeMap<Long, String[]> atoms,
                         List<Long> fileOrder) {
        public double value(long id, String column) {
            return Double.parseDouble(atoms.get(id)[columns.indexOf(column)]);
        }

        public String token(long id, String column) {
            return atoms.get(id)[columns.indexOf(column)];
        }
    }

    private DumpTruth() { }

    public static List<TFrame> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<TFrame> frames = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) { i++; continue; }
            long step = Long.parseLong(lines.get(i + 1).trim());
            int n = Integer.parseInt(lines.get(i + 3).trim());
            String[][] b = new String[3][];
            for (int d = 0; d < 3; d++) b[d] = lines.get(i + 5 + d).trim().split("\\s+");
            List<String> cols = List.of(lines.get(i + 8).substring("ITEM: ATOMS".length()).trim().split("\\s+"));
            TreeMap<Long, String[]> atoms = new TreeMap<>();
            List<Long> order = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                String[] t = lines.get(i + 9 + a).trim().split("\\s+");
                long id = Long.parseLong(t[cols.indexOf("id")]);
                atoms.put(id, t);
                order.add(id);
            }
            frames.add(new TFrame(step, b, cols, atoms, order));
            i += 9 + n;
        }
        return frames;
    }
}
