package dev.osprey.zoo;

import dev.osprey.mapping.AttributeConverter;

import java.time.Duration;

/** Stores a {@link Duration} as its length in nanoseconds. */
public final class DurationConverter implements AttributeConverter<Duration, Long> {
    @Override
    public Long toDatabase(Duration value) {
        return value.toNanos();
    }

    @Override
    public Duration fromDatabase(Long value) {
        return Duration.ofNanos(value);
    }
}
