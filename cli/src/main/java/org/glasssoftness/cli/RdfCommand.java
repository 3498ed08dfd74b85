package org.glasssoftness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.structure.PairDistribution;
import org.glasssoftness.core.structure.QGrid;
import org.glasssoftness.core.structure.RdfResult;
import org.glasssoftness.core.structure.ScatteringLengths;
import org.glasssoftness.core.structure.StructureFactors;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The "Compute RDF/S(Q)" node from the command line: rdf.csv, rdf_running_cn.csv, sq.csv and rdf_first_minima.csv. */
@Command(name = "rdf", mixinStandardHelpOptions = true,
        description = "Partial g(r), total g(r), neutron-weighted G(r) and D(r), running coordination numbers and "
                + "Faber-Ziman S(Q), averaged over the selected frames.")
final class RdfCommand implements Callable<Integer> {
    @Mixin
    StructureInputOptions in;

    @Option(names = "--r-max", defaultValue = "10.0", description = "outer edge of the last bin in Å (default ${DEFAULT-VALUE}); "
            + "at most half the smallest box width unless --multi-image")
    double rMax;

    @Option(names = "--dr", defaultValue = "0.02", description = "bin width in Å (default ${DEFAULT-VALUE})")
    double dr;

    @Option(names = "--multi-image", description = "allow r_max beyond half the box (every periodic image counted)")
    boolean multiImage;

    @Option(names = "--q-min", defaultValue = "0.02", description = "first Q in 1/Å (default ${DEFAULT-VALUE})")
    double qMin;

    @Option(names = "--q-max", defaultValue = "20.0", description = "last Q in 1/Å (default ${DEFAULT-VALUE})")
    double qMax;

    @Option(names = "--dq", defaultValue = "0.02", description = "Q step in 1/Å (default ${DEFAULT-VALUE})")
    double dq;

    @Option(names = "--lorch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "apply the Lorch window in the S(Q) transform (default on; --no-lorch to switch off)")
    boolean lorch;

    @Option(names = "--scattering-lengths", defaultValue = "",
            description = "scattering lengths in fm overriding the neutron table, e.g. Li=-1.90,B=5.30")
    String scatteringLengths;

    @Option(names = "--out", required = true, description = "output folder for the CSV tables")
    Path out;

    @Override
    public Integer call() throws Exception {
        ScatteringLengths sl = ScatteringLengths.parse(scatteringLengths);
        QGrid grid = new QGrid(qMin, qMax, dq);
        PairDistribution pd = new PairDistribution(rMax, dr, multiImage, in.threads());
        RdfResult res;
        try (Trajectory t = in.open()) {
            res = pd.compute(t, FrameSelection.all(), Progress.NONE);
        }
        ResultTable rdf = res.rdfTable(sl);
        StructureFactors sf = res.structureFactors(grid, lorch, sl);
        Files.createDirectories(out);
        for (ResultTable t : List.of(rdf, res.runningCoordinationTable(), sf.table(), res.firstMinimaTable())) {
            CsvTableWriter.writeInto(out, t);
        }
        double[] s = sf.total(), q = sf.q();
        int peak = 0;
        for (int i = 1; i < s.length; i++) if (s[i] > s[peak]) peak = i;
        System.out.printf(java.util.Locale.ROOT,
                "rdf: %d frames, %d species, %d pairs, %d bins of %.4g Å to %.4g Å, rho0 %.6g 1/Å^3, S(Q) max %.4g at Q %.4g 1/Å;"
                        + " wrote rdf.csv rdf_running_cn.csv sq.csv rdf_first_minima.csv to %s%n",
                res.frameCount(), res.species().size(), res.pairs().pairCount(), res.bins(), res.dr(), res.rMax(),
                res.numberDensity(), s[peak], q[peak], out);
        return 0;
    }
}
