package dev.osprey.bench.osprey;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Index;
import dev.osprey.annotation.Table;

import java.time.Instant;

/**
 * A journal entry as an Osprey user models it: the benchmark table {@code bench_journal}, whose
 * metamodel {@code Journal_} the annotation processor generates. The table is created from this class
 * ({@code db.schema().createAll}) and shared by all three implementations. {@code count} is the counter
 * column of the {@code count = count + 1} workload. Not thread-safe (a plain mutable entity).
 */
@Table(value = "bench_journal", indexes = {@Index(fields = "level"), @Index(fields = "text")})
public class Journal {
    @Id @GeneratedValue Long id;
    @Column(nullable = false) Instant timestamp;
    short level;
    @Column(length = 255, nullable = false) String text;
    int count;

    Journal() {
    }

    public Journal(Instant timestamp, short level, String text) {
        this.timestamp = timestamp;
        this.level = level;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public short getLevel() {
        return level;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getCount() {
        return count;
    }
}
