package org.glasssoftness.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The built-in periodic table: masses (g/mol) and coherent neutron scattering lengths (fm), read from
 * {@code elements.tsv} beside this class, which cites its sources.
 */
public final class Elements {
    /** One element. {@code bCoherentFm} is NaN when not tabulated. */
    public record Element(String symbol, int z, double massGPerMol, double bCoherentFm) { }

    private static final Map<String, Element> TABLE = load();

    private Elements() { }

    private static Map<String, Element> load() {
        Map<String, Element> m = new LinkedHashMap<>();
        try (InputStream in = Elements.class.getResourceAsStream("elements.tsv")) {
            if (in == null) throw new IllegalStateException("elements.tsv missing from the engine jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                double b = f.length > 3 && !f[3].isBlank() ? Double.parseDouble(f[3]) : Double.NaN;
                m.put(f[0], new Element(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }

    /** True if the symbol is a known element (case-sensitive, e.g. "Li"). */
    public static boolean isKnown(String symbol) { return TABLE.containsKey(symbol); }

    /** The element, or an IllegalArgumentException naming the unknown symbol. */
    public static Element get(String symbol) {
        Element e = TABLE.get(symbol);
        if (e == null) throw new IllegalArgumentException("unknown element symbol '" + symbol + "'");
        return e;
    }

    /** Standard atomic weight in g/mol. */
    public static double mass(String symbol) { return get(symbol).massGPerMol(); }

    /** Coherent neutron scattering length in fm, if tabulated. */
    public static OptionalDouble neutronLength(String symbol) {
        double b = get(symbol).bCoherentFm();
        return Double.isNaN(b) ? OptionalDouble.empty() : OptionalDouble.of(b);
    }

    /** Every known element in table order. */
    public static Map<String, Element> all() { return TABLE; }
}
