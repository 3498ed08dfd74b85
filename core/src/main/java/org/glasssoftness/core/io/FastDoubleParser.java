package org.glasssoftness.core.io;

/**
 * Parses decimal numbers straight from bytes, with results equal bit for bit to {@link Double#parseDouble}.
 *
 * <p>Accepted: {@code [+-]?digits[.digits][(e|E)[+-]?digits]} (also {@code .5} and {@code 5.}), and LAMMPS' spellings
 * of non-finite values {@code nan, -nan, inf, -inf} (any case, also {@code infinity}). Anything else is rejected with
 * {@link NumberFormatException} — no hex, no type suffixes.
 *
 * <p>Exactness: when the significant digits fit a long below 2^53 and the decimal exponent is at most 22 in size, the
 * value is one correctly rounded IEEE multiplication or division of two exact doubles (Clinger's fast path), which is
 * the correctly rounded result that {@code Double.parseDouble} also returns. Every other input (more than 15-16
 * significant digits, large exponents, e.g. LAMMPS output with {@code dump_modify format float %.17g}) goes to the
 * fastdoubleparser library (Eisel-Lemire, also bit-identical to {@code Double.parseDouble}). LAMMPS' default
 * {@code %g} output always takes the fast path.
 */
public final class FastDoubleParser {
    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }
    private static final long MAX_EXACT = 1L << 53;

    private FastDoubleParser() { }

    /** Parses {@code b[start, end)}; throws NumberFormatException if it is not a decimal number. */
    public static double parse(byte[] b, int start, int end) {
        int i = start;
        if (i >= end) throw new NumberFormatException("empty number");
        boolean neg = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            neg = c == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;          // significant digits accumulated into mant (leading zeros not counted)
        int dropped = 0;         // integer-part digits that did not fit into mant
        boolean overflow = false;
        int anyDigits = 0;
        int intStart = i;
        while (i < end && (c = b[i]) >= '0' && c <= '9') {
            if (digits < 18) {
                mant = mant * 10 + (c - '0');
                if (mant != 0) digits++;
            } else {
                overflow = true;
                dropped++;
            }
            i++;
        }
        anyDigits += i - intStart;
        int exp10 = dropped;
        if (i < end && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < end && (c = b[i]) >= '0' && c <= '9') {
                if (digits < 18) {
                    mant = mant * 10 + (c - '0');
                    if (mant != 0) digits++;
                    exp10--;
                } else {
                    overflow = true;
                }
                i++;
            }
            anyDigits += i - fracStart;
        }
        if (anyDigits == 0) return special(b, start, end);
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int es = i;
            int e = 0;
            while (i < end && (c = b[i]) >= '0' && c <= '9') {
                if (e < 100000) e = e * 10 + (c - '0');
                i++;
            }
            if (i == es) throw bad(b, start, end);
            exp10 += eneg ? -e : e;
        }
        if (i != end) throw bad(b, start, end);
        if (!overflow && mant < MAX_EXACT) {
            double v;
            if (mant == 0) {
                v = 0;
            } else if (exp10 >= 0 && exp10 <= 22) {
                v = (double) mant * POW10[exp10];
            } else if (exp10 < 0 && exp10 >= -22) {
                v = (double) mant / POW10[-exp10];
            } else {
                return slow(b, start, end);
            }
            return neg ? -v : v;
        }
        return slow(b, start, end);
    }

    /**
     * Inputs outside the fast path (already checked to be decimal numbers): Eisel-Lemire in Werner Randelshofer's
     * fastdoubleparser library, which returns exactly what Double.parseDouble returns, without making a String.
     */
    private static double slow(byte[] b, int start, int end) {
        return ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(b, start, end - start);
    }

    private static double special(byte[] b, int start, int end) {
        String s = new String(b, start, end - start, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase();
        boolean neg = s.startsWith("-");
        String t = neg || s.startsWith("+") ? s.substring(1) : s;
        if (t.equals("nan")) return Double.NaN;
        if (t.equals("inf") || t.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        throw bad(b, start, end);
    }

    private static NumberFormatException bad(byte[] b, int start, int end) {
        return new NumberFormatException("'" + new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1)
                + "' is not a number");
    }

    /** Parses a decimal integer {@code b[start, end)} with optional sign; throws NumberFormatException otherwise. */
    public static long parseLong(byte[] b, int start, int end) {
        int i = start;
        boolean neg = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i >= end || end - i > 18) {
            if (i < end && end - i <= 19) {
                try {
                    return Long.parseLong(new String(b, start, end - start, java.nio.charset.StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new NumberFormatException("'" + new String(b, start, end - start,
                            java.nio.charset.StandardCharsets.ISO_8859_1) + "' is not an integer");
                }
            }
            throw new NumberFormatException("'" + new String(b, start, end - start,
                    java.nio.charset.StandardCharsets.ISO_8859_1) + "' is not an integer");
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("'" + new String(b, start, end - start,
                        java.nio.charset.StandardCharsets.ISO_8859_1) + "' is not an integer");
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }
}
