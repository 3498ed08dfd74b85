package org.glasssoftness.core.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One glass of the study: (Li2O)a (B2O3)b (P2O5)c in mol%, named like the paper (Li40B30P30). The two composition
 * series of the study (Du et al. 2023, Methods 4.6): "fixedB" (Li2O)40+x(B2O3)30(P2O5)30-x and "fixedLi"
 * (Li2O)40(B2O3)30+x(P2O5)30-x for x = -10, -5, 0, 5, 10; x = 0 (Li40B30P30) is in both, so there are nine glasses.
 */
public record StudyGlass(int li2o, int b2o3, int p2o5) {
    /** The series offsets x of the study. */
    public static final int[] OFFSETS = {-10, -5, 0, 5, 10};

    /** The glass both models are tested on (the overlap of the two series). */
    public static final StudyGlass TEST = new StudyGlass(40, 30, 30);

    public StudyGlass {
        if (li2o < 0 || b2o3 < 0 || p2o5 < 0 || li2o + b2o3 + p2o5 != 100) {
            throw new IllegalArgumentException("mol% must be >= 0 and sum to 100, got Li2O " + li2o + ", B2O3 " + b2o3
                    + ", P2O5 " + p2o5);
        }
    }

    /** Paper-style name, e.g. Li45B30P25. */
    public String name() { return "Li" + li2o + "B" + b2o3 + "P" + p2o5; }

    /** Oxide -> mol% in the form {@code GlassBuilder.atomCounts} takes. */
    public Map<String, Double> composition() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Li2O", (double) li2o);
        m.put("B2O3", (double) b2o3);
        m.put("P2O5", (double) p2o5);
        return m;
    }

    /** "Li2O=40,B2O3=30,P2O5=30" (the text form of the CLI and of {@code structure.Composition.parse}). */
    public String compositionText() { return "Li2O=" + li2o + ",B2O3=" + b2o3 + ",P2O5=" + p2o5; }

    /** Member of the fixed-B2O3 series (B2O3 = 30). */
    public boolean inFixedB() { return b2o3 == 30; }

    /** Member of the fixed-Li2O series (Li2O = 40). */
    public boolean inFixedLi() { return li2o == 40; }

    /** Series names this glass belongs to, joined by '+'. */
    public String series() {
        return inFixedB() && inFixedLi() ? "fixedB+fixedLi" : inFixedB() ? "fixedB" : "fixedLi";
    }

    /** Glasses of the fixed-B2O3 series in x order. */
    public static List<StudyGlass> fixedB() {
        List<StudyGlass> l = new ArrayList<>();
        for (int x : OFFSETS) l.add(new StudyGlass(40 + x, 30, 30 - x));
        return l;
    }

    /** Glasses of the fixed-Li2O series in x order. */
    public static List<StudyGlass> fixedLi() {
        List<StudyGlass> l = new ArrayList<>();
        for (int x : OFFSETS) l.add(new StudyGlass(40, 30 + x, 30 - x));
        return l;
    }

    /** The nine distinct glasses: fixedB in x order, then fixedLi without the shared x = 0. */
    public static List<StudyGlass> all() {
        List<StudyGlass> l = new ArrayList<>(fixedB());
        for (StudyGlass g : fixedLi()) if (!l.contains(g)) l.add(g);
        return l;
    }

    /** Training glasses of the Li model: fixedB with x != 0 (paper Methods 4.6). */
    public static List<StudyGlass> liTraining() {
        List<StudyGlass> l = fixedB();
        l.remove(TEST);
        return l;
    }

    /** Training glasses of the B model: fixedLi with x != 0. */
    public static List<StudyGlass> bTraining() {
        List<StudyGlass> l = fixedLi();
        l.remove(TEST);
        return l;
    }

    /** The glass of a paper-style name; fails naming the nine valid names. */
    public static StudyGlass byName(String name) {
        for (StudyGlass g : all()) if (g.name().equals(name)) return g;
        List<String> names = new ArrayList<>();
        for (StudyGlass g : all()) names.add(g.name());
        throw new IllegalArgumentException("unknown glass '" + name + "'; the study's glasses are " + names);
    }

    @Override
    public String toString() { return name(); }
}
