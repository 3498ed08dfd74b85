package org.glasssoftness.core.dynamics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Turns a per-atom score (here D_cum, Å) into a binary mobile / immobile class: either above a fixed threshold D_c
 * (the study used D_c = 360 Å, which made about 30 % of Li mobile) or the top fraction of atoms by score.
 *
 * @param mode  how to label
 * @param value D_c in the score's unit for {@link Mode#THRESHOLD}; the fraction in (0, 1) for {@link Mode#TOP_FRACTION}
 */
public record MobilityLabel(Mode mode, double value) {
    /** Labelling rule. */
    public enum Mode {
        /** mobile if score &gt; D_c */
        THRESHOLD,
        /** the round(f N) atoms with the largest scores are mobile (ties broken by lower id first) */
        TOP_FRACTION
    }

    public static final String MOBILE = "mobile";
    public static final String IMMOBILE = "immobile";

    public MobilityLabel {
        if (mode == null) throw new IllegalArgumentException("labelling mode missing");
        if (mode == Mode.THRESHOLD && !Double.isFinite(value)) {
            throw new IllegalArgumentException("D_c threshold must be a finite number, got " + value);
        }
        if (mode == Mode.TOP_FRACTION && !(value > 0 && value < 1)) {
            throw new IllegalArgumentException("mobile fraction must lie strictly between 0 and 1, got " + value);
        }
    }

    public static MobilityLabel threshold(double dc) { return new MobilityLabel(Mode.THRESHOLD, dc); }

    public static MobilityLabel topFraction(double f) { return new MobilityLabel(Mode.TOP_FRACTION, f); }

    /** The default: the top 30 % are mobile (the fraction the study's D_c = 360 Å gave). */
    public static MobilityLabel defaults() { return topFraction(0.30); }

    /**
     * @param scores per-atom scores
     * @param ids    atom ids (tie-break for the top-fraction rule, so the labels do not depend on input order)
     * @return 1 = mobile, 0 = immobile
     */
    public int[] apply(double[] scores, long[] ids) {
        int n = scores.length;
        int[] out = new int[n];
        if (mode == Mode.THRESHOLD) {
            for (int i = 0; i < n; i++) out[i] = scores[i] > value ? 1 : 0;
            return out;
        }
        int count = (int) Math.round(value * n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingLong(i -> ids[i]));
        for (int r = 0; r < count; r++) out[order[r]] = 1;
        return out;
    }

    /** The smallest score labelled mobile (the effective D_c), or +infinity when no atom is mobile. */
    public static double smallestMobileScore(double[] scores, int[] labels) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) if (labels[i] == 1) m = Math.min(m, scores[i]);
        return m;
    }

    /** "mobile" / "immobile" text for a label column. */
    public static String[] classNames(int[] labels) {
        String[] s = new String[labels.length];
        for (int i = 0; i < labels.length; i++) s[i] = labels[i] == 1 ? MOBILE : IMMOBILE;
        return s;
    }

    /** Parses "top:0.3" or "threshold:360" (the CLI form). */
    public static MobilityLabel parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        int c = t.indexOf(':');
        if (c < 0) throw new IllegalArgumentException("label rule '" + text + "' must be top:FRACTION or threshold:D_C");
        double v;
        try {
            v = Double.parseDouble(t.substring(c + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("label rule '" + text + "': '" + t.substring(c + 1) + "' is not a number");
        }
        switch (t.substring(0, c).trim()) {
            case "top": return topFraction(v);
            case "threshold": return threshold(v);
            default: throw new IllegalArgumentException("label rule '" + text + "' must be top:FRACTION or threshold:D_C");
        }
    }

    @Override
    public String toString() {
        return (mode == Mode.TOP_FRACTION ? "top:" : "threshold:") + value;
    }
}
