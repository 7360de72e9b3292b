package io.billinghub.sandbox;

import java.util.List;
import java.util.SplittableRandom;

/** A choice and its weight, for the sandboxes' seeded generators. */
public record Weighted<T>(T item, int weight) {

    /** Draws one item in proportion to the weights; the same random state always draws the same item. */
    public static <T> T pick(SplittableRandom random, List<Weighted<T>> items) {
        int total = items.stream().mapToInt(Weighted::weight).sum();
        int draw = random.nextInt(total);
        for (Weighted<T> item : items) {
            draw -= item.weight();
            if (draw < 0) {
                return item.item();
            }
        }
        throw new IllegalStateException("unreachable: draw below total weight");
    }
}
