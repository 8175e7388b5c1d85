package dev.osprey.internal.query;

import dev.osprey.query.Predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code a AND b AND …} or {@code a OR b OR …}; empty AND is true, empty OR is false. */
public record Junction(boolean or, List<Predicate> parts) implements Predicate {

    public Junction {
        parts = List.copyOf(parts);
    }

    /** A junction of {@code parts}, flattening nested junctions of the same kind. */
    public static Junction of(boolean or, List<Predicate> parts) {
        List<Predicate> flat = new ArrayList<>(parts.size());
        for (Predicate part : parts) {
            Objects.requireNonNull(part, "a condition is null");
            if (part instanceof Junction j && j.or == or) {
                flat.addAll(j.parts);
            } else {
                flat.add(part);
            }
        }
        return new Junction(or, flat);
    }
}
