package org.glasssoftness.core.structure;

import java.util.List;

/**
 * Unordered species pairs (a, b) with a &lt;= b, indexed 0 .. P-1 in the order (0,0), (0,1), ..., (0,S-1), (1,1), ...
 * This is the column order of every partial table; names are "Li-O" in species-list order.
 */
public final class SpeciesPairs {
    private final List<String> species;
    private final int[][] index;
    private final int[] first;
    private final int[] second;

    public SpeciesPairs(List<String> species) {
        this.species = List.copyOf(species);
        int s = species.size();
        int p = s * (s + 1) / 2;
        index = new int[s][s];
        first = new int[p];
        second = new int[p];
        int k = 0;
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                index[a][b] = k;
                index[b][a] = k;
                first[k] = a;
                second[k] = b;
                k++;
            }
        }
    }

    public List<String> species() { return species; }
    public int speciesCount() { return species.size(); }
    public int pairCount() { return first.length; }
    /** Index of the unordered pair {a, b}. */
    public int index(int a, int b) { return index[a][b]; }
    public int first(int pair) { return first[pair]; }
    public int second(int pair) { return second[pair]; }
    /** "A-B" with A the species earlier in the list. */
    public String name(int pair) { return species.get(first[pair]) + "-" + species.get(second[pair]); }

    /** Index of the pair written "A-B" or "B-A", or -1 when either species is absent. */
    public int find(String a, String b) {
        int ia = species.indexOf(a), ib = species.indexOf(b);
        return ia < 0 || ib < 0 ? -1 : index[ia][ib];
    }
}
