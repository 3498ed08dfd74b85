package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grouped cross-validation folds: every group (e.g. a glass composition) lies wholly in the held-out part of exactly
 * one fold and in the training part of all others, so no fold trains and tests on atoms of the same group.
 */
public final class GroupFolds {
    private GroupFolds() { }

    /** One fold: the held-out groups and the row indices (ascending) used to train and to test. */
    public record Fold(int index, List<String> heldOutGroups, int[] trainRows, int[] testRows) { }

    /** Leave-one-group-out: one fold per distinct group, in sorted group order. Needs at least two groups. */
    public static List<Fold> leaveOneGroupOut(String[] group) {
        List<String> groups = distinct(group);
        List<List<String>> parts = new ArrayList<>();
        for (String g : groups) parts.add(List.of(g));
        return folds(group, parts);
    }

    /**
     * k folds of whole groups: the sorted distinct groups are shuffled with {@code seed} and dealt round-robin to the
     * folds (fold sizes in groups differ by at most one). Needs 2 &lt;= k &lt;= number of groups.
     */
    public static List<Fold> kGroupFolds(String[] group, int k, long seed) {
        List<String> groups = distinct(group);
        if (k < 2 || k > groups.size()) {
            throw new IllegalArgumentException(k + " group folds asked, but there are " + groups.size() + " groups "
                    + groups + " (need 2 <= k <= groups)");
        }
        List<String> shuffled = new ArrayList<>(groups);
        Collections.shuffle(shuffled, new Random(seed));
        List<List<String>> parts = new ArrayList<>();
        for (int f = 0; f < k; f++) parts.add(new ArrayList<>());
        for (int i = 0; i < shuffled.size(); i++) parts.get(i % k).add(shuffled.get(i));
        for (List<String> p : parts) Collections.sort(p);
        return folds(group, parts);
    }

    private static List<String> distinct(String[] group) {
        if (group == null) throw new IllegalArgumentException("grouped cross-validation needs a group per row");
        TreeSet<String> s = new TreeSet<>();
        for (String g : group) {
            if (g == null) throw new IllegalArgumentException("a row has no group");
            s.add(g);
        }
        if (s.size() < 2) throw new IllegalArgumentException("grouped cross-validation needs at least 2 groups, got " + s);
        return new ArrayList<>(s);
    }

    private static List<Fold> folds(String[] group, List<List<String>> parts) {
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < parts.size(); f++) {
            Set<String> held = Set.copyOf(parts.get(f));
            int nTest = 0;
            for (String g : group) if (held.contains(g)) nTest++;
            int[] test = new int[nTest], train = new int[group.length - nTest];
            int a = 0, b = 0;
            for (int i = 0; i < group.length; i++) {
                if (held.contains(group[i])) test[a++] = i;
                else train[b++] = i;
            }
            out.add(new Fold(f, List.copyOf(parts.get(f)), train, test));
        }
        return out;
    }
}
