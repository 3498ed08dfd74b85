package org.glasssoftness.core.io.lammps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TypeMap;

/**
 * Turns LAMMPS types or element names into the species of a frame, with one species list for the whole trajectory
 * (fixed by the type map, or by the first frame read):
 * <ol>
 *   <li>a non-empty type map (needs a {@code type} column): species = its symbols in order of type; a type the map
 *       does not name is an error;</li>
 *   <li>else an {@code element} column: species = the element symbols (must be known elements), ordered by the
 *       smallest type that carries them (or by first appearance by id when there is no type column);</li>
 *   <li>else species are named by type ("1", "2", ...) in ascending order. Such names are not element symbols, so
 *       nothing that needs masses works on them; give a type map for that.</li>
 * </ol>
 * Species that appear in later frames but not in the first are an error in cases 2 and 3.
 */
final class SpeciesResolver {
    private final Path file;
    private final TypeMap typeMap;
    private final boolean byMap;
    private final boolean byElement;
    private final List<String> names;
    private final Map<Integer, Integer> typeToSpecies = new HashMap<>();
    private final boolean unwrapped;
    private final List<String> propertyNames;

    private SpeciesResolver(Path file, TypeMap typeMap, boolean byMap, boolean byElement, List<String> names,
                            DumpColumns cols) {
        this.file = file;
        this.typeMap = typeMap;
        this.byMap = byMap;
        this.byElement = byElement;
        this.names = List.copyOf(names);
        this.unwrapped = cols.unwrapped;
        this.propertyNames = cols.propertyNames;
    }

    /** Fixes the species list from the type map or the first frame read. */
    static SpeciesResolver create(Path file, TypeMap typeMap, DumpColumns cols, RawFrame first)
            throws TrajectoryFormatException {
        if (!typeMap.isEmpty() && cols.hasType) {
            List<String> names = new ArrayList<>();
            new TreeMap<>(typeMap.asMap()).forEach((t, s) -> {
                if (!names.contains(s)) names.add(s);
            });
            SpeciesResolver r = new SpeciesResolver(file, typeMap, true, false, names, cols);
            typeMap.asMap().forEach((t, s) -> r.typeToSpecies.put(t, names.indexOf(s)));
            return r;
        }
        if (cols.hasElement) {
            List<String> seen = first.elementNames();
            for (String s : seen) {
                if (!Elements.isKnown(s)) {
                    throw new TrajectoryFormatException(file, first.firstAtomLine(), first.fileFrame(), "element column value '"
                            + s + "' is not an element symbol; give a type map instead");
                }
            }
            int[] key = new int[seen.size()];
            Arrays.fill(key, Integer.MAX_VALUE);
            int[] elem = first.elementIndex();
            for (int i = 0; i < elem.length; i++) {
                int k = first.types() != null ? first.types()[i] : i;
                key[elem[i]] = Math.min(key[elem[i]], k);
            }
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < seen.size(); k++) order.add(k);
            order.sort(Comparator.comparingInt(k -> key[k]));
            List<String> names = new ArrayList<>();
            for (int k : order) names.add(seen.get(k));
            return new SpeciesResolver(file, typeMap, false, true, names, cols);
        }
        if (!cols.hasType) {
            throw new TrajectoryFormatException(file, first.firstAtomLine() - 1, first.fileFrame(),
                    "no 'type' or 'element' column: cannot tell the species of the atoms");
        }
        TreeSet<Integer> types = new TreeSet<>();
        for (int t : first.types()) types.add(t);
        List<String> names = new ArrayList<>();
        for (int t : types) names.add(Integer.toString(t));
        SpeciesResolver r = new SpeciesResolver(file, typeMap, false, false, names, cols);
        int k = 0;
        for (int t : types) r.typeToSpecies.put(t, k++);
        return r;
    }

    List<String> names() { return names; }

    Frame toFrame(RawFrame r) throws TrajectoryFormatException {
        int n = r.ids().length;
        int[] species = new int[n];
        if (byElement) {
            int[] local = new int[r.elementNames().size()];
            for (int k = 0; k < local.length; k++) {
                local[k] = names.indexOf(r.elementNames().get(k));
                if (local[k] < 0) {
                    int first = 0;
                    while (r.elementIndex()[first] != k) first++;
                    throw new TrajectoryFormatException(file, r.lineOf(first), r.fileFrame(), "element '"
                            + r.elementNames().get(k) + "' does not occur in the first frame read (species " + names + ")");
                }
            }
            int[] e = r.elementIndex();
            for (int i = 0; i < n; i++) species[i] = local[e[i]];
        } else {
            int[] t = r.types();
            int lastType = Integer.MIN_VALUE, lastSpecies = -1;
            for (int i = 0; i < n; i++) {
                if (t[i] != lastType) {
                    Integer s = typeToSpecies.get(t[i]);
                    if (s == null) {
                        throw new TrajectoryFormatException(file, r.lineOf(i), r.fileFrame(), "atom id " + r.ids()[i] + " has type "
                                + t[i] + (byMap ? ", which the type map '" + typeMap + "' does not name"
                                : ", which does not occur in the first frame read (types " + names + ")"));
                    }
                    lastType = t[i];
                    lastSpecies = s;
                }
                species[i] = lastSpecies;
            }
        }
        return new Frame(r.timestep(), r.box(), r.ids(), r.types(), names, species, r.positions(),
                unwrapped, r.images(), r.velocities(), propertyMap(r));
    }

    private Map<String, double[]> propertyMap(RawFrame r) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int k = 0; k < propertyNames.size(); k++) m.put(propertyNames.get(k), r.properties()[k]);
        return m;
    }
}
