package org.glasssoftness.core.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.glasssoftness.core.model.Box;
import org.junit.jupiter.api.Test;

/**
 * forEachPairUnordered visits exactly the pairs of forEachPair (same images; a pair seen from the other atom has the
 * opposite vector, equal up to rounding).
 */
class UnorderedPairTraversalTest {

    private static List<String> canonical(NeighborSearch ns, boolean unordered) {
        List<String> out = new ArrayList<>();
        PairVisitor v = (i, j, dx, dy, dz, r2) -> {
            // orient every pair as (min, max) with the matching direction, so both traversals compare equal
            boolean flip = i > j || (i == j && (dz < 0 || (dz == 0 && (dy < 0 || (dy == 0 && dx < 0)))));
            int a = flip ? j : i, b = flip ? i : j;
            double s = flip ? -1 : 1;
            out.add(a + "-" + b + "@" + Math.round(s * dx * 1e6) + "," + Math.round(s * dy * 1e6) + ","
                    + Math.round(s * dz * 1e6) + "|" + Math.round(r2 * 1e6));
        };
        if (unordered) ns.forEachPairUnordered(v);
        else ns.forEachPair(v);
        Collections.sort(out);
        return out;
    }

    @Test
    void samePairsAsTheOrderedHalfList() {
        Random rnd = new Random(5);
        Box[] boxes = {Box.cubic(20), new Box(0, 0, 0, 9, 10, 11, 2, 1, -1, true, true, true),
                       new Box(1, 2, 3, 14, 12, 13, -3, 2.5, 4, true, true, true),
                       new Box(0, 0, 0, 15, 15, 15, 0, 0, 0, true, false, true)};
        for (Box box : boxes) {
            int n = 120;
            double[] pos = new double[3 * n];
            double[] s = new double[3];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) s[k] = rnd.nextDouble() * 1.2 - 0.1; // some atoms outside the cell
                box.toCartesian(s, 0, pos, 3 * i);
            }
            for (double rc : new double[] {2.5, 4.0, 7.5, 12.0}) { // 12 Å: several images of the same neighbour
                for (int bins : new int[] {1, 2}) {
                    NeighborSearch ns = new NeighborSearch(box, pos, rc, bins);
                    List<String> a = canonical(ns, false), b = canonical(ns, true);
                    assertEquals(a, b, box + " rc " + rc + " bins " + bins);
                }
            }
        }
    }
}
