package dev.osprey.internal.driver;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EchoListenerTest {

    @Test
    void echoLinesShowSqlBindsDurationAndOutcome() {
        String ok = EchoListener.format("SELECT * FROM t WHERE a = ? AND b = ?",
                Arrays.<Object>asList("x", null), Duration.ofNanos(1_500_000), 3, null);
        assertThat(ok).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? | binds ['x', NULL] | 1.500 ms | 3 rows");
        String failed = EchoListener.format("DELETE FROM t", java.util.List.of(), Duration.ofMillis(2), -1,
                new IllegalStateException());
        assertThat(failed).isEqualTo("DELETE FROM t | 2.000 ms | failed: IllegalStateException");
        assertThat(EchoListener.format("X", java.util.List.<Object>of(new byte[10], "y".repeat(500)), Duration.ZERO, 1, null))
                .contains("<10 bytes>").contains("…").contains("1 row");
    }
}
