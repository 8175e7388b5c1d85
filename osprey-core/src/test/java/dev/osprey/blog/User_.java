package dev.osprey.blog;

import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.IndexModel;
import dev.osprey.mapping.SqlType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The metamodel of {@link User}, as generated code would build it. */
public final class User_ {
    public static final EntityModel<User> MODEL = EntityModel.builder(User.class, "blog_users")
            .attribute(Attribute.<User, Long>builder("id", "id", Long.class, ColumnType.of(SqlType.BIGINT))
                    .getter(u -> u.id).setter((u, v) -> u.id = v).id().generated().build())
            .attribute(Attribute.<User, String>builder("email", "email", String.class, ColumnType.varchar(255))
                    .getter(u -> u.email).setter((u, v) -> u.email = v).notNull().unique().build())
            .attribute(Attribute.<User, String>builder("displayName", "display_name", String.class,
                            ColumnType.varchar(100))
                    .getter(u -> u.displayName).setter((u, v) -> u.displayName = v).notNull()
                    .defaultValue("It's me").build())
            .attribute(Attribute.<User, String>builder("bio", "bio", String.class, ColumnType.varchar(0))
                    .getter(u -> u.bio).setter((u, v) -> u.bio = v).build())
            .attribute(Attribute.<User, Boolean>builder("active", "active", Boolean.class,
                            ColumnType.of(SqlType.BOOLEAN))
                    .getter(u -> u.active).setter((u, v) -> u.active = v).primitive().defaultValue("true")
                    .build())
            .attribute(Attribute.<User, Integer>builder("karma", "karma", Integer.class, ColumnType.of(SqlType.INTEGER))
                    .getter(u -> u.karma).setter((u, v) -> u.karma = v).primitive().defaultValue("-5").build())
            .attribute(Attribute.<User, BigDecimal>builder("balance", "balance", BigDecimal.class,
                            ColumnType.decimal(12, 2))
                    .getter(u -> u.balance).setter((u, v) -> u.balance = v).notNull().defaultValue("0.50")
                    .build())
            .attribute(Attribute.<User, Double>builder("rating", "rating", Double.class, ColumnType.of(SqlType.DOUBLE))
                    .getter(u -> u.rating).setter((u, v) -> u.rating = v).defaultValue("4.5").build())
            .attribute(Attribute.<User, UUID>builder("externalId", "external_id", UUID.class,
                            ColumnType.of(SqlType.UUID))
                    .getter(u -> u.externalId).setter((u, v) -> u.externalId = v).build())
            .attribute(Attribute.<User, byte[]>builder("avatar", "avatar", byte[].class, ColumnType.of(SqlType.BINARY))
                    .getter(u -> u.avatar).setter((u, v) -> u.avatar = v).build())
            .attribute(Attribute.<User, Instant>builder("createdAt", "created_at", Instant.class,
                            ColumnType.of(SqlType.TIMESTAMP_UTC))
                    .getter(u -> u.createdAt).setter((u, v) -> u.createdAt = v).notNull()
                    .defaultValue("2024-01-02T03:04:05Z").build())
            .attribute(Attribute.<User, LocalDate>builder("birthday", "birthday", LocalDate.class,
                            ColumnType.of(SqlType.DATE))
                    .getter(u -> u.birthday).setter((u, v) -> u.birthday = v).defaultValue("2000-02-29")
                    .build())
            .index(new IndexModel("ix_blog_users_display_name", List.of("display_name"), false))
            .index(new IndexModel("ux_blog_users_external_id", List.of("external_id"), true))
            .factory(User::new)
            .build();

    private User_() {
    }
}
