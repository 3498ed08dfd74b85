package org.glasssoftness.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared frame range, against hand-listed frame indices. */
class FrameSelectionTest {

    @Test
    void indicesStepFromFirstToLast() {
        assertArrayEquals(new int[] {2, 4, 6}, new FrameSelection(2, 7, 2).indices(10));
        assertArrayEquals(new int[] {1, 4, 7}, new FrameSelection(1, -1, 3).indices(9));
        // a last frame beyond the trajectory stops at its end ...
        assertArrayEquals(new int[] {0, 5, 10}, new FrameSelection(0, 20, 5).indices(12));
        // ... except where the range must lie inside it
        assertArrayEquals(new int[] {0, 5, 10}, new FrameSelection(0, -1, 5).indicesWithin(12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameSelection(0, 20, 5).indicesWithin(12));
        assertTrue(e.getMessage().contains("last frame 20 must lie in 0..11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FrameSelection(12, -1, 1).indicesWithin(12));
        assertTrue(e.getMessage().contains("first frame 12 is outside"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FrameSelection(3, -1, 1).indices(3));
        assertTrue(e.getMessage().contains("empty frame selection"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FrameSelection.all().indicesWithin(0));
        assertTrue(e.getMessage().contains("no frames"), e.getMessage());
    }

    @Test
    void selectsAgreesWithIndices() {
        FrameSelection s = new FrameSelection(3, 11, 4);
        int[] idx = s.indices(100);
        assertArrayEquals(new int[] {3, 7, 11}, idx);
        for (int k = 0; k < 100; k++) {
            boolean listed = k == 3 || k == 7 || k == 11;
            assertTrue(s.selects(k) == listed, "frame " + k);
        }
        assertTrue(FrameSelection.all().selects(123456));
        assertFalse(new FrameSelection(0, -1, 2).selects(3));
    }

    @Test
    void invalidRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FrameSelection(-1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameSelection(0, -2, 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameSelection(0, -1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameSelection(5, 4, 1));
        assertTrue(e.getMessage().contains("last frame 4 comes before first frame 5"), e.getMessage());
    }
}
