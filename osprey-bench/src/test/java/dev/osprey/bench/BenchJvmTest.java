package dev.osprey.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's own JVM (no database). */
class BenchJvmTest {

    /** Started by {@link #theBenchmarksJvmDeflatesIdleMonitorsOftenAndHasAFixedHeap}: says what its JVM does. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("deflates often: " + BenchJvm.deflatesOften());
            System.out.println("runs with flags: " + BenchJvm.runsWithFlags());
            System.out.println("max heap MB: " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.println("flags: " + BenchJvm.vmFlags());
            System.out.println("property: " + System.getProperty("osprey.bench.probe"));
        }
    }

    @Test
    void aJvmStartedWithDefaultFlagsIsNotTheBenchmarksJvm() {
        assertThat(BenchJvm.isHotSpot()).isTrue();
        assertThat(BenchJvm.runsWithFlags()).isEqualTo(BenchJvm.vmFlags().containsAll(BenchJvm.FLAGS)).isFalse();
    }

    @Test
    void theBenchmarksJvmDeflatesIdleMonitorsOftenAndHasAFixedHeap() throws Exception {
        System.setProperty("osprey.bench.probe", "passed on");
        try {
            List<String> command = BenchJvm.command(Probe.class, List.of());
            assertThat(command).containsSubsequence(BenchJvm.FLAGS).endsWith(Probe.class.getName());

            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("deflates often: true").contains("runs with flags: true")
                    .contains("-XX:+AlwaysPreTouch").contains("-Xms" + BenchJvm.HEAP).contains("max heap MB: 3072")
                    .contains("-XX:GuaranteedAsyncDeflationInterval=" + BenchJvm.DEFLATION_INTERVAL_MS)
                    .contains("property: passed on");
        } finally {
            System.clearProperty("osprey.bench.probe");
        }
    }
}
