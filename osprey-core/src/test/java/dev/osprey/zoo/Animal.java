package dev.osprey.zoo;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.Convert;
import dev.osprey.annotation.EnumStorage;
import dev.osprey.annotation.Enumerated;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;
import dev.osprey.annotation.Transient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One field of every type Osprey maps, for the model zoo. */
@Table("zoo_animals")
public class Animal {
    @Id @GeneratedValue Long id;
    @Column(length = 50, nullable = false, unique = true) String name;
    @Column(length = Column.UNLIMITED) String notes;
    boolean flag;
    Boolean boxedFlag;
    byte tiny;
    Byte boxedTiny;
    short small;
    Short boxedSmall;
    int number;
    Integer boxedNumber;
    long big;
    Long boxedBig;
    float real;
    Float boxedReal;
    double dbl;
    Double boxedDbl;
    @Column(precision = 38, scale = 10) BigDecimal money;
    BigDecimal huge;
    byte[] data;
    UUID uuid;
    Instant instant;
    OffsetDateTime offsetDateTime;
    LocalDate day;
    LocalTime time;
    LocalDateTime localDateTime;
    Mood mood;
    @Enumerated(EnumStorage.ORDINAL) Mood moodOrdinal;
    @Convert(DurationConverter.class) Duration duration;
    @Transient String scratch;

    Animal() {
    }

    Animal(String name) {
        this.name = name;
    }
}
