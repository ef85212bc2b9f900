package dev.quantlab.app.kmeans;

import java.util.Arrays;

/** Counts the distinct values of a float array. */
public final class DistinctValues {
    private DistinctValues() { }

    public static int count(float[] values) {
        float[] s = values.clone();
        Arrays.sort(s);
        int n = s.length == 0 ? 0 : 1;
        for (int i = 1; i < s.length; i++) {
            if (Float.compare(s[i], s[i - 1]) != 0) {
                n++;
            }
        }
        return n;
    }
}
