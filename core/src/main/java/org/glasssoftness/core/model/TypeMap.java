package org.glasssoftness.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps LAMMPS atom types to element symbols, written as {@code "1=Li,2=B,3=O,4=P"} (the form used by node settings
 * and CLI options). An empty map means "take species from an element column, or name them by type".
 */
public final class TypeMap {
    private final Map<Integer, String> map;

    private TypeMap(Map<Integer, String> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    public static TypeMap empty() { return new TypeMap(new LinkedHashMap<>()); }

    /**
     * Parses "1=Li,2=B" (spaces allowed, ';' also separates). Every symbol must be a known element.
     *
     * @throws IllegalArgumentException naming the offending entry
     */
    public static TypeMap parse(String text) {
        Map<Integer, String> m = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return new TypeMap(m);
        for (String entry : text.split("[,;]")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            int eq = e.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("type map entry '" + e + "' is not of the form type=Element (e.g. 1=Li)");
            }
            int type;
            try {
                type = Integer.parseInt(e.substring(0, eq).trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("type map entry '" + e + "': '" + e.substring(0, eq).trim()
                        + "' is not an integer LAMMPS type");
            }
            String sym = e.substring(eq + 1).trim();
            if (!Elements.isKnown(sym)) {
                throw new IllegalArgumentException("type map entry '" + e + "': '" + sym + "' is not an element symbol");
            }
            if (m.put(type, sym) != null) {
                throw new IllegalArgumentException("type map names type " + type + " twice");
            }
        }
        return new TypeMap(m);
    }

    public boolean isEmpty() { return map.isEmpty(); }

    /** Symbol for the type, or null if unmapped. */
    public String symbol(int type) { return map.get(type); }

    public Map<Integer, String> asMap() { return map; }

    /** Renders back to "1=Li,2=B". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        map.forEach((t, s) -> sb.append(sb.length() == 0 ? "" : ",").append(t).append('=').append(s));
        return sb.toString();
    }
}
