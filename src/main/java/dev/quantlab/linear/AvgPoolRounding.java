package dev.quantlab.linear;

/** How the integer average pool turns a sum of {@code count} values into an integer. */
public enum AvgPoolRounding {
    /** Toward zero: the reference averages in float and casts to int8 (the lesson's behaviour). */
    TRUNCATE,
    /** Toward negative infinity (an arithmetic right shift for a power-of-two count). */
    FLOOR,
    /** To nearest, ties to even (the most accurate). */
    HALF_EVEN;

    /** The rounded mean {@code sum / count}. */
    public int mean(int sum, int count) {
        switch (this) {
            case TRUNCATE:
                return sum / count;
            case FLOOR:
                return Math.floorDiv(sum, count);
            default:
                int q = Math.floorDiv(sum, count);
                int twiceRemainder = 2 * (sum - q * count);
                if (twiceRemainder > count || (twiceRemainder == count && (q & 1) != 0)) {
                    q++;
                }
                return q;
        }
    }
}
