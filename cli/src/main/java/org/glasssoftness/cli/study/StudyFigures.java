package org.glasssoftness.cli.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.study.StudyGlass;
import org.glasssoftness.core.study.StudyStatistics;
import org.glasssoftness.core.table.ResultTable;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The study's figures (the list of issue #10's Report section) as PNG files drawn headless with JFreeChart from the
 * CSV outputs of {@code study}: g(r) and S(Q) per composition, stress-strain curves, bond-switch fractions vs strain,
 * D_cum distributions, softness distributions of B ([3]B vs [4]B) and Li, P(rearrange | S), w(r) of B-O and Li-O,
 * and the mean B softness vs strain.
 */
public final class StudyFigures {
    /** Size of every figure in pixels. */
    public static final int WIDTH = 720, HEIGHT = 450;

    /** The figure files in the order written. */
    public static final List<String> FILES = List.of("rdf.png", "sq.png", "stress_strain.png", "bond_switch.png",
            "d_cum.png", "softness_B.png", "softness_Li.png", "p_rearrange.png", "weights.png", "softness_vs_strain.png");

    /** Offset between the curves of consecutive glasses in the g(r) and S(Q) figures. */
    static final double RDF_OFFSET = 1.0, SQ_OFFSET = 0.5;

    private StudyFigures() { }

