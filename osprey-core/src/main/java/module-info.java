/**
 * Osprey: an asynchronous ORM for Java. Users import {@code dev.osprey}, {@code dev.osprey.annotation} and
 * {@code dev.osprey.query}; generated metamodels use {@code dev.osprey.mapping}. Everything under
 * {@code dev.osprey.internal} is implementation and not exported.
 */
module dev.osprey {
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires org.mariadb.jdbc;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    exports dev.osprey;
    exports dev.osprey.annotation;
    exports dev.osprey.mapping;
    exports dev.osprey.query;
}
