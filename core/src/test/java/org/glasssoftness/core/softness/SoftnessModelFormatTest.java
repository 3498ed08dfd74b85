package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftnessModelFormatTest {

    static SoftnessModel trainedModel() {
        FeatureDefinition def = new FeatureDefinition("Li", List.of("O", "P"), 0.5, 1.5, 0.5);
        int n = 200, d = def.featureCount();
        double[] x = LogisticRegressionTest.features(n, d, 5);
        int[] y = LogisticRegressionTest.labels(x, n, d, 5);
        return new LogisticTrainer(TrainSettings.defaults()).train(new TrainingData(def, def.featureNames(), x, y, null), null,
                List.of("immobile", "mobile"), Progress.NONE).model();
    }

    @Test
    void roundTripIsBitIdentical(@TempDir Path dir) throws IOException {
        SoftnessModel m = trainedModel();
        Path f = dir.resolve("li.model");
        SoftnessModelFormat.save(f, m);
        SoftnessModel back = SoftnessModelFormat.load(f);
        assertEquals(m.definition(), back.definition());
        assertEquals(m.featureNames(), back.featureNames());
        assertArrayEquals(m.weights(), back.weights(), 0.0);
        assertArrayEquals(m.scaler().means(), back.scaler().means(), 0.0);
        assertArrayEquals(m.scaler().scales(), back.scaler().scales(), 0.0);
        assertEquals(m.bias(), back.bias(), 0.0);
        assertEquals(m.classLabels(), back.classLabels());
        assertEquals(m.provenance(), back.provenance());
        assertTrue(m.provenance().containsKey("C"));
    }

    @Test
    void wrongVersionAndGarbageAreRejected(@TempDir Path dir) throws IOException {
        SoftnessModel m = trainedModel();
        Path f = dir.resolve("m.model");
        SoftnessModelFormat.save(f, m);
        Files.writeString(f, Files.readString(f).replace("version=1", "version=9"));
        IOException e = assertThrows(IOException.class, () -> SoftnessModelFormat.load(f));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
        Files.writeString(f, "hello\n");
        assertThrows(IOException.class, () -> SoftnessModelFormat.load(f));
    }

    @Test
    void weightsTableOnPhysicalGrid() {
        SoftnessModel m = trainedModel();
        var t = m.weightsTable();
        assertEquals(6, t.rowCount());
        assertArrayEquals(new double[] {0.5, 1.0, 1.5, 0.5, 1.0, 1.5}, t.column("r_A").doubles(), 1e-12);
        assertEquals("Li-P", t.column("pair").strings()[3]);
        assertEquals("G_Li-P_0.50", t.column("feature").strings()[3]);
    }
}
