package dev.osprey.blog;

import dev.osprey.annotation.OnDelete;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.SqlType;

/** The metamodel of {@link Egg}. */
public final class Egg_ {
    public static final EntityModel<Egg> MODEL = EntityModel.builder(Egg.class, "blog_eggs")
            .attribute(Attribute.<Egg, Long>builder("id", "id", Long.class, ColumnType.of(SqlType.BIGINT))
                    .getter(e -> e.id).setter((e, v) -> e.id = v).id().generated().build())
            .attribute(Attribute.<Egg, Long>builder("chickenId", "chicken_id", Long.class,
                            ColumnType.of(SqlType.BIGINT))
                    .getter(e -> e.chickenId).setter((e, v) -> e.chickenId = v)
                    .references(Chicken.class, OnDelete.RESTRICT).build())
            .factory(Egg::new)
            .build();

    private Egg_() {
    }
}
