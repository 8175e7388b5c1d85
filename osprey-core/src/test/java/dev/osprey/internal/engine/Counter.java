package dev.osprey.internal.engine;

import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** An entity whose generated id is a primitive: 0 means not yet stored. */
@Table("engine_counters")
public class Counter {
    @Id @GeneratedValue public long id;
    public int value;

    public Counter() {
    }

    public Counter(int value) {
        this.value = value;
    }
}
