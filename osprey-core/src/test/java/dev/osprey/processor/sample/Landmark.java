package dev.osprey.processor.sample;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

import java.util.UUID;

/** A sample entity that is a record: immutable, made from all its components at once. */
@Table
public record Landmark(@Id UUID id, @Column(length = Column.UNLIMITED) String description, double latitude,
                       double longitude) {
}
