package dev.osprey.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the warm-up reads of the JIT's work. No database. */
class JitActivityTest {

    @Test
    void onLinuxTheCompilerThreadsAreFoundAndTheirTimeOnlyGrows() {
        JitActivity jit = JitActivity.start();
        long first = jit.millis();
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {   // something for the JIT to compile meanwhile
            sum += Integer.toString(i).hashCode();
        }
        long second = jit.millis();
        assertThat(sum).isNotZero();
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(first).isGreaterThanOrEqualTo(0);
        }
        assertThat(second).isGreaterThanOrEqualTo(first);
    }
}
