package org.glasssoftness.core.io.lammps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;

/** Opens a LAMMPS dump or data file, telling them apart by content (a dump starts with an "ITEM:" line). */
public final class LammpsFiles {
    private LammpsFiles() { }

    /** True if the file (plain or gzip) starts, after blank lines, with "ITEM:". */
    public static boolean isDump(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = LammpsDumpReader.isGzip(file) ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            String l;
            while ((l = r.readLine()) != null) {
                if (!l.isBlank()) return l.startsWith("ITEM:");
            }
            return false;
        }
    }

    /** A dump as a trajectory (with the options), or a data file as a one-frame trajectory (frame options ignored). */
    public static Trajectory open(Path file, DumpReadOptions opts, Progress progress) throws IOException {
        if (isDump(file) || Files.size(file) == 0) return LammpsDumpReader.open(file, opts, progress);
        return Trajectory.of(List.of(LammpsDataReader.read(file, opts.typeMap())));
    }
}
