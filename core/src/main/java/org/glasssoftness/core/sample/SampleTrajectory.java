package org.glasssoftness.core.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;

/**
 * The small LiBP trajectory bundled with the engine: 480 atoms of 40Li2O-30B2O3-30P2O5 (Li 80, B 60, O 280, P 60),
 * 10 frames of an NVT melt at 3000 K with the Deng-Du potential, 0.2 ps apart, LAMMPS dump with columns
 * {@code id type element x y z ix iy iz vx vy vz}, types {@link #TYPE_MAP}. Made by {@code bench/sample/make-sample.sh}.
 * It is a demo and test input, not an equilibrated glass.
 */
public final class SampleTrajectory {
    /** Resource path of the gzip dump inside the engine jar. */
    public static final String RESOURCE = "libp-sample.dump.gz";
    /** The types of the sample: 1=Li,2=B,3=O,4=P (the dump also has an element column). */
    public static final String TYPE_MAP = "1=Li,2=B,3=O,4=P";

    private static Path extracted;

    private SampleTrajectory() { }

    /** The sample as a file on disk (extracted once per JVM into a temporary file). */
    public static synchronized Path file() throws IOException {
        if (extracted == null || !Files.exists(extracted)) {
            Path tmp = Files.createTempFile("glass-softness-sample-", ".dump.gz");
            tmp.toFile().deleteOnExit();
            try (InputStream in = SampleTrajectory.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IOException("resource " + RESOURCE + " is missing from the engine jar");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            extracted = tmp;
        }
        return extracted;
    }

    /** Opens every frame of the sample. */
    public static Trajectory open() throws IOException {
        return LammpsDumpReader.open(file(), DumpReadOptions.of(TypeMap.parse(TYPE_MAP)), Progress.NONE);
    }

    /** Same as {@link #open()} for callers that cannot throw IOException (the resource is part of the jar). */
    public static Trajectory openUnchecked() {
        try {
            return open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
