package org.glasssoftness.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxesTest {
    @Test
    void namesAndIndices() {
        assertEquals(0, Axes.parse("x"));
        assertEquals(1, Axes.parse(" Y "));
        assertEquals(2, Axes.parse("z"));
        assertEquals("z", Axes.name(2));
        for (String bad : new String[] {"", "xy", "w", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Axes.parse(bad));
            assertTrue(e.getMessage().startsWith("axis must be x, y or z"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Axes.name(3));
    }
}
