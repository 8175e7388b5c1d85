package dev.osprey.blog;

import dev.osprey.annotation.OnDelete;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.SqlType;

/** The metamodel of {@link Chicken}. */
public final class Chicken_ {
    public static final EntityModel<Chicken> MODEL = EntityModel.builder(Chicken.class, "blog_chickens")
            .attribute(Attribute.<Chicken, Long>builder("id", "id", Long.class, ColumnType.of(SqlType.BIGINT))
                    .getter(c -> c.id).setter((c, v) -> c.id = v).id().generated().build())
            .attribute(Attribute.<Chicken, Long>builder("eggId", "egg_id", Long.class, ColumnType.of(SqlType.BIGINT))
                    .getter(c -> c.eggId).setter((c, v) -> c.eggId = v)
                    .references(Egg.class, OnDelete.NO_ACTION).build())
            .factory(Chicken::new)
            .build();

    private Chicken_() {
    }
}
