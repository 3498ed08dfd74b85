package org.glasssoftness.cli.softness;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.io.lammps.LammpsDumpWriter;
import org.glasssoftness.core.model.Axes;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.SoftnessApplier;
import org.glasssoftness.core.softness.SoftnessModel;
import org.glasssoftness.core.softness.SoftnessModelFormat;
import org.glasssoftness.core.softness.SoftnessStatistics;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The "Apply Softness" node from the command line. */
@Command(name = "apply-softness", mixinStandardHelpOptions = true,
        description = "Softness S = (w.x'+b)/|w| of every focus atom in every selected frame: softness.csv, "
                + "softness_vs_strain.csv, softness_histogram.csv and, with --labels, p_rearrange.csv.")
public final class ApplySoftnessCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file from train-lr") Path modelFile;
    @Option(names = "--dump", required = true, description = "LAMMPS dump (e.g. a tension trajectory)") Path dump;
    @Mixin TypeMapOption typeMap;
    @Option(names = "--first", defaultValue = "0", description = "first frame (default ${DEFAULT-VALUE})") int first;
    @Option(names = "--last", defaultValue = "-1", description = "last frame, -1 = last (default ${DEFAULT-VALUE})") int last;
    @Option(names = "--stride", defaultValue = "1", description = "frame stride (default ${DEFAULT-VALUE})") int stride;
    @Option(names = "--raw", description = "output the raw decision value w.x'+b instead of the distance") boolean raw;
    @Option(names = "--axis", defaultValue = "z", description = "tension axis for the strain (default ${DEFAULT-VALUE})") String axis;
    @Option(names = "--bins", defaultValue = "40", description = "histogram / P(R|S) bins (default ${DEFAULT-VALUE})") int bins;
    @Option(names = "--coordination", description = "group histograms by coordination, SPECIES:CUTOFF, e.g. O:2.0") String coordination;
    @Option(names = "--labels", description = "label CSV (id, label column) for P(rearrange | S)") Path labels;
    @Option(names = "--label-column", defaultValue = "label", description = "label column (default ${DEFAULT-VALUE})") String labelColumn;
    @Option(names = "--threshold", description = "label = value > threshold; absent: 0/1 labels") Double threshold;
    @Option(names = "--dump-out", description = "also write the scored frames as a LAMMPS dump with a softness column (for OVITO)") Path dumpOut;
    @Option(names = "--out", required = true, description = "output folder") Path out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        SoftnessModel model = SoftnessModelFormat.load(modelFile);
        String cnSpecies = null;
        double cnCut = 0;
        if (coordination != null) {
            String[] p = coordination.split(":");
            if (p.length != 2) throw new IllegalArgumentException("--coordination needs SPECIES:CUTOFF, got " + coordination);
            cnSpecies = p[0];
            cnCut = Double.parseDouble(p[1]);
        }
        SoftnessApplier.TrajectoryResult r;
        // annotated frames are streamed into the dump as they are scored: memory does not grow with the frames
        LammpsDumpWriter.Streaming annotated = dumpOut == null ? null : LammpsDumpWriter.Streaming.open(dumpOut);
        try {
            try (Trajectory t = CliSupport.openDump(dump, typeMap)) {
                r = new SoftnessApplier(model, raw).applyTrajectory(t, new FrameSelection(first, last, stride),
                        Axes.parse(axis), annotated, cnSpecies, cnCut, CliSupport.stderrProgress());
            }
            if (annotated != null) annotated.close();
        } catch (Exception | Error e) {
            if (annotated != null) annotated.abort();
            throw e;
        }
        CsvTableWriter.writeInto(out, r.perAtom());
        CsvTableWriter.writeInto(out, r.vsStrain());
        CsvTableWriter.writeInto(out, SoftnessStatistics.histogram(r.scores().softness(), r.group(), bins));
        String extra = "";
        if (labels != null) {
            ResultTable lab = CsvTables.read(labels);
            int[] y = FeatureTables.labelsFor(r.perAtom(), lab, java.util.List.of("frame"), labelColumn,
                    threshold == null ? Double.NaN : threshold);
            CsvTableWriter.writeInto(out, SoftnessStatistics.rearrangementProbability(r.scores().softness(), y, bins));
            extra = ", p_rearrange.csv";
        }
        double mean = 0;
        for (double s : r.scores().softness()) mean += s;
        mean /= r.scores().softness().length;
        System.out.printf("apply-softness: %d rows over %d frames, mean %s %.4f -> %s (softness.csv, softness_vs_strain.csv, "
                        + "softness_histogram.csv%s) (%.2f s)%n", r.scores().softness().length, r.vsStrain().rowCount() == 0 ? 0
                        : (int) java.util.Arrays.stream(r.vsStrain().column("frame").ints()).distinct().count(),
                raw ? "decision value" : "softness", mean, out, extra, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
