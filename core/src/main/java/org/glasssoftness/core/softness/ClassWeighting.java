package org.glasssoftness.core.softness;

/** How training rows are weighted by class, as scikit-learn's {@code class_weight}. */
public enum ClassWeighting {
    /** Every row weight 1 ({@code class_weight=None}). */
    NONE,
    /** Row weight n / (2 n_class) ({@code class_weight="balanced"}). */
    BALANCED;

    /**
     * {@code none} or {@code balanced} (any case, surrounding blanks ignored).
     *
     * @param what names the setting in the error, e.g. {@code --class-weight}
     */
    public static ClassWeighting parse(String text, String what) {
        String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        for (ClassWeighting w : values()) if (w.name().equals(t)) return w;
        throw new IllegalArgumentException(what + " must be none or balanced, got '" + text + "'");
    }

    /** Per-row weights for labels 0/1, or null for NONE. */
    public double[] sampleWeights(int[] y) {
        if (this == NONE) return null;
        int n1 = 0;
        for (int v : y) n1 += v;
        int n0 = y.length - n1;
        double w0 = y.length / (2.0 * n0), w1 = y.length / (2.0 * n1);
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) s[i] = y[i] == 1 ? w1 : w0;
        return s;
    }
}
