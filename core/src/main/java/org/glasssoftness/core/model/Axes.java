package org.glasssoftness.core.model;

import java.util.Locale;

/** Cartesian axis names x, y, z and their indices 0, 1, 2 (strain and tension axes of the analyses). */
public final class Axes {
    private Axes() { }

    /**
     * The index of axis {@code name} ("x", "y" or "z", any case, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static int parse(String name) {
        String a = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        int k = a.length() == 1 ? "xyz".indexOf(a.charAt(0)) : -1;
        if (k < 0) throw new IllegalArgumentException("axis must be x, y or z, got '" + name + "'");
        return k;
    }

    /** "x", "y" or "z" for 0, 1, 2. */
    public static String name(int axis) {
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("axis index must be 0, 1 or 2, got " + axis);
        return String.valueOf("xyz".charAt(axis));
    }
}
