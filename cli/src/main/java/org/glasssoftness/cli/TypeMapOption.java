package org.glasssoftness.cli;

import org.glasssoftness.core.model.TypeMap;
import picocli.CommandLine.Option;

/** The --type-map option of the trajectory subcommands (LAMMPS type to element). Used as a picocli {@code @Mixin}. */
public final class TypeMapOption {
    @Option(names = "--type-map", paramLabel = "MAP", defaultValue = "",
            description = "LAMMPS type to element, e.g. 1=Li,2=B,3=O,4=P (empty: element column, else species named by type)")
    public String text;

    /** True when no map was given. */
    public boolean isBlank() { return text == null || text.isBlank(); }

    /** The parsed map, or {@code fallback} parsed when none was given. */
    public TypeMap parseOr(String fallback) { return TypeMap.parse(isBlank() ? fallback : text); }

    /** The parsed map (empty when none was given). @throws IllegalArgumentException for a malformed map */
    public TypeMap parse() { return TypeMap.parse(text); }
}
