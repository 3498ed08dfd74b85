package org.glasssoftness.core.io.lammps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasssoftness.core.io.TrajectoryFormatException;

/**
 * What each column of a dump's {@code ITEM: ATOMS} line means: id, type, element, one of the position sets (x y z,
 * xu yu zu, xs ys zs, xsu ysu zsu — the first complete set in that order is used), image flags, velocities, and every
 * other column (including unused position sets) as a named per-atom double property.
 */
final class DumpColumns {
    static final int ID = 0, TYPE = 1, ELEMENT = 2, POS = 3, IMG = 6, VEL = 9, PROP = 12;

    private static final String[][] POSITION_SETS = {
        {"x", "y", "z"}, {"xu", "yu", "zu"}, {"xs", "ys", "zs"}, {"xsu", "ysu", "zsu"}};

    final List<String> names;
    final int[] roles;
    final boolean scaled;
    final boolean unwrapped;
    final boolean hasId, hasType, hasElement, hasImages, hasVelocities;
    final List<String> propertyNames;

    DumpColumns(List<String> names, Path file, long line, int frame) throws TrajectoryFormatException {
        this.names = List.copyOf(names);
        int nc = names.size();
        roles = new int[nc];
        java.util.Arrays.fill(roles, -1);
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < i; j++) {
                if (names.get(i).equals(names.get(j))) {
                    throw new TrajectoryFormatException(file, line, frame, "column '" + names.get(i) + "' appears twice");
                }
            }
        }
        int set = -1;
        for (int s = 0; s < POSITION_SETS.length && set < 0; s++) {
            if (names.containsAll(List.of(POSITION_SETS[s]))) set = s;
        }
        if (set < 0) {
            throw new TrajectoryFormatException(file, line, frame, "missing position columns: expected x y z, xu yu zu,"
                    + " xs ys zs or xsu ysu zsu among the columns '" + String.join(" ", names) + "'");
        }
        for (int d = 0; d < 3; d++) roles[names.indexOf(POSITION_SETS[set][d])] = POS + d;
        scaled = set >= 2;
        unwrapped = set == 1 || set == 3;
        hasImages = assignTriple(names, new String[] {"ix", "iy", "iz"}, IMG);
        hasVelocities = assignTriple(names, new String[] {"vx", "vy", "vz"}, VEL);
        hasId = assign(names, "id", ID);
        hasType = assign(names, "type", TYPE);
        hasElement = assign(names, "element", ELEMENT);
        List<String> props = new ArrayList<>();
        for (int i = 0; i < nc; i++) {
            if (roles[i] < 0) {
                roles[i] = PROP + props.size();
                props.add(names.get(i));
            }
        }
        propertyNames = List.copyOf(props);
    }

    private boolean assign(List<String> names, String name, int role) {
        int i = names.indexOf(name);
        if (i < 0) return false;
        roles[i] = role;
        return true;
    }

    private boolean assignTriple(List<String> names, String[] three, int role) {
        if (!names.containsAll(List.of(three))) return false;
        for (int d = 0; d < 3; d++) roles[names.indexOf(three[d])] = role + d;
        return true;
    }

    int count() { return roles.length; }
}
