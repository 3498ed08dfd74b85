package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassWeightingTest {
    @Test
    void parseAcceptsBothNamesInAnyCaseAndNamesTheSettingOtherwise() {
        assertEquals(ClassWeighting.NONE, ClassWeighting.parse(" none ", "x"));
        assertEquals(ClassWeighting.BALANCED, ClassWeighting.parse("Balanced", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassWeighting.parse("heavy", "--class-weight"));
        assertEquals("--class-weight must be none or balanced, got 'heavy'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassWeighting.parse(null, "Class weight"));
    }

    @Test
    void balancedWeightsAreScikitLearnsNOverTwoNClass() {
        // 4 rows, 1 positive: n / (2 n_1) = 4 / 2 = 2, n / (2 n_0) = 4 / 6
        assertArrayEquals(new double[] {2.0 / 3, 2.0, 2.0 / 3, 2.0 / 3},
                ClassWeighting.BALANCED.sampleWeights(new int[] {0, 1, 0, 0}), 1e-15);
        assertNull(ClassWeighting.NONE.sampleWeights(new int[] {0, 1}));
    }
}
