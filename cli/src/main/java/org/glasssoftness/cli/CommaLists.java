package org.glasssoftness.cli;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated option values ("B,P", "O-B-O,O-P-O"), as every subcommand reads them. */
public final class CommaLists {
    private CommaLists() { }

    /** The trimmed, non-blank entries of {@code csv} in order; empty for null or blank text. */
    public static List<String> of(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) return out;
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
