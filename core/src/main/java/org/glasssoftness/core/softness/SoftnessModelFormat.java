package org.glasssoftness.core.softness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasssoftness.core.io.AtomicFiles;

/**
 * Saves and loads a {@link SoftnessModel} as versioned UTF-8 text, one {@code key=value} per line (doubles in
 * shortest round-trip form, so a loaded model is bit-identical):
 *
 * <pre>
 * format=glass-softness-model
 * version=1
 * focus=B
 * neighbours=Li,B,O,P
 * dr=0.2
 * cutoff=10.0
 * width=0.2
 * class0=0
 * class1=1
 * bias=...
 * feature=G_B-Li_0.20 mean scale weight     (one line per feature, in model order)
 * provenance.KEY=VALUE                      (any number)
 * </pre>
 */
public final class SoftnessModelFormat {
    public static final String FORMAT = "glass-softness-model";
    public static final int VERSION = 1;

    private SoftnessModelFormat() { }

    public static void save(Path file, SoftnessModel m) throws IOException {
        AtomicFiles.write(file, out -> write(out, m));
    }

    public static SoftnessModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static void write(OutputStream out, SoftnessModel m) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        FeatureDefinition def = m.definition();
        w.write("format=" + FORMAT + "\n");
        w.write("version=" + VERSION + "\n");
        w.write("focus=" + clean(def.focusSpecies()) + "\n");
        w.write("neighbours=" + String.join(",", def.neighbourSpecies()) + "\n");
        w.write("dr=" + def.dr() + "\ncutoff=" + def.cutoff() + "\nwidth=" + def.width() + "\n");
        w.write("class0=" + clean(m.classLabels().get(0)) + "\nclass1=" + clean(m.classLabels().get(1)) + "\n");
        w.write("bias=" + m.bias() + "\n");
        double[] mean = m.scaler().means(), scale = m.scaler().scales(), wt = m.weights();
        for (int k = 0; k < wt.length; k++) {
            w.write("feature=" + m.featureNames().get(k) + " " + mean[k] + " " + scale[k] + " " + wt[k] + "\n");
        }
        for (Map.Entry<String, String> e : m.provenance().entrySet()) {
            w.write("provenance." + clean(e.getKey()) + "=" + clean(e.getValue()) + "\n");
        }
        w.flush();
    }

    private static String clean(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Reads a model; {@code source} names the file in error messages. */
    public static SoftnessModel read(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> kv = new LinkedHashMap<>();
        Map<String, String> prov = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw bad(source, no, "expected key=value, got '" + line + "'");
            String key = line.substring(0, eq), value = line.substring(eq + 1);
            if (no == 1 && !(key.equals("format") && value.equals(FORMAT))) {
                throw bad(source, no, "not a softness model file (first line must be format=" + FORMAT + ")");
            }
            if (key.equals("feature")) {
                String[] p = value.trim().split("\\s+");
                if (p.length != 4) throw bad(source, no, "feature line needs: name mean scale weight");
                names.add(p[0]);
                try {
                    rows.add(new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])});
                } catch (NumberFormatException e) {
                    throw bad(source, no, "bad number in feature line: " + e.getMessage());
                }
            } else if (key.startsWith("provenance.")) {
                prov.put(key.substring("provenance.".length()), value);
            } else {
                kv.put(key, value);
            }
        }
        if (!kv.containsKey("format")) throw bad(source, 0, "empty file, not a softness model");
        int version = Integer.parseInt(need(kv, "version", source));
        if (version != VERSION) throw bad(source, 0, "model format version " + version + " is not supported (expected " + VERSION + ")");
        try {
            FeatureDefinition def = new FeatureDefinition(need(kv, "focus", source),
                    Arrays.asList(need(kv, "neighbours", source).split(",")), num(kv, "dr", source),
                    num(kv, "cutoff", source), num(kv, "width", source));
            int d = names.size();
            double[] mean = new double[d], scale = new double[d], w = new double[d];
            for (int k = 0; k < d; k++) { mean[k] = rows.get(k)[0]; scale[k] = rows.get(k)[1]; w[k] = rows.get(k)[2]; }
            return new SoftnessModel(def, names, new StandardScaler(mean, scale), w, num(kv, "bias", source),
                    List.of(need(kv, "class0", source), need(kv, "class1", source)), prov);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": invalid softness model: " + e.getMessage(), e);
        }
    }

    private static String need(Map<String, String> kv, String key, String source) throws IOException {
        String v = kv.get(key);
        if (v == null) throw bad(source, 0, "missing key '" + key + "'");
        return v;
    }

    private static double num(Map<String, String> kv, String key, String source) throws IOException {
        try {
            return Double.parseDouble(need(kv, key, source));
        } catch (NumberFormatException e) {
            throw bad(source, 0, "key '" + key + "' is not a number");
        }
    }

    private static IOException bad(String source, int line, String msg) {
        return new IOException(source + (line > 0 ? ":" + line : "") + ": " + msg);
    }
}
