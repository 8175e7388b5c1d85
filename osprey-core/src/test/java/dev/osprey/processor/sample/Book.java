package dev.osprey.processor.sample;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.EnumStorage;
import dev.osprey.annotation.Enumerated;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Index;
import dev.osprey.annotation.OnDelete;
import dev.osprey.annotation.References;
import dev.osprey.annotation.Table;
import dev.osprey.annotation.Transient;

import java.math.BigDecimal;

/** A sample entity with package-private fields, a foreign key, an ordinal enum and a unique index. */
@Table(value = "books", indexes = @Index(fields = {"authorId", "title"}, unique = true))
public class Book {
    public enum Format { HARDCOVER, PAPERBACK, EBOOK }

    @Id
    long id;

    @References(value = Author.class, onDelete = OnDelete.CASCADE)
    Long authorId;

    String title;

    @Column(unique = true, length = 13)
    String isbn;

    @Column(precision = 8, scale = 2)
    BigDecimal price;

    @Enumerated(EnumStorage.ORDINAL)
    Format format;

    int pages;

    @Transient
    String summary;
}
