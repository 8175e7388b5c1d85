package dev.osprey.example;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * One INFO line per request on the logger {@code dev.osprey.example.http}:
 * {@code POST /users 201 3.1 ms request_id=…}. Stateless and thread-safe.
 */
final class RequestLog implements RequestLogger {
    static final Logger LOG = LoggerFactory.getLogger("dev.osprey.example.http");

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {} ms request_id={}", ctx.method(), ctx.path(), ctx.statusCode(),
                    String.format(Locale.ROOT, "%.1f", executionTimeMs), RequestIds.of(ctx));
        }
    }
}
