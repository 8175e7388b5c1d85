package dev.osprey.bench.hibernate;

import dev.osprey.bench.BenchDatabase;
import dev.osprey.bench.Entry;
import dev.osprey.bench.JournalStore;
import dev.osprey.bench.Pools;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The workloads as a Hibernate ORM user writes them, with sensible settings: JDBC batching (50) with
 * ordered inserts and updates, no second-level or query cache, the default query plan cache, the
 * HikariCP pools the other implementations use, and the table Osprey created (no schema generation).
 * Reads run in a session without a transaction (autocommit, one round trip); writes in a transaction;
 * single-statement updates and deletes as HQL mutation queries. On SQLite a second session factory sits
 * on the read-only pool and serves the reads, the first on the single writer connection serves the
 * writes, as Osprey and the JDBC code do; and since the SQLite dialect would store instants as epoch
 * milliseconds where the table holds Osprey's text form, a {@link SqliteInstantConverter} keeps them
 * in that form. Thread-safe.
 */
public final class HibernateJournal implements JournalStore, AutoCloseable {
    static final int BATCH_SIZE = 50;

    private final SessionFactory writer;
    private final SessionFactory reader;

    private HibernateJournal(SessionFactory writer, SessionFactory reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** Builds the session factories on {@code pools}. */
    public static HibernateJournal open(BenchDatabase database, Pools pools) {
        SessionFactory writer = factory(database, pools.writer());
        try {
            SessionFactory reader = pools.reader() == pools.writer() ? writer : factory(database, pools.reader());
            return new HibernateJournal(writer, reader);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static SessionFactory factory(BenchDatabase database, DataSource dataSource) {
        var settings = new Properties();
        settings.put("hibernate.connection.datasource", dataSource);
        if (database == BenchDatabase.SQLITE) {   // PostgreSQL's and MariaDB's are found from the connection
            settings.put("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
        }
        settings.put("hibernate.jdbc.batch_size", Integer.toString(BATCH_SIZE));
        settings.put("hibernate.order_inserts", "true");
        settings.put("hibernate.order_updates", "true");
        settings.put("hibernate.cache.use_second_level_cache", "false");
        settings.put("hibernate.cache.use_query_cache", "false");
        settings.put("hibernate.query.plan_cache_enabled", "true");
        settings.put("hibernate.globally_quoted_identifiers", "true");   // the columns are named level, text, count…
        settings.put("hibernate.jdbc.time_zone", "UTC");
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put("hibernate.show_sql", "false");
        settings.put("hibernate.generate_statistics", "false");
        var configuration = new Configuration().addAnnotatedClass(JournalEntity.class).addProperties(settings);
        if (database == BenchDatabase.SQLITE) {
            configuration.addAttributeConverter(SqliteInstantConverter.class, true);
        }
        return configuration.buildSessionFactory();
    }

    @Override
    public long insertOne(Entry entry) {
        var journal = new JournalEntity(entry.timestamp(), entry.level(), entry.text());
        inTransaction(s -> {
            s.persist(journal);
            return null;
        });
        return journal.getId();
    }

    /** The usual Hibernate batch idiom: persist, flush and clear every batch; identity ids cost a round trip each. */
    @Override
    public long insertAll(List<Entry> entries, boolean ids) {
        List<JournalEntity> journals = new ArrayList<>(entries.size());
        inTransaction(s -> {
            int n = 0;
            for (Entry e : entries) {
                var journal = new JournalEntity(e.timestamp(), e.level(), e.text());
                s.persist(journal);
                journals.add(journal);
                if (++n % BATCH_SIZE == 0) {
                    s.flush();
                    s.clear();
                }
            }
            return null;
        });
        long withIds = 0;
        for (JournalEntity journal : journals) {
            withIds += journal.getId() == null ? 0 : 1;
        }
        return withIds;
    }

    @Override
    public long get(long id) {
        try (Session s = reader.openSession()) {
            JournalEntity journal = s.find(JournalEntity.class, id);
            return journal == null ? -1 : journal.getId();
        }
    }

    @Override
    public int findByText(String text) {
        try (Session s = reader.openSession()) {
            return s.createSelectionQuery("from JournalEntity where text = :text", JournalEntity.class)
                    .setParameter("text", text)
                    .getResultList().size();
        }
    }

    @Override
    public int findByLevel(short level) {
        try (Session s = reader.openSession()) {
            return s.createSelectionQuery("from JournalEntity where level = :level", JournalEntity.class)
                    .setParameter("level", level)
                    .getResultList().size();
        }
    }

    @Override
    public Page page(long afterId, int size) {
        try (Session s = reader.openSession()) {
            List<JournalEntity> page = s.createSelectionQuery(
                            "from JournalEntity where id > :after order by id", JournalEntity.class)
                    .setParameter("after", afterId)
                    .setMaxResults(size)
                    .getResultList();
            return page.isEmpty() ? Page.EMPTY : new Page(page.size(), page.getLast().getId());
        }
    }

    @Override
    public boolean readThenWrite(long id, String text) {
        return inTransaction(s -> {
            JournalEntity journal = s.find(JournalEntity.class, id);
            if (journal == null) {
                return false;
            }
            journal.setText(text);   // dirty checking writes it at commit
            return true;
        });
    }

    @Override
    public long updateText(long id, String text) {
        return inTransaction(s -> (long) s.createMutationQuery("update JournalEntity set text = :text where id = :id")
                .setParameter("text", text)
                .setParameter("id", id)
                .executeUpdate());
    }

    @Override
    public long increment(long id) {
        return inTransaction(s -> (long) s.createMutationQuery("update JournalEntity set count = count + 1 where id = :id")
                .setParameter("id", id)
                .executeUpdate());
    }

    @Override
    public long delete(long id) {
        return inTransaction(s -> (long) s.createMutationQuery("delete from JournalEntity where id = :id")
                .setParameter("id", id)
                .executeUpdate());
    }

    private <T> T inTransaction(Function<Session, T> work) {
        try (Session s = writer.openSession()) {
            Transaction tx = s.beginTransaction();
            try {
                T result = work.apply(s);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
