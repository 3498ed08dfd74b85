package org.glasssoftness.cli.softness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasssoftness.cli.CommaLists;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.table.ResultTable;

/** Small helpers shared by the softness subcommands. */
final class CliSupport {
    private CliSupport() { }

    static Trajectory openDump(Path dump, TypeMapOption typeMap) throws IOException {
        return LammpsDumpReader.open(dump, DumpReadOptions.of(typeMap.parse()), Progress.NONE);
    }

    /** Reads and concatenates CSV tables (same columns). */
    static ResultTable readAll(String name, List<Path> files) throws IOException {
        List<ResultTable> ts = new ArrayList<>();
        for (Path f : files) ts.add(CsvTables.read(f));
        return CsvTables.concat(name, ts);
    }

    static double[] numbers(String csv) {
        return CommaLists.of(csv).stream().mapToDouble(Double::parseDouble).toArray();
    }

    /** Prints progress to stderr at most every 10 %. */
    static Progress stderrProgress() {
        return org.glasssoftness.cli.StderrProgress.every(10);
    }
}
