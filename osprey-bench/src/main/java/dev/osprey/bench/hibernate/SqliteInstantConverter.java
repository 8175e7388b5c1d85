package dev.osprey.bench.hibernate;

import dev.osprey.bench.jdbc.JournalSql;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;

/**
 * Stores instants on SQLite as the text {@code yyyy-MM-dd HH:mm:ss.SSSSSS} (UTC) the shared table
 * holds, as a Hibernate user sharing that schema would. Registered for SQLite only. Stateless.
 */
@Converter
public final class SqliteInstantConverter implements AttributeConverter<Instant, String> {

    @Override
    public String convertToDatabaseColumn(Instant value) {
        return value == null ? null : JournalSql.sqliteText(value.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return text == null ? null : JournalSql.parseSqliteText(text);
    }
}
