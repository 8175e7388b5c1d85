package dev.osprey.session.model;

import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.SqlType;
import dev.osprey.query.Column;

/** The metamodel of {@link Account}, as generated code would build it. */
public final class Account_ {
    public static final EntityModel<Account> MODEL;
    public static final Column<Account, Long> ID;
    public static final Column<Account, String> OWNER;
    public static final Column<Account, Long> BALANCE;
    public static final Column<Account, Integer> VERSION;

    static {
        Attribute<Account, Long> id = Attribute.<Account, Long>builder("id", "id", Long.class,
                        ColumnType.of(SqlType.BIGINT))
                .getter(a -> a.id).setter((a, v) -> a.id = v).id().generated().build();
        Attribute<Account, String> owner = Attribute.<Account, String>builder("owner", "owner", String.class,
                        ColumnType.varchar(100))
                .getter(a -> a.owner).setter((a, v) -> a.owner = v).notNull().build();
        Attribute<Account, Long> balance = Attribute.<Account, Long>builder("balance", "balance", Long.class,
                        ColumnType.of(SqlType.BIGINT))
                .getter(a -> a.balance).setter((a, v) -> a.balance = v).primitive().build();
        Attribute<Account, Integer> version = Attribute.<Account, Integer>builder("version", "version", Integer.class,
                        ColumnType.of(SqlType.INTEGER))
                .getter(a -> a.version).setter((a, v) -> a.version = v).primitive().version().build();
        MODEL = EntityModel.builder(Account.class, "ses_accounts")
                .attribute(id).attribute(owner).attribute(balance).attribute(version)
                .factory(Account::new)
                .build();
        ID = Column.of(MODEL, id);
        OWNER = Column.of(MODEL, owner);
        BALANCE = Column.of(MODEL, balance);
        VERSION = Column.of(MODEL, version);
    }

    private Account_() {
    }
}
