package org.glasssoftness.core.dynamics;

import java.io.IOException;
import java.util.Arrays;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;

/** Input checks shared by the dynamics analyses; every message names the frame that is wrong and what was expected. */
final class FrameChecks {
    private FrameChecks() { }

    /** "frame 7 (timestep 7000)" for messages. */
    static String label(int frameIndex, Frame f) {
        return "frame " + frameIndex + " (timestep " + f.timestep() + ")";
    }

    /**
     * Frames an analysis visits (first and last must lie inside the trajectory).
     *
     * @throws IllegalArgumentException if the range is invalid or holds fewer than {@code minFrames} frames
     */
    static int[] frameIndices(Trajectory t, FrameSelection frames, int minFrames, String what) {
        int[] idx = frames.indicesWithin(t.frameCount());
        int n = idx.length;
        if (n < minFrames) {
            throw new IllegalArgumentException(what + " needs at least " + minFrames + " frames, but the trajectory"
                    + " (frames " + idx[0] + ".." + (frames.last() < 0 ? t.frameCount() - 1 : frames.last())
                    + ", stride " + frames.stride() + ") gives " + n
                    + (n == 1 ? " (a single frame: frame " + idx[0] + ")" : ""));
        }
        return idx;
    }

    /** Species index of {@code name} in the frame, or an error listing the species present. */
    static int speciesIndex(Frame f, int frameIndex, String name, String role) {
        int s = f.speciesIndex(name);
        if (s < 0) {
            throw new IllegalArgumentException(role + " species '" + name + "' is not in " + label(frameIndex, f)
                    + "; species present: " + f.speciesNames());
        }
        return s;
    }

    /** Indices of the atoms of species s. */
    static int[] atomsOf(Frame f, int s) {
        int[] sp = f.species();
        int c = 0;
        for (int v : sp) if (v == s) c++;
        int[] out = new int[c];
        c = 0;
        for (int i = 0; i < sp.length; i++) if (sp[i] == s) out[c++] = i;
        return out;
    }

    /**
     * Checks that frame {@code f} holds the same atoms (ids and species) as the reference frame.
     *
     * @throws IllegalArgumentException naming the frame and the first mismatch
     */
    static void sameAtoms(Frame ref, int refIndex, Frame f, int frameIndex) {
        if (!Arrays.equals(ref.ids(), f.ids())) {
            String detail;
            if (ref.atomCount() != f.atomCount()) {
                detail = "it has " + f.atomCount() + " atoms, the reference has " + ref.atomCount();
            } else {
                int k = Arrays.mismatch(ref.ids(), f.ids());
                detail = "atom " + k + " has id " + f.ids()[k] + ", the reference has id " + ref.ids()[k];
            }
            throw new IllegalArgumentException("atom ids of " + label(frameIndex, f) + " do not match reference "
                    + label(refIndex, ref) + ": " + detail);
        }
        for (int i = 0; i < f.atomCount(); i++) {
            if (!f.speciesOf(i).equals(ref.speciesOf(i))) {
                throw new IllegalArgumentException("atom id " + f.ids()[i] + " is " + f.speciesOf(i) + " in "
                        + label(frameIndex, f) + " but " + ref.speciesOf(i) + " in reference " + label(refIndex, ref));
            }
        }
    }

    static Frame read(Trajectory t, int k) throws IOException {
        return t.frame(k);
    }

    /** True when unwrapped positions can be formed (xu yu zu columns, or image flags). */
    static boolean canUnwrap(Frame f) {
        return f.positionsUnwrapped() || f.images() != null;
    }
}
