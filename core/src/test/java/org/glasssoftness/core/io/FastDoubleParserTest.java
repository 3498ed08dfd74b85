package org.glasssoftness.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The truth is Double.parseDouble: every result must have the same bits. */
class FastDoubleParserTest {

    private static void same(String s) {
        byte[] b = (" " + s + " ").getBytes(StandardCharsets.US_ASCII);
        double fast = FastDoubleParser.parse(b, 1, b.length - 1);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(fast), s);
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.0", "1", "+1", "-1", ".5", "5.", "1e0", "1E+22", "1e23",
                "9007199254740993", "9007199254740992", "123456789012345678901234567890", "0.1", "0.3",
                "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308", "1e-400", "1e400", "-1e400",
                "0.000000000000000000000000001234", "00000123.4500000", "3.14159265358979323846264338327950288",
                "2.2603004076333253", "-6.9999999999999996e-01", "1.1500000000000000e+01", "12.3456", "-1.23456e-05"}) {
            same(s);
        }
    }

    @Test
    void randomNumbersInLammpsFormats() {
        Random r = new Random(42);
        String[] formats = {"%g", "%.6g", "%.10g", "%.15g", "%.16g", "%.17g", "%.16e", "%f", "%.3f", "%e"};
        for (int i = 0; i < 40_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (r.nextDouble() - 0.5) * 100;
                case 1 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
                case 2 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextInt(100000) / 1000.0;
            };
            if (!Double.isFinite(v)) continue;
            same(String.format(Locale.ROOT, formats[i % formats.length], v));
            same(Double.toString(v));
        }
    }

    @Test
    void nonFiniteSpellingsOfLammps() {
        byte[] b = "nan -nan inf -inf".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Double.NaN, FastDoubleParser.parse(b, 0, 3));
        assertEquals(Double.NaN, FastDoubleParser.parse(b, 4, 8));
        assertEquals(Double.POSITIVE_INFINITY, FastDoubleParser.parse(b, 9, 12));
        assertEquals(Double.NEGATIVE_INFINITY, FastDoubleParser.parse(b, 13, 17));
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String s : new String[] {"", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1f", "1d", "abc", "1,5", "--1",
                "Infinityx", "1 2"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThrows(NumberFormatException.class, () -> FastDoubleParser.parse(b, 0, b.length), s);
        }
    }

    @Test
    void integers() {
        byte[] b = "12345 -7 9223372036854775807 12a".getBytes(StandardCharsets.US_ASCII);
        assertEquals(12345, FastDoubleParser.parseLong(b, 0, 5));
        assertEquals(-7, FastDoubleParser.parseLong(b, 6, 8));
        assertEquals(Long.MAX_VALUE, FastDoubleParser.parseLong(b, 9, 28));
        assertThrows(NumberFormatException.class, () -> FastDoubleParser.parseLong(b, 29, 32));
        assertThrows(NumberFormatException.class, () -> FastDoubleParser.parseLong(b, 0, 0));
    }
}
