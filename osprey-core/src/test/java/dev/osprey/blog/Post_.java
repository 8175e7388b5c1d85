package dev.osprey.blog;

import dev.osprey.annotation.OnDelete;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.IndexModel;
import dev.osprey.mapping.SqlType;

import java.time.Instant;
import java.util.List;

/** The metamodel of {@link Post}, as generated code would build it. */
public final class Post_ {
    public static final EntityModel<Post> MODEL = EntityModel.builder(Post.class, "blog_posts")
            .attribute(Attribute.<Post, Long>builder("id", "id", Long.class, ColumnType.of(SqlType.BIGINT))
                    .getter(p -> p.id).setter((p, v) -> p.id = v).id().generated().build())
            .attribute(Attribute.<Post, Long>builder("authorId", "author_id", Long.class, ColumnType.of(SqlType.BIGINT))
                    .getter(p -> p.authorId).setter((p, v) -> p.authorId = v).notNull()
                    .references(User.class, OnDelete.CASCADE).build())
            .attribute(Attribute.<Post, String>builder("title", "title", String.class, ColumnType.varchar(200))
                    .getter(p -> p.title).setter((p, v) -> p.title = v).notNull().build())
            .attribute(Attribute.<Post, String>builder("body", "body", String.class, ColumnType.of(SqlType.TEXT))
                    .getter(p -> p.body).setter((p, v) -> p.body = v).build())
            .attribute(Attribute.<Post, Instant>builder("publishedAt", "published_at", Instant.class,
                            ColumnType.of(SqlType.TIMESTAMP_UTC))
                    .getter(p -> p.publishedAt).setter((p, v) -> p.publishedAt = v).build())
            .attribute(Attribute.<Post, String>builder("status", "status", String.class, ColumnType.varchar(20))
                    .getter(p -> p.status).setter((p, v) -> p.status = v).notNull().defaultValue("draft")
                    .build())
            .index(new IndexModel("ix_blog_posts_author_id_published_at", List.of("author_id", "published_at"), false))
            .factory(Post::new)
            .build();

    private Post_() {
    }
}
