package dev.osprey.blog;

import dev.osprey.annotation.OnDelete;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.SqlType;

/** The metamodel of {@link Category}, as generated code would build it. */
public final class Category_ {
    public static final EntityModel<Category> MODEL = EntityModel.builder(Category.class, "blog_categories")
            .attribute(Attribute.<Category, Integer>builder("id", "id", Integer.class, ColumnType.of(SqlType.INTEGER))
                    .getter(c -> c.id).setter((c, v) -> c.id = v).id().build())
            .attribute(Attribute.<Category, Integer>builder("parentId", "parent_id", Integer.class,
                            ColumnType.of(SqlType.INTEGER))
                    .getter(c -> c.parentId).setter((c, v) -> c.parentId = v)
                    .references(Category.class, OnDelete.SET_NULL).build())
            .attribute(Attribute.<Category, String>builder("name", "name", String.class, ColumnType.varchar(50))
                    .getter(c -> c.name).setter((c, v) -> c.name = v).notNull().build())
            .factory(Category::new)
            .build();

    private Category_() {
    }
}
