package dev.osprey.session;

import dev.osprey.Config;
import dev.osprey.Database;
import dev.osprey.StatementListener;
import dev.osprey.session.model.Account;
import dev.osprey.session.model.Author;
import dev.osprey.session.model.Book;
import dev.osprey.testkit.TestDb;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The session tests' tables (ses_authors, ses_books, ses_accounts) and a database whose statements are recorded. */
final class SessionFixture {
    private SessionFixture() {
    }

    /** Records the SQL of every statement that finished. Thread-safe. */
    static final class Recorder implements StatementListener {
        final ConcurrentLinkedQueue<String> sql = new ConcurrentLinkedQueue<>();

        @Override
        public void finished(String text, List<Object> binds, Duration elapsed, long rows, Throwable failure) {
            sql.add(text);
        }

        int count() {
            return sql.size();
        }

        List<String> matching(String prefix) {
            return sql.stream().filter(s -> s.regionMatches(true, 0, prefix, 0, prefix.length())).toList();
        }

        void clear() {
            sql.clear();
        }
    }

    /** A database on {@code t} with fresh session tables, its statements recorded by {@code recorder}. */
    static Database open(TestDb t, Recorder recorder) {
        Database db = t.open(Config.builder().acquireTimeout(Duration.ofSeconds(20)).listener(recorder).build());
        db.schema().dropAll(Book.class, Author.class, Account.class).join();
        db.schema().createAll(Author.class, Book.class, Account.class).join();
        recorder.clear();
        return db;
    }

    static Database open(TestDb t) {
        return open(t, new Recorder());
    }
}
