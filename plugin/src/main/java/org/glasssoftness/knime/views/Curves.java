package org.glasssoftness.knime.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Named y series over one x axis, the data a node keeps for its curve view (e.g. MSD per species versus time). Kept
 * with the workflow as a small text file in the node's internals folder.
 */
public record Curves(String title, String xLabel, String yLabel, double[] x, List<String> names, List<double[]> ys) {
    private static final String FILE = "curves.txt";

    public Curves {
        names = List.copyOf(names);
        ys = List.copyOf(ys);
        if (names.size() != ys.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + ys.size() + " series");
        }
        for (double[] y : ys) {
            if (y.length != x.length) {
                throw new IllegalArgumentException("a series has " + y.length + " points, the x axis " + x.length);
            }
        }
    }

    /** Writes the curves into {@code dir} (atomically enough for KNIME internals: one small file). */
    public void save(final Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n').append(xLabel).append('\n').append(yLabel).append('\n');
        sb.append(String.join("\t", names)).append('\n');
        for (int i = 0; i < x.length; i++) {
            sb.append(x[i]);
            for (double[] y : ys) {
                sb.append('\t').append(y[i]);
            }
            sb.append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb, StandardCharsets.UTF_8);
    }

    /** Reads curves saved by {@link #save}, or null when the folder holds none. */
    public static Curves load(final Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            throw new IOException(f + ": truncated curve file");
        }
        List<String> names = lines.get(3).isEmpty() ? List.of() : List.of(lines.get(3).split("\t", -1));
        int n = lines.size() - 4;
        double[] x = new double[n];
        List<double[]> ys = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            ys.add(new double[n]);
        }
        for (int i = 0; i < n; i++) {
            String[] f2 = lines.get(4 + i).split("\t");
            if (f2.length != names.size() + 1) {
                throw new IOException(f + " line " + (5 + i) + ": expected " + (names.size() + 1) + " values");
            }
            x[i] = Double.parseDouble(f2[0]);
            for (int s = 0; s < names.size(); s++) {
                ys.get(s)[i] = Double.parseDouble(f2[s + 1]);
            }
        }
        return new Curves(lines.get(0), lines.get(1), lines.get(2), x, names, ys);
    }
}
