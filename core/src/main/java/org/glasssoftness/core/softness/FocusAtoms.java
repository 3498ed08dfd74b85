package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.table.ResultTable;

/**
 * Which atoms of a frame get structure features and which neighbours count: the one selection shared by
 * {@link RadialFeatures} and {@link AngularFeatures}, so that both give their rows in the same order (focus atoms by
 * ascending atom index of the frame) and fail with the same messages.
 */
final class FocusAtoms {
    private FocusAtoms() { }

    /** Indices of the focus atoms ({@link FeatureDefinition#ANY}: every atom), or an error naming the frame. */
    static int[] of(Frame f, String focus) {
        if (FeatureDefinition.ANY.equalsIgnoreCase(focus)) return IntStream.range(0, f.atomCount()).toArray();
        int s = f.speciesIndex(focus);
        int[] atoms = s < 0 ? new int[0] : IntStream.range(0, f.atomCount()).filter(i -> f.species()[i] == s).toArray();
        if (atoms.length == 0) {
            throw new IllegalArgumentException("frame at timestep " + f.timestep() + " has no atoms of focus species "
                    + focus + " (species present: " + f.speciesNames() + ")");
        }
        return atoms;
    }

    /**
     * For each species index of the frame, the position of that species in {@code neighbours} (-1 when it is not a
     * neighbour species); fails naming every neighbour species the frame has no atoms of.
     */
    static int[] neighbourSlots(Frame f, List<String> neighbours) {
        int[] slot = new int[f.speciesNames().size()];
        Arrays.fill(slot, -1);
        List<String> missing = new ArrayList<>();
        for (int s = 0; s < neighbours.size(); s++) {
            int idx = f.speciesIndex(neighbours.get(s));
            if (idx < 0 || f.speciesCounts()[idx] == 0) missing.add(neighbours.get(s));
            else slot[idx] = s;
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("frame at timestep " + f.timestep() + " has no atoms of neighbour species "
                    + missing + " (species present: " + f.speciesNames() + ")");
        }
        return slot;
    }

    /** The frame's ids, species names, frame index and timestep of the given atoms, in order. */
    static Keys keys(Frame f, int[] atoms, int frameIndex) {
        int n = atoms.length;
        long[] ids = new long[n];
        String[] sp = new String[n];
        int[] fr = new int[n];
        long[] ts = new long[n];
        for (int r = 0; r < n; r++) {
            ids[r] = f.ids()[atoms[r]];
            sp[r] = f.speciesOf(atoms[r]);
            fr[r] = frameIndex;
            ts[r] = f.timestep();
        }
        return new Keys(fr, ts, ids, sp);
    }

    /** A table builder with the row keys {@code frame, timestep, id, species} (copies) of a feature set. */
    static ResultTable.Builder keyColumns(String name, int[] frame, long[] timestep, long[] ids, String[] species) {
        return ResultTable.builder(name).ints("frame", frame.clone()).longs("timestep", timestep.clone())
                .longs("id", ids.clone()).strings("species", species.clone());
    }

    /** Adds one DOUBLE column per feature name (in order) from row-major {@code values} with names.size() per row. */
    static void addFeatureColumns(ResultTable.Builder b, List<String> names, double[] values) {
        int d = names.size(), n = d == 0 ? 0 : values.length / d;
        for (int k = 0; k < d; k++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = values[i * d + k];
            b.doubles(names.get(k), col);
        }
    }

    /** Row keys of a feature set. */
    record Keys(int[] frame, long[] timestep, long[] ids, String[] species) { }

    /**
     * The rows of several feature sets one after another (a single part is returned as it is), for
     * {@link RadialFeatures} and {@link AngularFeatures} alike.
     *
     * @param keys   the row keys of a part
     * @param values the row-major values of a part ({@code d} per row)
     * @param make   builds the joined set from its keys and values
     */
    static <S> S concat(List<S> parts, Function<S, Keys> keys, Function<S, double[]> values, int d,
                        BiFunction<Keys, double[], S> make) {
        if (parts.size() == 1) return parts.get(0);
        int n = 0;
        for (S p : parts) n += keys.apply(p).ids().length;
        int[] fr = new int[n];
        long[] ts = new long[n], ids = new long[n];
        String[] sp = new String[n];
        double[] v = new double[n * d];
        int o = 0;
        for (S p : parts) {
            Keys k = keys.apply(p);
            int m = k.ids().length;
            System.arraycopy(k.frame(), 0, fr, o, m);
            System.arraycopy(k.timestep(), 0, ts, o, m);
            System.arraycopy(k.ids(), 0, ids, o, m);
            System.arraycopy(k.species(), 0, sp, o, m);
            System.arraycopy(values.apply(p), 0, v, o * d, m * d);
            o += m;
        }
        return make.apply(new Keys(fr, ts, ids, sp), v);
    }
}
