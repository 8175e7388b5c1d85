package dev.osprey.internal.driver;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ValueConverterTest {
    private static final List<Class<?>> TYPES = List.of(Long.class, long.class, Integer.class, int.class, Short.class,
            short.class, Byte.class, Boolean.class, Double.class, BigDecimal.class, String.class, Instant.class,
            LocalDateTime.class, OffsetDateTime.class, LocalDate.class, UUID.class);
    private static final List<Object> VALUES = List.of(0, 1, -1, 70_000, Integer.MAX_VALUE, 5L, 1L << 40,
            Long.MIN_VALUE, (short) 7, 1.5, 2.0, new BigDecimal("3"), true, "12", " 12 ", "x", "true",
            "2024-01-02 03:04:05.000006", "2024-01-02T03:04:05.000006", "2024-13-02 03:04:05.000006",
            "2024-01-02", "2024-01-02T03:04:05+02:00", Instant.parse("2024-01-02T03:04:05Z"),
            LocalDateTime.of(2024, 1, 2, 3, 4), "6f1c3a9e-2d1b-4a53-9c0e-0f4b2b8a1d77", new byte[] {1, 2});

    @Test
    void aConversionMadeForATypeGivesWhatConvertGivesForEveryValue() {
        for (Class<?> type : TYPES) {
            var conversion = ValueConverter.to(type);
            Class<?> boxed = ValueConverter.boxed(type);
            for (Object value : VALUES) {
                Throwable expectedError = catchThrowable(() -> ValueConverter.convert(value, boxed));
                Throwable error = catchThrowable(() -> conversion.apply(value));
                String what = value + " (" + value.getClass().getSimpleName() + ") as " + type.getSimpleName();
                if (expectedError == null) {
                    assertThat(error).as(what).isNull();
                    assertThat(conversion.apply(value)).as(what).isEqualTo(ValueConverter.convert(value, boxed));
                } else {
                    assertThat(error).as(what).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage(expectedError.getMessage());
                }
            }
        }
    }

    @Test
    void storedDateTimeTextWithAFieldOutOfRangeIsAClearError() {
        assertThatThrownBy(() -> ValueConverter.to(Instant.class).apply("2024-13-02 03:04:05.000006"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read as java.time.Instant");
        assertThatThrownBy(() -> ValueConverter.convert("2024-01-32 03:04:05.000006", LocalDateTime.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read as java.time.LocalDateTime");
    }

    @Test
    void primitivesConvertToTheirBoxes() {
        assertThat(ValueConverter.to(long.class).apply(5)).isEqualTo(5L);
        assertThat(ValueConverter.to(short.class).apply(5)).isEqualTo((short) 5);
        assertThat(ValueConverter.boxed(int.class)).isEqualTo(Integer.class);
        assertThat(ValueConverter.boxed(String.class)).isEqualTo(String.class);
    }
}
