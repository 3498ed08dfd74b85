package org.glasssoftness.cli.softness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.CommaLists;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.SoftnessScan;
import org.glasssoftness.core.softness.TrainSettings;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Accuracy scans for choosing dr, R_c and the mobility threshold D_c (Supporting Figs. S24-S25). */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Accuracy versus (dr, R_c) (--mode grid: scan_dr_rc.csv) or versus the label threshold D_c "
                + "(--mode threshold: scan_threshold.csv); each point trains on the training rows and tests on held-out rows.")
public final class ScanCommand implements Callable<Integer> {
    @Option(names = "--mode", required = true, description = "grid or threshold") String mode;
    // threshold mode (feature CSVs as train-lr)
    @Option(names = "--features", split = ",", description = "threshold mode: feature CSV(s)") List<Path> features;
    @Option(names = "--thresholds", description = "threshold mode: thresholds, e.g. 200,280,360,440") String thresholds;
    @Option(names = "--test-features", split = ",", description = "threshold mode: separate test feature CSV(s)") List<Path> testFeatures;
    @Option(names = "--test-labels", split = ",", description = "threshold mode: label CSV(s) of the test features") List<Path> testLabels;
    @Option(names = "--width", description = "threshold mode: Gaussian width L of the features (default: dr)") Double width;
    // grid mode (structures)
    @Option(names = "--structures", split = ",", description = "grid mode: SAMPLE=dump pairs; frame --frame of each is used") List<String> structures;
    @Mixin TypeMapOption typeMap;
    @Option(names = "--frame", defaultValue = "0", description = "grid mode: frame of each dump (default ${DEFAULT-VALUE})") int frame;
    @Option(names = "--focus", defaultValue = "B", description = "grid mode: focus species (default ${DEFAULT-VALUE})") String focus;
    @Option(names = "--neighbours", defaultValue = "Li,B,O,P", description = "grid mode: neighbour species") String neighbours;
    @Option(names = "--dr-values", defaultValue = "0.1,0.2,0.5", description = "grid mode: dr values in Å") String drValues;
    @Option(names = "--rc-values", defaultValue = "4,6,8,10", description = "grid mode: R_c values in Å") String rcValues;
    @Option(names = "--width-over-dr", defaultValue = "1.0", description = "grid mode: L / dr (default ${DEFAULT-VALUE})") double widthOverDr;
    // both
    @Option(names = "--labels", required = true, split = ",", description = "label CSV(s): id (+ sample/frame) and the label column") List<Path> labels;
    @Option(names = "--threshold", description = "grid mode: label = value > threshold; absent: 0/1 labels") Double threshold;
    @Mixin LrOptions lr;
    @Mixin LabelJoinOptions join;
    @Option(names = "--out", required = true, description = "output folder") Path out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        TrainSettings settings = lr.settings();
        Set<String> test = join.testGroupSet();
        ResultTable labs = CliSupport.readAll("labels", labels);
        ResultTable result;
        if (mode.equals("threshold")) {
            if (features == null || thresholds == null) throw new IllegalArgumentException("--mode threshold needs --features and --thresholds");
            ResultTable feats = CliSupport.readAll("features", features);
            FeatureDefinition def = FeatureTables.definitionOf(feats, width == null ? 0 : width);
            result = SoftnessScan.thresholdScan(feats, labs,
                    testFeatures == null ? null : CliSupport.readAll("test_features", testFeatures),
                    testLabels == null ? null : CliSupport.readAll("test_labels", testLabels), def, join.keyList(),
                    join.labelColumn, join.groupColumn, test, CliSupport.numbers(thresholds), settings, CliSupport.stderrProgress());
        } else if (mode.equals("grid")) {
            if (structures == null) throw new IllegalArgumentException("--mode grid needs --structures SAMPLE=dump,...");
            List<SoftnessScan.LabelledStructure> samples = new ArrayList<>();
            for (String s : structures) {
                int eq = s.indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("--structures entries are SAMPLE=dump, got " + s);
                String name = s.substring(0, eq);
                Frame f;
                try (Trajectory t = CliSupport.openDump(Path.of(s.substring(eq + 1)), typeMap)) {
                    f = t.frame(frame);
                }
                samples.add(new SoftnessScan.LabelledStructure(name, f, labelsOf(labs, name), test != null && test.contains(name)));
            }
            result = SoftnessScan.gridScan(samples, focus, CommaLists.of(neighbours), CliSupport.numbers(drValues),
                    CliSupport.numbers(rcValues), widthOverDr, settings, CliSupport.stderrProgress());
        } else {
            throw new IllegalArgumentException("--mode must be grid or threshold, got " + mode);
        }
        Path f = CsvTableWriter.writeInto(out, result);
        double[] acc = result.column("test_accuracy").doubles();
        int best = -1;
        for (int i = 0; i < acc.length; i++) if (!Double.isNaN(acc[i]) && (best < 0 || acc[i] > acc[best])) best = i;
        System.out.printf("scan: %d points -> %s%s (%.2f s)%n", result.rowCount(), f,
                best < 0 ? "" : String.format(", best test accuracy %.4f at %s", acc[best], describe(result, best)),
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static String describe(ResultTable t, int row) {
        StringBuilder sb = new StringBuilder();
        for (String n : new String[] {"dr_A", "rc_A", "threshold"}) {
            for (ResultTable.Column c : t.columns()) {
                if (c.name().equals(n)) sb.append(sb.length() == 0 ? "" : " ").append(n).append('=').append(c.doubles()[row]);
            }
        }
        return sb.toString();
    }

    /** Labels of one sample: rows of the label table with this sample (or all rows when there is no sample column). */
    private Map<Long, Integer> labelsOf(ResultTable labs, String sample) {
        boolean hasSample = labs.columns().stream().anyMatch(c -> c.name().equals("sample"));
        long[] ids = labs.column("id").longs();
        double[] v = FeatureTables.numeric(labs, join.labelColumn);
        Map<Long, Integer> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (hasSample && !labs.column("sample").text(i).equals(sample)) continue;
            double th = threshold == null ? Double.NaN : threshold;
            if (Double.isNaN(th) && v[i] != 0 && v[i] != 1) {
                throw new IllegalArgumentException("label " + v[i] + " of id " + ids[i] + " is not 0/1; give --threshold");
            }
            m.put(ids[i], Double.isNaN(th) ? (int) v[i] : v[i] > th ? 1 : 0);
        }
        return m;
    }
}
