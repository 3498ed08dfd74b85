package org.glasssoftness.core.md.forcefield;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.glasssoftness.core.model.Elements;

/** Reads force-field parameter files (Java properties format, documented in the built-in deng-du-libp.properties). */
public final class ForceFieldFile {
    public static final String BUILT_IN = "deng-du-libp.properties";
    private static final String RULE = "rule:boron-oxygen";

    private ForceFieldFile() { }

    /** The built-in Deng-Du Li-B-P-O file. */
    public static ForceField loadBuiltIn() {
        try (InputStream in = ForceFieldFile.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException(BUILT_IN + " missing from the engine jar");
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a user parameter file in the same format; errors name the file and the key. */
    public static ForceField load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    static ForceField parse(Reader reader, String where) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String name = p.getProperty("name", where).trim();
        List<String> speciesNames = ForceField.list(required(p, "species", where));
        Map<String, ForceField.Species> species = new LinkedHashMap<>();
        for (String s : speciesNames) {
            if (!Elements.isKnown(s)) {
                throw new IllegalArgumentException(where + ": species '" + s + "' is not an element symbol");
            }
            double q = number(p, "species." + s + ".charge", where);
            String m = p.getProperty("species." + s + ".mass");
            double mass = m == null || m.isBlank() ? Elements.mass(s) : number(p, "species." + s + ".mass", where);
            species.put(s, new ForceField.Species(s, q, mass));
        }
        List<ForceField.PairSpec> pairs = new ArrayList<>();
        boolean needsRule = false;
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("pair.") || !key.endsWith(".rho")) continue;
            String pair = key.substring(5, key.length() - 4);
            String[] ab = pair.split("-");
            if (ab.length != 2) throw new IllegalArgumentException(where + ": bad pair name '" + pair + "' in " + key);
            for (String s : ab) {
                if (!species.containsKey(s)) {
                    throw new IllegalArgumentException(where + ": pair " + pair + " names species '" + s
                            + "' not listed in 'species'");
                }
            }
            String aText = required(p, "pair." + pair + ".A", where).trim();
            boolean rule = aText.equals(RULE);
            needsRule |= rule;
            double a = rule ? Double.NaN : number(p, "pair." + pair + ".A", where);
            double rho = number(p, "pair." + pair + ".rho", where);
            if (!(rho > 0)) throw new IllegalArgumentException(where + ": pair." + pair + ".rho must be > 0");
            double c = number(p, "pair." + pair + ".C", where);
            pairs.add(new ForceField.PairSpec(ab[0], ab[1], a, rule, rho, c, p.getProperty("pair." + pair + ".source", "")));
        }
        pairs.sort((x, y) -> (x.a() + "-" + x.b()).compareTo(y.a() + "-" + y.b()));
        BoronOxygenRule rule = null;
        if (p.getProperty("rule.boron-oxygen.A1") != null || needsRule) {
            rule = new BoronOxygenRule(number(p, "rule.boron-oxygen.A1", where), number(p, "rule.boron-oxygen.A2", where),
                    number(p, "rule.boron-oxygen.T1", where), number(p, "rule.boron-oxygen.T2", where));
        }
        Map<String, Map<String, Integer>> oxides = new LinkedHashMap<>();
        for (String ox : ForceField.list(p.getProperty("oxides", ""))) {
            Map<String, Integer> f = ForceField.parseFormula(ox);
            for (String el : f.keySet()) {
                if (!species.containsKey(el)) {
                    throw new IllegalArgumentException(where + ": oxide " + ox + " contains " + el
                            + ", which is not a species of this force field");
                }
            }
            oxides.put(ox, f);
        }
        return new ForceField(name, species, pairs, rule, oxides,
                ForceField.list(p.getProperty("oxides.modifiers", "")),
                ForceField.list(p.getProperty("oxides.silicaLike", "")),
                ForceField.list(p.getProperty("oxides.phosphates", "")));
    }

    private static String required(Properties p, String key, String where) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(where + ": missing key '" + key + "'");
        return v;
    }

    private static double number(Properties p, String key, String where) {
        String v = required(p, key, where).trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": key '" + key + "' = '" + v + "' is not a number");
        }
    }
}
