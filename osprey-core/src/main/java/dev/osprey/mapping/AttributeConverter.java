package dev.osprey.mapping;

/**
 * Converts a field's Java type {@code J} to a type Osprey stores natively {@code D} and back; used
 * with {@link dev.osprey.annotation.Convert}. Implementations must be stateless and thread-safe, and
 * need a public no-arg constructor. {@code null} is passed through without calling the converter.
 *
 * @param <J> the field's type
 * @param <D> the stored type: one of the types Osprey maps (String, Long, BigDecimal, Instant, ...)
 */
public interface AttributeConverter<J, D> {
    D toDatabase(J value);

    J fromDatabase(D value);
}
