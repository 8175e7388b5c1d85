package dev.osprey.javalin;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A Javalin app on a free local port, configured by a test, and an HTTP client to call it. */
final class WebApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Javalin javalin;

    private WebApp(Javalin javalin) {
        this.javalin = javalin;
    }

    static WebApp start(Consumer<JavalinConfig> config) {
        return new WebApp(Javalin.create(config).start("127.0.0.1", 0));
    }

    HttpResponse<String> send(String method, String path, String body) {
        return sendAsync(method, path, body).join();
    }

    HttpResponse<String> send(String method, String path) {
        return send(method, path, null);
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
