package dev.osprey.bench;

import java.util.Arrays;

/**
 * The measured runs of one workload by one contender on one database: the rate of each run, the work
 * per run (callers, or rows per bulk insert), the client's CPU per unit, or why it failed. Immutable.
 *
 * @param cpuMicros the CPU time the benchmark process used per unit (operation or row) over the measured
 *                  runs, in µs: Osprey's or Hibernate's own work shows here, beside the driver's, even where
 *                  the rate is bound by the database; NaN if unknown
 * @param allocatedBytes the heap the benchmark process allocated per unit over the measured runs: a figure
 *                  of the work per call beside the CPU time; NaN if unknown
 * @param failure   null, or what went wrong (then there are no rates)
 */
record Measurement(BenchDatabase database, Workload workload, Impl impl, String variant, boolean main, double[] rates,
                   double cpuMicros, double allocatedBytes, String work, String failure) {

    Measurement {
        rates = rates.clone();
        Arrays.sort(rates);
    }

    boolean ok() {
        return failure == null && rates.length > 0;
    }

    double median() {
        if (!ok()) {
            return 0;
        }
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    double min() {
        return ok() ? rates[0] : 0;
    }

    double max() {
        return ok() ? rates[rates.length - 1] : 0;
    }

    /** Half the min–max range as a share of the median. */
    double spread() {
        double median = median();
        return median <= 0 ? 0 : (max() - min()) / 2 / median;
    }

    /** {@code osprey}, {@code jdbc (COPY)}. */
    String name() {
        return Contender.DEFAULT.equals(variant) ? impl.key() : impl.key() + " (" + variant + ")";
    }
}
