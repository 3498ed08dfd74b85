package org.glasssoftness.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the LAMMPS executable {@code lmp} on an input script inside a test (skips the test when lmp is absent). */
public final class LammpsRunner {
    private LammpsRunner() { }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "lmp"))) return true;
        }
        return false;
    }

    /** Writes {@code in.lmp} into dir and runs it there; fails the test if LAMMPS fails. */
    public static void run(Path dir, String script) throws IOException, InterruptedException {
        Assumptions.assumeTrue(available(), "LAMMPS (lmp) is not installed");
        Files.writeString(dir.resolve("in.lmp"), script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("lmp.out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lmp did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "lmp failed: " + read(dir.resolve("lmp.out")) + read(dir.resolve("log.lammps")));
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
