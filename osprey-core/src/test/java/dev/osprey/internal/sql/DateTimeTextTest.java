package dev.osprey.internal.sql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeTextTest {

    @Test
    void writesWhatTheGeneralFormatterWritesAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(42);
        long min = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long max = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 200_000; i++) {
            LocalDateTime value = LocalDateTime.ofEpochSecond(random.nextLong(min, max + 1),
                    random.nextInt(1_000_000) * 1000, ZoneOffset.UTC);
            String text = DateTimeText.format(value);
            assertThat(text).isEqualTo(Dialect.DATE_TIME.format(value));
            assertThat(DateTimeText.parse(text)).isEqualTo(value);
            byte[] bytes = new byte[DateTimeText.LENGTH + 3];
            assertThat(DateTimeText.write(value, bytes, 2)).isEqualTo(DateTimeText.LENGTH + 2);
            assertThat(new String(bytes, 2, DateTimeText.LENGTH, StandardCharsets.US_ASCII)).isEqualTo(text);
            assertThat(bytes[0]).isZero();
            assertThat(bytes[DateTimeText.LENGTH + 2]).isZero();
        }
    }

    @Test
    void dropsNanosBelowTheMicrosecond() {
        LocalDateTime value = LocalDateTime.of(2026, 11, 21, 9, 5, 7, 123_456_789);
        assertThat(DateTimeText.format(value)).isEqualTo("2026-11-21 09:05:07.123456");
        assertThat(DateTimeText.parse(DateTimeText.format(value))).isEqualTo(value.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void leavesYearsBeyondFourDigitsToTheGeneralFormatter() {
        LocalDateTime value = LocalDateTime.of(12345, 1, 2, 3, 4, 5);
        assertThat(DateTimeText.format(value)).isEqualTo(Dialect.DATE_TIME.format(value));
        assertThat(DateTimeText.parse(DateTimeText.format(value))).isNull();
        assertThatThrownBy(() -> DateTimeText.write(value, new byte[40], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12345");
    }

    @Test
    void readsOnlyItsOwnShapeAndRefusesImpossibleDates() {
        assertThat(DateTimeText.parse("2026-11-21T09:05:07.123456")).isEqualTo(LocalDateTime.of(2026, 11, 21, 9, 5, 7, 123_456_000));
        assertThat(DateTimeText.parse("2026-11-21 09:05:07")).isNull();
        assertThat(DateTimeText.parse("2026-11-21 09:05:07.123456Z")).isNull();
        assertThat(DateTimeText.parse("2026-11-21 09:05:07,123456")).isNull();
        assertThat(DateTimeText.parse("2026-1x-21 09:05:07.123456")).isNull();
        assertThatThrownBy(() -> DateTimeText.parse("2026-02-30 09:05:07.123456"))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
