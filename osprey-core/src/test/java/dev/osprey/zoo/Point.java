package dev.osprey.zoo;

import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

import java.time.Instant;

/** An immutable entity. */
@Table("zoo_points")
public record Point(@Id long id, String label, double x, Instant seen) {
}
