package org.glasssoftness.core.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bond cutoffs (Å) per unordered species pair: two atoms are bonded when closer than the cutoff of their pair.
 * Written "B-O=2.0,P-O=2.0" (the study's choice, Methods 4.4: the first minimum of g_B-O and g_P-O). The built-in
 * defaults apply only to pairs whose species are present; a cutoff the user names for an absent species is an error.
 */
public final class BondCutoffs {
    /** The study's cutoffs: B-O and P-O 2.0 Å. */
    public static final String DEFAULT_TEXT = "B-O=2.0,P-O=2.0";

    private final Map<String, Double> entries; // key "A-B" as written
    private final boolean lenient;

    private BondCutoffs(Map<String, Double> entries, boolean lenient) {
        this.entries = Collections.unmodifiableMap(entries);
        this.lenient = lenient;
    }

    /** B-O and P-O 2.0 Å, skipped silently for absent species. */
    public static BondCutoffs defaults() { return new BondCutoffs(parseEntries(DEFAULT_TEXT), true); }

    /**
     * Parses "B-O=2.0,P-O=2.0" (';' also separates). Every species named must be present when resolved.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static BondCutoffs parse(String text) {
        Map<String, Double> m = parseEntries(text);
        if (m.isEmpty()) throw new IllegalArgumentException("no bond cutoffs given (expected e.g. B-O=2.0,P-O=2.0)");
        return new BondCutoffs(m, false);
    }

    private static Map<String, Double> parseEntries(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (text == null) return m;
        for (String entry : text.split("[,;]")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            int eq = e.indexOf('=');
            String pair = eq < 0 ? "" : e.substring(0, eq).trim();
            String[] ab = pair.split("-");
            if (eq < 0 || ab.length != 2 || ab[0].isBlank() || ab[1].isBlank()) {
                throw new IllegalArgumentException("bond cutoff entry '" + e + "' is not of the form A-B=cutoff_A (e.g. B-O=2.0)");
            }
            double v;
            try {
                v = Double.parseDouble(e.substring(eq + 1).trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("bond cutoff entry '" + e + "': '" + e.substring(eq + 1).trim()
                        + "' is not a number");
            }
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("bond cutoff entry '" + e + "': the cutoff must be > 0 Å");
            }
            String key = ab[0].trim() + "-" + ab[1].trim();
            String twin = ab[1].trim() + "-" + ab[0].trim();
            if (m.containsKey(key) || m.containsKey(twin)) {
                throw new IllegalArgumentException("bond cutoff for " + key + " given twice");
            }
            m.put(key, v);
        }
        return m;
    }

    public Map<String, Double> entries() { return entries; }

    /**
     * Cutoff matrix for these species, [a][b] = cutoff in Å or 0 where the pair is not bonded.
     *
     * @throws IllegalArgumentException when a named species is absent (user-given cutoffs only)
     */
    public double[][] matrix(List<String> species) {
        double[][] c = new double[species.size()][species.size()];
        for (Map.Entry<String, Double> e : entries.entrySet()) {
            String[] ab = e.getKey().split("-");
            int a = species.indexOf(ab[0]), b = species.indexOf(ab[1]);
            if (a < 0 || b < 0) {
                if (lenient) continue;
                throw new IllegalArgumentException("bond cutoff " + e.getKey() + ": species "
                        + (a < 0 ? ab[0] : ab[1]) + " is not in the trajectory (species: " + species + ")");
            }
            c[a][b] = e.getValue();
            c[b][a] = e.getValue();
        }
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
