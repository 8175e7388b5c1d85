package dev.osprey.internal.engine;

import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** An entity that is nothing but its generated id: its inserts have no columns. */
@Table("engine_ticks")
public class Tick {
    @Id @GeneratedValue public Long id;
}
