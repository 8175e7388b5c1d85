package dev.osprey.internal.driver;

import java.util.List;

/**
 * What a {@link StatementRunner#batch batch} did.
 *
 * @param rows the rows affected by all its statements together
 * @param keys the generated values of the key column in the order the driver gave them (raw, as
 *             read by the dialect); empty when no key column was asked for
 */
public record BatchResult(long rows, List<Object> keys) {
    public BatchResult {
        keys = List.copyOf(keys);
    }
}
