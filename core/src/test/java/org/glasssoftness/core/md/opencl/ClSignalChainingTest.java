package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * PoCL's LLVM replaces the JVM's SIGSEGV handler when PoCL's devices are queried; the JVM then dies at a later
 * safepoint (a bare "Segmentation fault", exit 139, seen in CI). The engine therefore uses PoCL only with JVM signal
 * chaining (libjsig preloaded), which the build gives its test JVMs and the launcher gives the CLI.
 */
class ClSignalChainingTest {
    /** Lists the devices and prints them, or the reason there are none; then forces a few GCs (safepoints). */
    public static final class ListDevices {
        public static void main(String[] args) {
            try {
                for (ClRuntime.DeviceInfo d : ClRuntime.devices()) System.out.println("device " + d.describe());
            } catch (OpenClUnavailableException e) {
                System.out.println("unavailable " + e.getMessage());
            }
            for (int i = 0; i < 5; i++) {
                byte[][] garbage = new byte[2000][];
                for (int k = 0; k < garbage.length; k++) garbage[k] = new byte[10_000];
                System.gc();
            }
            System.out.println("alive");
        }
    }

    @Test
    void poclIsRecognisedByItsPlatformName() {
        assertTrue(ClRuntime.replacesJvmSignalHandlers("Portable Computing Language"));
        assertFalse(ClRuntime.replacesJvmSignalHandlers("NVIDIA CUDA"));
        assertFalse(ClRuntime.replacesJvmSignalHandlers("AMD Accelerated Parallel Processing"));
    }

    @Test
    void theBuildsTestJvmsHaveSignalChaining() {
        assertTrue(ClRuntime.signalChaining(), "LD_PRELOAD=" + System.getenv("LD_PRELOAD")
                + ": the surefire configuration must preload libjsig");
    }

    /** A JVM without libjsig skips PoCL with the reason and survives its GCs; with libjsig it lists PoCL's device. */
    @Test
    void withoutSignalChainingPoclIsSkippedWithTheReason() throws Exception {
        ClTestSupport.open().close(); // there is a device at all (PoCL in CI)
        String without = child(false);
        assertTrue(without.contains("alive"), without);
        boolean onlyPocl = ClRuntime.devices().stream().allMatch(d -> ClRuntime.replacesJvmSignalHandlers(d.platformName()));
        if (onlyPocl) {
            assertTrue(without.contains("unavailable") && without.contains("skipped Portable Computing Language")
                    && without.contains("libjsig.so"), without);
        }
        assertFalse(without.contains("device OpenCL CPU") && without.contains("Portable Computing Language"), without);
        String with = child(true);
        assertTrue(with.contains("alive") && with.contains("device OpenCL"), with);
    }

    private static String child(boolean jsig) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ListDevices.class.getName()).redirectErrorStream(true);
        if (jsig) {
            pb.environment().put("LD_PRELOAD", Path.of(System.getProperty("java.home"), "lib", "libjsig.so").toString());
        } else {
            pb.environment().remove("LD_PRELOAD");
        }
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
