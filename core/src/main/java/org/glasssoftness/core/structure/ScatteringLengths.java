package org.glasssoftness.core.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.glasssoftness.core.model.Elements;

/**
 * Coherent scattering lengths (fm) per species used to weight partial functions. Defaults come from
 * {@link Elements} (Sears 1992: Li -1.90, B 5.30, O 5.803, P 5.13 fm); any species can be overridden, e.g. with
 * atomic numbers for X-ray-like weights, or given a value when it is no element.
 */
public final class ScatteringLengths {
    private final Map<String, Double> overrides;

    private ScatteringLengths(Map<String, Double> overrides) {
        this.overrides = Collections.unmodifiableMap(overrides);
    }

    /** Tabulated neutron values only. */
    public static ScatteringLengths neutronDefaults() { return new ScatteringLengths(new LinkedHashMap<>()); }

    /** Tabulated neutron values with these overrides (species -&gt; fm). */
    public static ScatteringLengths withOverrides(Map<String, Double> overrides) {
        return new ScatteringLengths(new LinkedHashMap<>(overrides));
    }

    /**
     * Parses overrides written "Li=-1.90,B=5.30" (';' also separates; blank = none).
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static ScatteringLengths parse(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split("[,;]")) {
                String e = entry.trim();
                if (e.isEmpty()) continue;
                int eq = e.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("scattering length entry '" + e
                            + "' is not of the form Species=value_fm (e.g. Li=-1.90)");
                }
                String sp = e.substring(0, eq).trim();
                double v;
                try {
                    v = Double.parseDouble(e.substring(eq + 1).trim());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("scattering length entry '" + e + "': '"
                            + e.substring(eq + 1).trim() + "' is not a number");
                }
                if (!Double.isFinite(v)) throw new IllegalArgumentException("scattering length entry '" + e + "' is not finite");
                if (m.put(sp, v) != null) throw new IllegalArgumentException("scattering length for " + sp + " given twice");
            }
        }
        return new ScatteringLengths(m);
    }

    public Map<String, Double> overrides() { return overrides; }

    /** Length in fm for this species: the override, else the tabulated neutron value. */
    public double lengthFm(String species) {
        Double o = overrides.get(species);
        if (o != null) return o;
        if (!Elements.isKnown(species)) {
            throw new IllegalArgumentException("species '" + species
                    + "' is no known element: give its scattering length explicitly (e.g. " + species + "=5.0)");
        }
        OptionalDouble b = Elements.neutronLength(species);
        if (b.isEmpty()) {
            throw new IllegalArgumentException("no tabulated neutron scattering length for " + species
                    + ": give it explicitly (e.g. " + species + "=5.0)");
        }
        return b.getAsDouble();
    }

    /** Lengths for the species in list order. */
    public double[] lengthsFm(List<String> species) {
        double[] b = new double[species.size()];
        for (int i = 0; i < b.length; i++) b[i] = lengthFm(species.get(i));
        return b;
    }

    /** Renders back to "Li=-1.9,B=5.3" (overrides only). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        overrides.forEach((s, v) -> sb.append(sb.length() == 0 ? "" : ",").append(s).append('=').append(v));
        return sb.toString();
    }
}
