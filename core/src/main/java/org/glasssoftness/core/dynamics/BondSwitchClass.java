package org.glasssoftness.core.dynamics;

import java.util.EnumSet;
import java.util.Locale;

/**
 * Bond-switch class of a centre atom relative to the reference (unstrained) frame, the study's Methods 4.4:
 * coordination number decreased, increased, same number with at least one partner replaced (swapped), or the same
 * partners (unchanged).
 */
public enum BondSwitchClass {
    DECREASED, INCREASED, SWAPPED, UNCHANGED;

    /** Lower-case name used in tables and settings ("decreased", ...). */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** The classes counted as "switched" by default: decreased or swapped CN (the study's main reservoirs). */
    public static EnumSet<BondSwitchClass> defaultSwitched() { return EnumSet.of(DECREASED, SWAPPED); }

    /** Parses a comma-separated list such as "decreased,swapped" (case-insensitive). */
    public static EnumSet<BondSwitchClass> parseSet(String text) {
        EnumSet<BondSwitchClass> s = EnumSet.noneOf(BondSwitchClass.class);
        for (String part : text.split("[,;\\s]+")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            try {
                s.add(valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bond-switch class '" + p
                        + "' is not one of decreased, increased, swapped, unchanged");
            }
        }
        if (s.isEmpty()) throw new IllegalArgumentException("at least one bond-switch class must count as switched");
        return s;
    }

    /** Classifies by comparing sorted partner lists. */
    static BondSwitchClass of(int[] ref, int refCount, int[] cur, int curCount) {
        if (curCount < refCount) return DECREASED;
        if (curCount > refCount) return INCREASED;
        for (int i = 0; i < curCount; i++) if (ref[i] != cur[i]) return SWAPPED;
        return UNCHANGED;
    }
}
