package dev.osprey.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line: what it sets, and the errors for what it cannot take. No database. */
class OptionsTest {

    @Test
    void runsAndRunSecondsChangeTheChosenPlanOnly() {
        Options options = Options.parse("--quick", "--runs", "9", "--run-seconds=2.5");
        assertThat(options.plan().runs()).isEqualTo(9);
        assertThat(options.plan().run()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.plan().tableRows()).isEqualTo(Plan.QUICK.tableRows());
        assertThat(options.plan().warmup()).isEqualTo(Plan.QUICK.warmup());
    }

    @Test
    void withoutThemThePlanIsAsDefined() {
        assertThat(Options.parse().plan()).isEqualTo(Plan.FULL);
        assertThat(Options.parse("--quick").plan()).isEqualTo(Plan.QUICK);
    }

    @Test
    void runsMustBeAWholeNumberFromOne() {
        for (String bad : new String[] {"0", "-1", "2.5", "many", "1001"}) {
            assertThatThrownBy(() -> Options.parse("--runs", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--runs takes a whole number from 1 to 1000, not '" + bad + "'");
        }
    }

    @Test
    void runSecondsMustBeAPositiveNumber() {
        assertThatThrownBy(() -> Options.parse("--run-seconds", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--run-seconds takes a number from 0.05 to 600, not '0'");
        assertThatThrownBy(() -> Options.parse("--run-seconds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--run-seconds needs a value");
    }
}
