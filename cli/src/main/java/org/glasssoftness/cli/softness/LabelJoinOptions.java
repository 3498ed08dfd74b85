package org.glasssoftness.cli.softness;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.glasssoftness.cli.CommaLists;
import picocli.CommandLine.Option;

/** How train-lr and scan join labels to features and split off test rows (picocli {@code @Mixin}). */
final class LabelJoinOptions {
    @Option(names = "--label-column", defaultValue = "label", description = "label column: 0/1, or a value thresholded by --threshold (default ${DEFAULT-VALUE})") String labelColumn;
    @Option(names = "--keys", defaultValue = "sample,frame", description = "join keys besides id, used when in both tables (default ${DEFAULT-VALUE})") String keys;
    @Option(names = "--group-column", defaultValue = "sample", description = "feature column naming each row's group (default ${DEFAULT-VALUE})") String groupColumn;
    @Option(names = "--test-groups", description = "groups (samples) held out as the test set, e.g. Li40B30P30") String testGroups;

    List<String> keyList() { return CommaLists.of(keys); }

    /** The held-out groups, or null when none were given. */
    Set<String> testGroupSet() { return testGroups == null ? null : new HashSet<>(CommaLists.of(testGroups)); }
}