    /** Writes {@link #FILES} into {@code figures} from the study folder {@code in}; returns how many. */
    public static int writeAll(Path in, Path figures) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(figures);
        List<StudyGlass> glasses = StudyGlass.all();
        Map<String, ResultTable> rdf = new LinkedHashMap<>(), sq = new LinkedHashMap<>(), ss = new LinkedHashMap<>(),
                bs = new LinkedHashMap<>(), li = new LinkedHashMap<>(), vs = new LinkedHashMap<>();
        for (StudyGlass g : glasses) {
            Path d = in.resolve(g.name());
            rdf.put(g.name(), CsvTables.read(d.resolve("rdf.csv")));
            sq.put(g.name(), CsvTables.read(d.resolve("sq.csv")));
            ss.put(g.name(), CsvTables.read(d.resolve("stress_strain.csv")));
            bs.put(g.name(), CsvTables.read(d.resolve("bond_switch.csv")));
            li.put(g.name(), CsvTables.read(d.resolve("li_labels.csv")));
            vs.put(g.name(), CsvTables.read(in.resolve("softness").resolve(g.name() + "_B_vs_strain.csv")));
        }
        int n = 0;
        XYSeriesCollection c = new XYSeriesCollection();
        int k = 0;
        for (var e : rdf.entrySet()) c.addSeries(series(e.getKey(), e.getValue(), "r_A", "g_total", k++ * RDF_OFFSET, null, null));
        save(figures.resolve("rdf.png"), chart("Total g(r) of the glasses (offset by " + RDF_OFFSET + " per glass)", "r (Å)",
                "g(r) + offset", c, false));
        n++;
        c = new XYSeriesCollection();
        k = 0;
        for (var e : sq.entrySet()) {
            c.addSeries(series(e.getKey(), e.getValue(), "Q_A-1", "S_neutron", k++ * SQ_OFFSET, null, null));
        }
        save(figures.resolve("sq.png"), chart("Neutron S(Q), Faber-Ziman, Lorch window (offset by " + SQ_OFFSET + " per glass)",
                "Q (1/Å)", "S(Q) + offset", c, false));
        n++;
        c = new XYSeriesCollection();
        for (var e : ss.entrySet()) c.addSeries(series(e.getKey(), e.getValue(), "strain", "sigma_xx_GPa", 0, null, null));
        save(figures.resolve("stress_strain.png"), chart("Stress-strain curves, tension along x", "strain", "σ_xx (GPa)", c, false));
        n++;
        c = new XYSeriesCollection();
        for (var e : bs.entrySet()) c.addSeries(series(e.getKey(), e.getValue(), "strain", "frac_switched", 0, null, null));
        save(figures.resolve("bond_switch.png"), chart("Fraction of B atoms with switched B-O bonds vs strain", "strain",
                "bond-switched fraction of B", c, false));
        n++;
        c = new XYSeriesCollection();
        for (var e : li.entrySet()) c.addSeries(histogram(e.getKey(), FeatureTables.numeric(e.getValue(), "D_cum_A"), 20));
        save(figures.resolve("d_cum.png"), chart("D_cum distributions of Li (NVT 300 K)", "D_cum (Å)", "probability density", c, false));
        n++;
        c = new XYSeriesCollection();
        ResultTable hb = CsvTables.read(in.resolve("softness").resolve("histogram_B.csv"));
        for (String grp : distinct(hb.column("group").strings())) {
            c.addSeries(series(grp.replace("B[", "[").replace("]", "]B"), hb, "bin_center", "density", 0, "group", grp));
        }
        save(figures.resolve("softness_B.png"), chart("Softness of B, unstrained glasses (all nine, central 99 %), by coordination",
                "softness S", "probability density", c, true));
        n++;
        c = new XYSeriesCollection();
        ResultTable hl = CsvTables.read(in.resolve("softness").resolve("histogram_Li.csv"));
        for (String grp : distinct(hl.column("group").strings())) c.addSeries(series(grp, hl, "bin_center", "density", 0, "group", grp));
        save(figures.resolve("softness_Li.png"), chart("Softness of Li in the unstrained glasses (central 99 %)", "softness S",
                "probability density", c, true));
        n++;
        c = new XYSeriesCollection();
        c.addSeries(series("Li (mobile)", CsvTables.read(in.resolve("softness").resolve("p_rearrange_Li.csv")), "bin_center",
                "probability", 0, null, null));
        c.addSeries(series("B (bond-switched)", CsvTables.read(in.resolve("softness").resolve("p_rearrange_B.csv")), "bin_center",
                "probability", 0, null, null));
        save(figures.resolve("p_rearrange.png"), chart("P(rearrange | S), all nine glasses (central 99 % of S)", "softness S", "P(R | S)", c, true));
        n++;
        c = new XYSeriesCollection();
        c.addSeries(series("B-O (B model)", CsvTables.read(in.resolve("models").resolve("b_weights.csv")), "r_A", "w", 0, "pair", "B-O"));
        c.addSeries(series("Li-O (Li model)", CsvTables.read(in.resolve("models").resolve("li_weights.csv")), "r_A", "w", 0, "pair", "Li-O"));
        save(figures.resolve("weights.png"), chart("Logistic-regression weights w(r) of the radial features", "r (Å)", "w(r)", c, true));
        n++;
        c = new XYSeriesCollection();
        for (var e : vs.entrySet()) {
            c.addSeries(medianVsStrain(e.getKey(), CsvTables.read(in.resolve("softness").resolve(e.getKey() + "_B.csv")), e.getValue()));
        }
        save(figures.resolve("softness_vs_strain.png"), chart("Median softness of B vs strain (B model on the tension frames)",
                "strain", "median S of B", c, false));
        n++;
        return n;
    }

    /**
     * Median softness of the B rows of each frame vs that frame's strain (from the vs-strain table): the median, not
     * the mean, because in small glasses single atoms reach |S| ~ 1e3 (see docs/study.md).
     */
    static XYSeries medianVsStrain(String name, ResultTable perAtom, ResultTable vsStrain) {
        Map<Integer, Double> strain = new LinkedHashMap<>();
        double[] vf = FeatureTables.numeric(vsStrain, "frame"), vsn = FeatureTables.numeric(vsStrain, "strain");
        for (int i = 0; i < vf.length; i++) strain.put((int) vf[i], vsn[i]);
        double[] f = FeatureTables.numeric(perAtom, "frame"), s = FeatureTables.numeric(perAtom, "softness");
        String[] sp = perAtom.column("species").strings();
        XYSeries out = new XYSeries(name, false, true);
        for (var e : strain.entrySet()) {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < f.length; i++) if ((int) f[i] == e.getKey() && sp[i].equals("B")) v.add(s[i]);
            out.add(e.getValue().doubleValue(), StudyStatistics.median(v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static List<String> distinct(String[] v) {
        List<String> l = new ArrayList<>();
        for (String s : v) if (!l.contains(s)) l.add(s);
        return l;
    }

    /** y vs x of a table's rows (only rows whose filter column equals the value, when given), plus an offset. */
    static XYSeries series(String name, ResultTable t, String x, String y, double offset, String filterColumn, String value) {
        XYSeries s = new XYSeries(name, false, true);
        double[] xs = FeatureTables.numeric(t, x), ys = FeatureTables.numeric(t, y);
        String[] f = filterColumn == null ? null : t.column(filterColumn).strings();
        for (int i = 0; i < xs.length; i++) {
            if (f != null && !f[i].equals(value)) continue;
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) s.add(xs[i], ys[i] + offset);
        }
        return s;
    }

    /** Probability density of values in equal bins from min to max, at the bin centres. */
    static XYSeries histogram(String name, double[] v, int bins) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
        double w = (hi - lo) / bins;
        long[] cnt = new long[bins];
        for (double x : v) cnt[Math.min(bins - 1, (int) ((x - lo) / w))]++;
        XYSeries s = new XYSeries(name, false, true);
        for (int b = 0; b < bins; b++) s.add(lo + (b + 0.5) * w, cnt[b] / (v.length * w));
        return s;
    }

    private static JFreeChart chart(String title, String x, String y, XYSeriesCollection data, boolean shapes) {
        NumberAxis xa = new NumberAxis(x), ya = new NumberAxis(y);
        xa.setAutoRangeIncludesZero(false);
        ya.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        Color[] palette = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
            new Color(188, 189, 34), new Color(23, 190, 207)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, palette[i % palette.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        XYPlot plot = new XYPlot(data, xa, ya, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart ch = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
        ch.setBackgroundPaint(Color.WHITE);
        // aliased lines with antialiased text: PNGs of 20-60 kB instead of up to 120 kB
        ch.setAntiAlias(false);
        ch.setTextAntiAlias(true);
        LegendTitle lg = ch.getLegend();
        lg.setPosition(RectangleEdge.RIGHT);
        return ch;
    }

    private static void save(Path file, JFreeChart chart) throws IOException {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT, false, 9));
    }
}
