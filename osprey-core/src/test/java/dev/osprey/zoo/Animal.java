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

/** One field of every type Osprey maps, for the model zoo (and the bulk-insert tests). */
@Table("zoo_animals")
public class Animal {
    @Id @GeneratedValue public Long id;
    @Column(length = 50, nullable = false, unique = true) public String name;
    @Column(length = Column.UNLIMITED) public String notes;
    public boolean flag;
    public Boolean boxedFlag;
    public byte tiny;
    public Byte boxedTiny;
    public short small;
    public Short boxedSmall;
    public int number;
    public Integer boxedNumber;
    public long big;
    public Long boxedBig;
    public float real;
    public Float boxedReal;
    public double dbl;
    public Double boxedDbl;
    @Column(precision = 38, scale = 10) public BigDecimal money;
    public BigDecimal huge;
    public byte[] data;
    public UUID uuid;
    public Instant instant;
    public OffsetDateTime offsetDateTime;
    public LocalDate day;
    public LocalTime time;
    public LocalDateTime localDateTime;
    public Mood mood;
    @Enumerated(EnumStorage.ORDINAL) public Mood moodOrdinal;
    @Convert(DurationConverter.class) public Duration duration;
    @Transient String scratch;

    public Animal() {
    }

    public Animal(String name) {
        this.name = name;
    }

    /** An animal named {@code name} whose every other field holds an extreme of its type. */
    public static Animal extremes(String name) {
        Animal a = new Animal(name);
        a.notes = "x".repeat(70_000) + "𝄞";
        a.flag = true;
        a.boxedFlag = false;
        a.tiny = Byte.MIN_VALUE;
        a.boxedTiny = Byte.MAX_VALUE;
        a.small = Short.MIN_VALUE;
        a.boxedSmall = Short.MAX_VALUE;
        a.number = Integer.MIN_VALUE;
        a.boxedNumber = Integer.MAX_VALUE;
        a.big = Long.MIN_VALUE;
        a.boxedBig = Long.MAX_VALUE;
        a.real = Float.MAX_VALUE;
        a.boxedReal = -Float.MIN_NORMAL;
        a.dbl = Double.MAX_VALUE;
        a.boxedDbl = -123456.789e-200;
        a.money = new BigDecimal("1234567890123456789012345678.1234567891");
        a.huge = new BigDecimal("-12345678901234567890123456789012345.123456789012345678901234567890");
        a.data = new byte[256];
        for (int i = 0; i < 256; i++) {
            a.data[i] = (byte) i;
        }
        a.uuid = UUID.randomUUID();
        a.instant = Instant.parse("1901-12-13T20:45:52.000001Z");
        a.offsetDateTime = OffsetDateTime.parse("2262-04-11T23:47:16.854775+05:30");
        a.day = LocalDate.of(1600, 3, 1);
        a.time = LocalTime.of(23, 59, 59, 999_999_000);
        a.localDateTime = LocalDateTime.parse("2999-12-31T23:59:59.999999");
        a.mood = Mood.FURIOUS;
        a.moodOrdinal = Mood.HAPPY;
        a.duration = Duration.ofDays(3).plusNanos(7);
        a.scratch = "never stored";
        return a;
    }
}
