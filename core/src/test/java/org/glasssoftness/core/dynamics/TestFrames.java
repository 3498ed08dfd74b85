package org.glasssoftness.core.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;

/** Small hand-built frames for the dynamics tests. */
final class TestFrames {
    private TestFrames() { }

    static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = i + 1;
        return ids;
    }

    /** A frame with ids 1..N, species given per atom by name. */
    static Frame frame(long step, Box box, String[] speciesPerAtom, double[] pos, boolean unwrapped, int[] images) {
        List<String> names = new ArrayList<>();
        int[] sp = new int[speciesPerAtom.length];
        for (int i = 0; i < sp.length; i++) {
            int s = names.indexOf(speciesPerAtom[i]);
            if (s < 0) {
                names.add(speciesPerAtom[i]);
                s = names.size() - 1;
            }
            sp[i] = s;
        }
        return new Frame(step, box, ids(sp.length), null, names, sp, pos, unwrapped, images, null, null);
    }

    static String[] all(String s, int n) {
        String[] a = new String[n];
        java.util.Arrays.fill(a, s);
        return a;
    }

    /** N random fractional coordinates in [0,1)^3 turned into Cartesian positions in the box. */
    static double[] randomInBox(Box box, int n, long seed) {
        Random r = new Random(seed);
        double[] pos = new double[3 * n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            s[0] = r.nextDouble(); s[1] = r.nextDouble(); s[2] = r.nextDouble();
            box.toCartesian(s, 0, pos, 3 * i);
        }
        return pos;
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
