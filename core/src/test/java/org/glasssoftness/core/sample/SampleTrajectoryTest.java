package org.glasssoftness.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.junit.jupiter.api.Test;

class SampleTrajectoryTest {
    @Test
    void sampleIsTheDocumentedLiBPMelt() throws IOException {
        try (Trajectory t = SampleTrajectory.open()) {
            assertEquals(10, t.frameCount());
            assertEquals(List.of("Li", "B", "O", "P"), t.info().speciesNames());
            assertArrayEquals(new int[] {80, 60, 280, 60}, t.info().speciesCounts());
            Frame f = t.frame(9);
            assertEquals(1800, f.timestep());
            // 2.40 g/cm^3 as documented: mass / volume
            double mass = 0;
            for (int i = 0; i < f.atomCount(); i++) mass += Elements.mass(f.speciesOf(i));
            assertEquals(2.40, mass / 0.602214076 / f.box().volume(), 0.005);
            // the element column agrees with the type map
            for (int i = 0; i < f.atomCount(); i++) {
                assertEquals(List.of("Li", "B", "O", "P").get(f.types()[i] - 1), f.speciesOf(i));
            }
        }
        // the text of the first frame matches what the reader gives: independent look at line 10
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SampleTrajectory.file()))) {
            String[] lines = new String(in.readAllBytes()).split("\n");
            assertTrue(lines[8].startsWith("ITEM: ATOMS id type element x y z"));
        }
    }
}
