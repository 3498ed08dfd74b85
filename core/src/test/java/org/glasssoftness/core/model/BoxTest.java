package org.glasssoftness.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxTest {
    @Test
    void fractionalRoundTripInTriclinicCell() {
        Box b = new Box(1, 2, 3, 10, 12, 14, 2.5, -1.5, 3.0, true, true, true);
        double[] r = {4.2, 7.7, 9.1};
        double[] s = new double[3];
        double[] back = new double[3];
        b.toFractional(r, 0, s, 0);
        b.toCartesian(s, 0, back, 0);
        for (int k = 0; k < 3; k++) assertEquals(r[k], back[k], 1e-12);
        // the corner origin + a + b + c has fractional (1,1,1)
        double[] corner = {1 + 10 + 2.5 - 1.5, 2 + 12 + 3.0, 3 + 14};
        b.toFractional(corner, 0, s, 0);
        assertEquals(1, s[0], 1e-12);
        assertEquals(1, s[1], 1e-12);
        assertEquals(1, s[2], 1e-12);
    }

    @Test
    void minimumImageRemovesLatticeVectors() {
        Box b = new Box(0, 0, 0, 10, 10, 10, 3, 0, 0, true, true, true);
        // d = (1, 0.5, 0) + b = (1+3, 0.5+10, 0): its minimum image is (1, 0.5, 0)
        double[] d = {4, 10.5, 0};
        b.minimumImage(d, 0);
        assertEquals(1, d[0], 1e-12);
        assertEquals(0.5, d[1], 1e-12);
        assertEquals(0, d[2], 1e-12);
    }

    @Test
    void perpendicularWidthsOfTiltedCell() {
        Box b = new Box(0, 0, 0, 10, 10, 10, 5, 0, 0, true, true, true);
        double[] w = b.perpendicularWidths();
        // tilt in xy shrinks the width normal to the b-c face: V / |b x c| = 1000 / (10 * sqrt(125))
        assertEquals(1000 / (10 * Math.sqrt(125)), w[0], 1e-12);
        assertEquals(10, w[1], 1e-12);
        assertEquals(10, w[2], 1e-12);
        assertEquals(1000 / (10 * Math.sqrt(125)), b.minPeriodicWidth(), 1e-12);
        assertEquals(10, b.length(0), 0);
        // a non-periodic direction does not limit the cutoff
        Box slab = new Box(0, 0, 0, 10, 12, 4, 0, 0, 0, true, true, false);
        assertEquals(10, slab.minPeriodicWidth(), 1e-12);
        assertEquals(12, slab.length(1), 0);
        assertEquals(4, slab.length(2), 0);
        assertThrows(IllegalArgumentException.class, () -> slab.length(3));
        assertEquals(Double.POSITIVE_INFINITY, new Box(0, 0, 0, 1, 1, 1, 0, 0, 0, false, false, false).minPeriodicWidth());
    }

    @Test
    void zeroVolumeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Box.orthogonal(0, 0, 0, 1, 0, 1));
    }

    @Test
    void typeMapParsesAndRejects() {
        TypeMap m = TypeMap.parse("1=Li, 2=B,3=O;4=P");
        assertEquals("B", m.symbol(2));
        assertEquals("1=Li,2=B,3=O,4=P", m.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypeMap.parse("1=Xx"));
        assertEquals("type map entry '1=Xx': 'Xx' is not an element symbol", e.getMessage());
        assertEquals(6.941, Elements.mass("Li"), 0);
        assertEquals(5.803, Elements.neutronLength("O").getAsDouble(), 0);
    }
}
