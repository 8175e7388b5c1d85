package dev.osprey.internal.engine;

import dev.osprey.Config;
import dev.osprey.ConnectionCallback;
import dev.osprey.Database;
import dev.osprey.Result;
import dev.osprey.Row;
import dev.osprey.Schema;
import dev.osprey.Session;
import dev.osprey.SessionFactory;
import dev.osprey.SessionOptions;
import dev.osprey.TransactionWork;
import dev.osprey.internal.session.Sessions;
import dev.osprey.internal.driver.DatabaseUrl;
import dev.osprey.internal.driver.Driver;
import dev.osprey.internal.driver.JdbcDriver;
import dev.osprey.internal.driver.SqlStatement;
import dev.osprey.internal.sql.ParsedSql;
import dev.osprey.query.Mutation;
import dev.osprey.query.Query;
import dev.osprey.query.Select;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Database} users get: turns raw SQL and its arguments, or typed statements (through a
 * {@link StatementExecutor}), into statements and hands them to the {@link Driver}, each call on a
 * pooled connection. Argument mistakes that need no database (parameter count, a missing name, a
 * statement that cannot be rendered) throw {@link IllegalArgumentException} at once; everything
 * else arrives through the future, which is the driver's own, so cancelling it cancels the statement.
 * Thread-safe.
 */
public final class Engine implements Database {
    private final Driver driver;
    private final Schema schema;
    private final StatementExecutor statements;
    private final Sessions defaultSessions;

    Engine(Driver driver) {
        this.driver = driver;
        this.schema = new EngineSchema(driver);
        this.statements = new StatementExecutor(driver.dialect());
        this.defaultSessions = new Sessions(driver, statements, SessionOptions.defaults());
    }

    /** {@link Database#connect(String, Config)}. */
    public static Database connect(String url, Config config) {
        Objects.requireNonNull(config, "config");
        return new Engine(JdbcDriver.open(DatabaseUrl.parse(url), config));
    }

    /** The driver underneath, for the layers above and for tests. */
    public Driver driver() {
        return driver;
    }

    @Override
    public CompletableFuture<Long> execute(String sql, Object... args) {
        ParsedSql parsed = ParsedSql.of(sql);
        return driver.update(new SqlStatement(parsed.jdbcSql(), parsed.bindPositional(args), parsed.readOnly()));
    }

    @Override
    public CompletableFuture<Long> execute(String sql, Map<String, ?> params) {
        ParsedSql parsed = ParsedSql.of(sql);
        return driver.update(new SqlStatement(parsed.jdbcSql(), parsed.bindNamed(params), parsed.readOnly()));
    }

    @Override
    public CompletableFuture<List<Row>> query(String sql, Object... args) {
        ParsedSql parsed = ParsedSql.of(sql);
        return driver.query(new SqlStatement(parsed.jdbcSql(), parsed.bindPositional(args), parsed.readOnly()));
    }

    @Override
    public CompletableFuture<List<Row>> query(String sql, Map<String, ?> params) {
        ParsedSql parsed = ParsedSql.of(sql);
        return driver.query(new SqlStatement(parsed.jdbcSql(), parsed.bindNamed(params), parsed.readOnly()));
    }

    @Override
    public <R> CompletableFuture<Result<R>> execute(Query<R> query) {
        return run(statements.query(query).map(Result::of));
    }

    @Override
    public CompletableFuture<Long> execute(Mutation statement) {
        return run(statements.mutation(statement));
    }

    @Override
    public <R> CompletableFuture<List<R>> scalars(Query<R> query) {
        return run(statements.query(query));
    }

    @Override
    public <R> CompletableFuture<R> scalar(Query<R> query) {
        return run(statements.query(query).map(rows -> rows.isEmpty() ? null : rows.getFirst()));
    }

    @Override
    public CompletableFuture<Long> count(Select<?> select) {
        return run(statements.count(select));
    }

    private <T> CompletableFuture<T> run(Call<T> call) {
        return driver.run(call.mode(), call.work());
    }

    @Override
    public <T> CompletableFuture<T> withConnection(ConnectionCallback<T> callback) {
        return driver.withConnection(callback);
    }

    @Override
    public Session session() {
        return defaultSessions.open();
    }

    @Override
    public SessionFactory sessions(SessionOptions options) {
        return new Sessions(driver, statements, options);
    }

    @Override
    public <T> CompletableFuture<T> transaction(TransactionWork<T> work) {
        return defaultSessions.transaction(work);
    }

    @Override
    public <T> CompletableFuture<T> transaction(SessionOptions options, TransactionWork<T> work) {
        return sessions(options).transaction(work);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public void close() {
        driver.close();
    }

    @Override
    public String toString() {
        return "Database[" + driver.displayUrl() + ", " + driver.dialect() + "]";
    }
}
