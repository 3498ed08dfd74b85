package org.glasssoftness.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.junit.jupiter.api.Test;

class StudyGlassTest {
    private static List<String> names(List<StudyGlass> l) {
        return l.stream().map(StudyGlass::name).toList();
    }

    @Test
    void theNineGlassesOfThePaperAndItsTrainTestSplit() {
        assertEquals(List.of("Li30B30P40", "Li35B30P35", "Li40B30P30", "Li45B30P25", "Li50B30P20", "Li40B20P40",
                "Li40B25P35", "Li40B35P25", "Li40B40P20"), names(StudyGlass.all()));
        assertEquals(List.of("Li30B30P40", "Li35B30P35", "Li45B30P25", "Li50B30P20"), names(StudyGlass.liTraining()));
        assertEquals(List.of("Li40B20P40", "Li40B25P35", "Li40B35P25", "Li40B40P20"), names(StudyGlass.bTraining()));
        assertEquals("fixedB+fixedLi", StudyGlass.TEST.series());
        assertEquals("fixedLi", StudyGlass.byName("Li40B35P25").series());
        assertFalse(StudyGlass.byName("Li45B30P25").inFixedLi());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyGlass.byName("Li41B30P29"));
        assertTrue(e.getMessage().contains("Li41B30P29") && e.getMessage().contains("Li40B30P30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StudyGlass(40, 30, 31));
    }

    /** Integer, neutral counts (hand-derived): whole formula units of each oxide, rounded. */
    @Test
    void atomCountsOfTheTinyScaleAreWholeNeutralFormulaUnits() {
        // Li40B30P30: atoms per 100 formula units = 40*3 + 30*5 + 30*7 = 480; 360 atoms = 75 units of 100 mol% ->
        // Li2O 0.40*75 = 30, B2O3 and P2O5 0.30*75 = 22.5 in exact arithmetic; in doubles the atoms per unit sum to
        // 4.800000000000001, so the share is just below 22.5 and rounds to 22
        Map<String, Integer> c = GlassBuilder.atomCounts(StudyGlass.TEST.composition(), 360, ForceField.dengDuLiBP());
        assertTrue(0.3 * (360 / (0.4 * 3 + 0.3 * 5 + 0.3 * 7)) < 22.5);
        assertEquals(Map.of("Li", 60, "B", 44, "P", 44, "O", 30 + 66 + 110), c);
        // Li30B30P40: 30*3+30*5+40*7 = 520 per 100 units; 360/5.2 = 69.23 units: 20.77 -> 21 Li2O, 20.77 -> 21 B2O3,
        // 27.69 -> 28 P2O5
        c = GlassBuilder.atomCounts(StudyGlass.byName("Li30B30P40").composition(), 360, ForceField.dengDuLiBP());
        assertEquals(Map.of("Li", 42, "B", 42, "P", 56, "O", 21 + 63 + 140), c);
    }
}
