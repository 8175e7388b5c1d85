package dev.osprey.processor;

import dev.osprey.annotation.OnDelete;
import dev.osprey.mapping.Attribute;
import dev.osprey.mapping.ColumnType;
import dev.osprey.mapping.EntityModel;
import dev.osprey.mapping.IndexModel;
import dev.osprey.mapping.SqlType;
import dev.osprey.processor.sample.Author;
import dev.osprey.processor.sample.Author_;
import dev.osprey.processor.sample.Book;
import dev.osprey.processor.sample.Book_;
import dev.osprey.processor.sample.Landmark;
import dev.osprey.processor.sample.Landmark_;
import dev.osprey.query.Column;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The processor on real sources compiled in memory ({@link InMemoryCompiler}): the metamodels it
 * generates for good entities, loaded and used, and the compile error it gives for each kind of bad
 * one, on the element at fault. The sample entities in {@code sample} go through the processor in the
 * Maven build itself.
 */
class EntityProcessorTest {
    private static final String UNCLAIMED_GENERATED =
            "No processor claimed any of these annotations: java.compiler/javax.annotation.processing.Generated";

    @Test
    void sampleEntitiesCompiledByMavenHaveUsableMetamodels() {
        assertThat(EntityModel.of(Author.class)).isSameAs(Author_.MODEL);
        assertThat(Author_.MODEL.table()).isEqualTo("author");
        assertThat(Author_.NAME.name()).isEqualTo("name");
        assertThat(Author_.CREATED_AT.javaType()).isEqualTo(Instant.class);
        assertThat(Author_.MODEL.indexes()).containsExactly(new IndexModel("ix_author_name", List.of("name"), false));
        Author author = Author_.MODEL.fromDatabase(new Object[] {5L, "Le Guin", Instant.parse("2024-01-02T03:04:05Z")});
        assertThat(author.getName()).isEqualTo("Le Guin");
        assertThat(author.getCreatedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        Author_.NAME.attribute().set(author, "Ursula K. Le Guin");
        assertThat(Author_.MODEL.changed(new Object[] {5L, "Le Guin", author.getCreatedAt()}, author))
                .containsExactly(Author_.NAME.attribute());

        assertThat(EntityModel.of(Book.class)).isSameAs(Book_.MODEL);
        assertThat(Book_.MODEL.table()).isEqualTo("books");
        assertThat(Book_.MODEL.references()).containsExactly(Author.class);
        assertThat(Book_.AUTHOR_ID.attribute().onDelete()).isEqualTo(OnDelete.CASCADE);
        assertThat(Book_.PRICE.attribute().type()).isEqualTo(ColumnType.decimal(8, 2));
        Book book = Book_.MODEL.fromDatabase(new Object[] {1L, 5L, "Earthsea", "9780547773742", "9.99", 1, 183});
        assertThat(Book_.FORMAT.attribute().get(book)).isEqualTo(Book.Format.PAPERBACK);
        assertThat(Book_.PRICE.attribute().get(book)).isEqualByComparingTo(new BigDecimal("9.99"));
        assertThat(Book_.MODEL.toDatabase(book)).containsExactly(1L, 5L, "Earthsea", "9780547773742",
                new BigDecimal("9.99"), 1, 183);

        UUID id = UUID.randomUUID();
        Landmark landmark = Landmark_.MODEL.fromDatabase(new Object[] {id.toString(), "a lighthouse", 52.1, 4.3});
        assertThat(landmark).isEqualTo(new Landmark(id, "a lighthouse", 52.1, 4.3));
        assertThat(Landmark_.DESCRIPTION.attribute().type()).isEqualTo(ColumnType.of(SqlType.TEXT));
        assertThat(Landmark_.MODEL.isRecord()).isTrue();
    }

    /** Good entities: the metamodel each one gets, loaded from the compiler's output and used. */
    @Nested
    class GeneratedMetamodels {

        @Test
        void fieldsMapToColumnsInDeclarationOrderWithTheirTypesAndConstraints() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;
                    import java.math.BigDecimal;
                    import java.time.*;
                    import java.util.UUID;

                    @Table("products")
                    public class Product {
                        public enum Kind { BOOK, GAME }
                        static int instances;

                        @Id @GeneratedValue long id;
                        @Column(length = 80, nullable = false, unique = true) String name;
                        @Column(length = Column.UNLIMITED) String description;
                        boolean active;
                        Boolean featured;
                        byte tiny;
                        short small;
                        int stock;
                        Integer boxed;
                        float weight;
                        double rating;
                        @Column(precision = 10, scale = 2, defaultValue = "0.00") BigDecimal price;
                        byte[] image;
                        UUID sku;
                        Instant createdAt;
                        OffsetDateTime updatedAt;
                        LocalDateTime availableFrom;
                        LocalDate releaseDay;
                        LocalTime openingTime;
                        @Column(length = 10) Kind kind;
                        @Column(name = "legacy_code") String code;
                        @Transient String cached;
                        transient int hits;
                    }
                    """);
            EntityModel<?> model = modelOf(compilation, "shop.Product");

            assertThat(model.table()).isEqualTo("products");
            assertThat(model.attributes()).extracting(Attribute::column).containsExactly("id", "name", "description",
                    "active", "featured", "tiny", "small", "stock", "boxed", "weight", "rating", "price", "image", "sku",
                    "created_at", "updated_at", "available_from", "release_day", "opening_time", "kind", "legacy_code");
            assertThat(model.attributes()).extracting(Attribute::type).containsExactly(
                    ColumnType.of(SqlType.BIGINT), ColumnType.varchar(80), ColumnType.of(SqlType.TEXT),
                    ColumnType.of(SqlType.BOOLEAN), ColumnType.of(SqlType.BOOLEAN), ColumnType.of(SqlType.SMALLINT),
                    ColumnType.of(SqlType.SMALLINT), ColumnType.of(SqlType.INTEGER), ColumnType.of(SqlType.INTEGER),
                    ColumnType.of(SqlType.REAL), ColumnType.of(SqlType.DOUBLE), new ColumnType(SqlType.DECIMAL, 0, 10, 2),
                    ColumnType.of(SqlType.BINARY), ColumnType.of(SqlType.UUID), ColumnType.of(SqlType.TIMESTAMP_UTC),
                    ColumnType.of(SqlType.TIMESTAMP_UTC), ColumnType.of(SqlType.TIMESTAMP), ColumnType.of(SqlType.DATE),
                    ColumnType.of(SqlType.TIME), ColumnType.varchar(10), ColumnType.varchar(255));
            assertThat(model.attributes()).extracting(a -> a.javaType().getSimpleName()).containsExactly("Long", "String",
                    "String", "Boolean", "Boolean", "Byte", "Short", "Integer", "Integer", "Float", "Double", "BigDecimal",
                    "byte[]", "UUID", "Instant", "OffsetDateTime", "LocalDateTime", "LocalDate", "LocalTime", "Kind", "String");

            Attribute<?, ?> id = model.id();
            assertThat(id.property()).isEqualTo("id");
            assertThat(id.isGenerated()).isTrue();
            assertThat(id.isNullable()).isFalse();
            Attribute<?, ?> name = model.attribute("name");
            assertThat(name.isNullable()).isFalse();
            assertThat(name.isUnique()).isTrue();
            assertThat(name.isGenerated()).isFalse();
            assertThat(model.attribute("active").isNullable()).as("primitives are never NULL").isFalse();
            assertThat(model.attribute("featured").isNullable()).isTrue();
            assertThat(model.attribute("price").defaultValue()).isEqualTo("0.00");
            assertThat(model.attribute("description").defaultValue()).isNull();
            assertThat(model.indexes()).isEmpty();
            assertThat(model.references()).isEmpty();
        }

        @Test
        void namesDefaultToSnakeCaseAndConstantsToUpperSnakeCase() throws Exception {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class URLCache {
                        @Id Long id;
                        String createdAt;
                        String userID;
                        String address2;
                    }
                    """);
            EntityModel<?> model = modelOf(compilation, "shop.URLCache");

            assertThat(model.table()).isEqualTo("url_cache");
            assertThat(model.attributes()).extracting(Attribute::column)
                    .containsExactly("id", "created_at", "user_id", "address2");
            Class<?> metamodel = compilation.load("shop.URLCache_");
            assertThat(publicConstants(metamodel)).containsExactly("MODEL", "ID", "CREATED_AT", "USER_ID", "ADDRESS2");
            Column<?, ?> createdAt = (Column<?, ?>) metamodel.getField("CREATED_AT").get(null);
            assertThat(createdAt.name()).isEqualTo("created_at");
            assertThat(createdAt.attribute()).isSameAs(model.attribute("createdAt"));
        }

        @Test
        void classWithGettersAndSettersIsBuiltAndTakenApartThroughThem() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Customer {
                        @Id @GeneratedValue private Integer id;
                        private String name;
                        private boolean vip;
                        @Transient public int nameWrites;

                        public Integer getId() { return id; }
                        public void setId(Integer id) { this.id = id; }
                        public String getName() { return name; }
                        public Customer setName(String name) { nameWrites++; this.name = name; return this; }
                        public boolean isVip() { return vip; }
                        void setVip(boolean vip) { this.vip = vip; }
                    }
                    """);
            assertThat(compilation.generatedSource("shop.Customer_"))
                    .contains(".getter(Customer::getName).setter(Customer::setName)")
                    .contains(".getter(Customer::isVip).setter(Customer::setVip)")
                    .contains(".factory(Customer::new)");
            EntityModel<Object> model = modelOf(compilation, "shop.Customer");

            Object customer = model.fromDatabase(new Object[] {7, "Ada", 1});
            assertThat(customer).hasFieldOrPropertyWithValue("id", 7)
                    .hasFieldOrPropertyWithValue("name", "Ada")
                    .hasFieldOrPropertyWithValue("vip", true)
                    .hasFieldOrPropertyWithValue("nameWrites", 1);
            assertThat(model.toDatabase(customer)).containsExactly(7, "Ada", true);
        }

        @Test
        void privateNoArgConstructorIsCalledThroughAMethodHandle() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Secret {
                        @Id Long id;
                        String text;

                        private Secret() {
                        }

                        public Secret(String text) {
                            this.text = text;
                        }
                    }
                    """);
            assertThat(compilation.generatedSource("shop.Secret_"))
                    .contains("MethodHandles.privateLookupIn(Secret.class, MethodHandles.lookup())");
            EntityModel<Object> model = modelOf(compilation, "shop.Secret");

            Object secret = model.fromDatabase(new Object[] {1L, "hush"});
            assertThat(secret).hasFieldOrPropertyWithValue("id", 1L).hasFieldOrPropertyWithValue("text", "hush");
            assertThat(model.toDatabase(secret)).containsExactly(1L, "hush");
        }

        @Test
        void recordIsMadeFromAllItsComponentsAndHasNoSetters() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table("points")
                    public record Point(@Id long id, @Column(nullable = false, length = 20) String label, int x,
                                        Integer y) {
                        static final int ORIGIN = 0;
                    }
                    """);
            assertThat(compilation.generatedSource("shop.Point_"))
                    .contains(".getter(Point::label)")
                    .contains(".recordFactory(v -> new Point((Long) v[0], (String) v[1], (Integer) v[2], (Integer) v[3]))");
            EntityModel<Object> model = modelOf(compilation, "shop.Point");

            assertThat(model.isRecord()).isTrue();
            assertThat(model.table()).isEqualTo("points");
            assertThat(model.attributes()).extracting(Attribute::column).containsExactly("id", "label", "x", "y");
            assertThat(model.attribute("label").isNullable()).isFalse();
            assertThat(model.attribute("x").isWritable()).isFalse();
            Object point = model.fromDatabase(new Object[] {3, "home", 4L, null});
            assertThat(point).hasToString("Point[id=3, label=home, x=4, y=null]");
            assertThat(model.toDatabase(point)).containsExactly(3L, "home", 4, null);
        }

        @Test
        void enumsAreStoredByNameOrByOrdinal() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Ticket {
                        public enum Priority { LOW, HIGH }
                        @Id Long id;
                        Priority byName;
                        @Enumerated(EnumStorage.ORDINAL) Priority byOrdinal;
                    }
                    """);
            EntityModel<Object> model = modelOf(compilation, "shop.Ticket");

            assertThat(model.attribute("byName").type()).isEqualTo(ColumnType.varchar(255));
            assertThat(model.attribute("byOrdinal").type()).isEqualTo(ColumnType.of(SqlType.INTEGER));
            Object ticket = model.fromDatabase(new Object[] {1L, "HIGH", 0});
            assertThat(model.toDatabase(ticket)).containsExactly(1L, constant(compilation, "shop.Ticket$Priority", "HIGH"), 0);
            assertThatThrownBy(() -> model.fromDatabase(new Object[] {1L, "LOW", 2}))
                    .hasMessageContaining("by_ordinal").hasMessageContaining("not an ordinal");
        }

        @Test
        void converterStoresTheFieldAsTheTypeItsSupertypeDeclares() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.mapping.AttributeConverter;

                    public abstract class MillisConverter<J> implements AttributeConverter<J, Long> {
                    }
                    """, """
                    package shop;

                    import java.time.Duration;

                    public class DurationConverter extends MillisConverter<Duration> {
                        @Override public Long toDatabase(Duration value) { return value.toMillis(); }
                        @Override public Duration fromDatabase(Long value) { return Duration.ofMillis(value); }
                    }
                    """, """
                    package shop;

                    import dev.osprey.annotation.*;
                    import java.time.Duration;

                    @Table
                    public class Timer {
                        @Id Long id;
                        @Convert(DurationConverter.class) Duration duration;
                    }
                    """);
            assertThat(compilation.generatedSource("shop.Timer_"))
                    .contains(".converter(new DurationConverter(), Long.class)");
            EntityModel<Object> model = modelOf(compilation, "shop.Timer");

            assertThat(model.attribute("duration").type()).isEqualTo(ColumnType.of(SqlType.BIGINT));
            assertThat(model.attribute("duration").javaType()).isEqualTo(Duration.class);
            Object timer = model.fromDatabase(new Object[] {1L, 90_000});
            assertThat(timer).hasFieldOrPropertyWithValue("duration", Duration.ofSeconds(90));
            assertThat(model.toDatabase(timer)).containsExactly(1L, 90_000L);
        }

        @Test
        void nestedStaticEntityGetsAMetamodelNamedAfterItsOuterClasses() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    public class Warehouse {
                        public interface Area {
                            @Table
                            class Shelf {
                                @Id Long id;
                            }
                        }
                    }
                    """);
            Class<?> shelf = compilation.load("shop.Warehouse$Area$Shelf");
            assertThat(EntityModel.metamodelClassName(shelf)).isEqualTo("shop.Warehouse_Area_Shelf_");
            EntityModel<?> model = EntityModel.of(shelf);
            assertThat(model.table()).isEqualTo("shelf");
            assertThat(compilation.generatedSource("shop.Warehouse_Area_Shelf_"))
                    .contains("EntityModel<Warehouse.Area.Shelf> MODEL");
        }

        @Test
        void indexesUseColumnNamesAndReferencesNameTheEntityAndAction() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table("orders")
                    public class Order {
                        @Id @GeneratedValue Long id;
                    }
                    """, """
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table(value = "order_lines", indexes = {
                            @Index(fields = "orderId"),
                            @Index(fields = {"orderId", "lineNumber"}, unique = true),
                            @Index(fields = "productCode", name = "by_product")})
                    public class OrderLine {
                        @Id @GeneratedValue Long id;
                        @References(value = Order.class, onDelete = OnDelete.CASCADE) Long orderId;
                        int lineNumber;
                        @Column(name = "product") String productCode;
                    }
                    """);
            EntityModel<?> model = modelOf(compilation, "shop.OrderLine");

            assertThat(model.indexes()).containsExactly(
                    new IndexModel("ix_order_lines_order_id", List.of("order_id"), false),
                    new IndexModel("ux_order_lines_order_id_line_number", List.of("order_id", "line_number"), true),
                    new IndexModel("by_product", List.of("product"), false));
            Attribute<?, ?> orderId = model.attribute("orderId");
            assertThat(orderId.references()).isSameAs(compilation.load("shop.Order"));
            assertThat(orderId.onDelete()).isEqualTo(OnDelete.CASCADE);
            assertThat(model.attribute("lineNumber").references()).isNull();
            assertThat(model.references()).containsExactly(compilation.load("shop.Order"));
        }

        @Test
        void generatedSourceIsMarkedGeneratedUsesImportsAndCompilesWithoutWarnings() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.mapping.AttributeConverter;
                    import java.util.Arrays;
                    import java.util.List;

                    public class TagsConverter implements AttributeConverter<List<String>, String> {
                        @Override public String toDatabase(List<String> value) { return String.join(",", value); }
                        @Override public List<String> fromDatabase(String value) { return Arrays.asList(value.split(",")); }
                    }
                    """, """
                    package shop;

                    import dev.osprey.annotation.*;
                    import java.util.List;

                    @Table
                    public record Article(@Id long id, @Convert(TagsConverter.class) List<String> tags) {
                    }
                    """);
            String source = compilation.generatedSource("shop.Article_");

            assertThat(source).startsWith("package shop;\n\nimport ")
                    .contains("import dev.osprey.mapping.EntityModel;\n")
                    .contains("import java.util.List;\n")
                    .contains("@Generated(\"dev.osprey.processor.EntityProcessor\")\npublic final class Article_ {")
                    .contains("private Article_() {")
                    .contains("public static final Column<Article, List<String>> TAGS = Column.of(MODEL, TAGS_ATTRIBUTE);")
                    .doesNotContain("java.lang.");
            assertThat(compilation.warnings()).as("warnings under -Xlint:all").extracting(w -> w.getMessage(Locale.ROOT))
                .containsOnly(UNCLAIMED_GENERATED);
            EntityModel<Object> model = modelOf(compilation, "shop.Article");
            Object article = model.fromDatabase(new Object[] {1L, "a,b"});
            assertThat(model.toDatabase(article)).containsExactly(1L, "a,b");
        }

        @Test
        void namesThatWouldClashInTheGeneratedFileAreQualifiedOrRenamed() throws Exception {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Column {
                        @Id Long id;
                        String model;
                        String name;
                        String nameAttribute;
                        Generated generated;
                    }
                    """, """
                    package shop;

                    public enum Generated { YES, NO }
                    """);
            String source = compilation.generatedSource("shop.Column_");
            assertThat(source)
                    .contains("public static final dev.osprey.query.Column<Column, String> MODEL_ = dev.osprey.query.Column.of(")
                    .contains("private static final Attribute<Column, String> NAME_ATTRIBUTE_ =")
                    .contains("Attribute<Column, shop.Generated> GENERATED_ATTRIBUTE");
            Class<?> metamodel = compilation.load("shop.Column_");

            assertThat(publicConstants(metamodel)).containsExactlyInAnyOrder(
                    "MODEL", "ID", "MODEL_", "NAME", "NAME_ATTRIBUTE", "GENERATED");
            assertThat(((Column<?, ?>) metamodel.getField("MODEL_").get(null)).name()).isEqualTo("model");
            assertThat(((Column<?, ?>) metamodel.getField("NAME_ATTRIBUTE").get(null)).name()).isEqualTo("name_attribute");
            assertThat(EntityModel.of(compilation.load("shop.Column")).table()).isEqualTo("column");
        }

        @Test
        void versionFieldIsMarkedOnItsAttribute() {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Stock {
                        @Id @GeneratedValue Long id;
                        @Version long version;
                        Integer quantity;
                    }
                    """, """
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Unversioned {
                        @Id Long id;
                    }
                    """);
            assertThat(compilation.generatedSource("shop.Stock_")).contains(".primitive().version()");
            EntityModel<Object> model = modelOf(compilation, "shop.Stock");

            assertThat(model.version()).isSameAs(model.attribute("version"));
            assertThat(model.attribute("version").isVersion()).isTrue();
            assertThat(model.attribute("version").isNullable()).isFalse();
            assertThat(model.attribute("quantity").isVersion()).isFalse();
            assertThat(model.id().isVersion()).isFalse();
            assertThat(modelOf(compilation, "shop.Unversioned").version()).isNull();
        }

        @ParameterizedTest
        @CsvSource({"short", "Short", "int", "Integer", "long", "Long"})
        void versionMayBeAnyIntegralTypeOrItsBox(String type) {
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Edition {
                        @Id Long id;
                        @Version %s revision;
                    }
                    """.formatted(type));
            EntityModel<Object> model = modelOf(compilation, "shop.Edition");

            assertThat(model.version().property()).isEqualTo("revision");
            assertThat(model.version().isNullable()).isFalse();
        }

        @Test
        void userTextIsEscapedInTheGeneratedStringLiterals() {
            String tricky = "it's \"quoted\" \\ back\\slash\nnew line \t tab \u0001 caf\u00e9 \u20ac \\u0041";
            Compilation compilation = compileCleanly("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table("odd \\"table\\"")
                    public class Odd {
                        @Id Long id;
                        @Column(name = "col\\\\umn", defaultValue = %s) String text;
                    }
                    """.formatted(javaLiteral(tricky)));
            EntityModel<?> model = modelOf(compilation, "shop.Odd");

            assertThat(model.table()).isEqualTo("odd \"table\"");
            assertThat(model.attribute("text").column()).isEqualTo("col\\umn");
            assertThat(model.attribute("text").defaultValue()).isEqualTo(tricky);
        }
    }

    /** Bad entities: each mistake is one compile error on the element at fault, and nothing is generated. */
    @Nested
    class CompileErrors {

        @Test
        void entityWithoutIdIsACompileErrorOnTheClass() {
            assertSingleError("""
                    package shop;

                    @dev.osprey.annotation.Table
                    public class Anonymous {
                        String name;
                    }
                    """, "class Anonymous", "Anonymous has no @Id");
        }

        @Test
        void secondIdIsACompileErrorOnThatField() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Pair {
                        @Id Long left;
                        @Id Long right;
                    }
                    """, "right", "Pair has more than one @Id: 'left' and 'right'");
        }

        @Test
        void fieldOfATypeOspreyCannotStoreIsACompileErrorThatSuggestsAConverter() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;
                    import java.util.List;

                    @Table
                    public class Post {
                        @Id Long id;
                        List<String> tags;
                    }
                    """, "tags", "field 'tags' has type java.util.List<java.lang.String>, which Osprey cannot store; add @Convert");
        }

        @Test
        void secondFieldOnAColumnIsACompileErrorEvenIfTheCaseDiffers() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Page {
                        @Id Long id;
                        String title;
                        @Column(name = "TITLE") String heading;
                    }
                    """, "heading", "field 'heading' maps to column 'TITLE', which field 'title' already uses");
        }

        @Test
        void classWithoutNoArgConstructorIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Money {
                        @Id Long id;
                        Money(long id) { this.id = id; }
                    }
                    """, "class Money", "Money has no no-arg constructor");
        }

        @Test
        void nonStaticInnerClassIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    public class Store {
                        @Table
                        public class Aisle {
                            @Id Long id;
                        }
                    }
                    """, "class Aisle", "Aisle is an inner class; make it static");
        }

        @Test
        void privateNestedClassIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    public class Vault {
                        @Table
                        private static class Box {
                            @Id Long id;
                        }
                    }
                    """, "class Box", "Box is private");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "public interface Thing { }                                         | interface Thing | Thing is an interface",
                "public enum Thing { ONE }                                          | enum Thing      | Thing is an enum",
                "public @interface Thing { }                                        | interface Thing | Thing is an annotation type",
                "public abstract class Thing { @dev.osprey.annotation.Id Long id; } | class Thing     | Thing is abstract",
                "public class Thing<T> { @dev.osprey.annotation.Id Long id; }       | class Thing     | Thing has type parameters"})
        void tableOnAnythingButAConcreteClassOrRecordIsACompileError(String declaration, String at, String message) {
            assertSingleError("package shop;\n\n@dev.osprey.annotation.Table\n" + declaration + "\n", at, message);
        }

        @Test
        void generatedValueOnANonIntegralIdIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Coupon {
                        @Id @GeneratedValue String code;
                    }
                    """, "@GeneratedValue", "@GeneratedValue needs an integral id (short, int, long or their boxes), but 'code' is java.lang.String");
        }

        @Test
        void generatedValueOnAFieldThatIsNotTheIdIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Invoice {
                        @Id Long id;
                        @GeneratedValue long number;
                    }
                    """, "@GeneratedValue", "@GeneratedValue is only for the @Id field, and 'number' is not the id");
        }

        @Test
        void privateFieldWithoutGetterIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Account {
                        @Id Long id;
                        private String password;
                        public void setPassword(String password) { this.password = password; }
                        String getPassword(int times) { return password.repeat(times); }
                    }
                    """, "password;", "field 'password' is private and has no getter");
        }

        @Test
        void privateFieldWithoutSetterIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Badge {
                        @Id Long id;
                        private int level;
                        public int getLevel() { return level; }
                        public void setLevel(long level) { this.level = (int) level; }
                    }
                    """, "level;", "field 'level' is private and has no setter");
        }

        @Test
        void finalFieldOfAClassIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Country {
                        @Id Long id;
                        final String code = "NL";
                    }
                    """, "code", "field 'code' is final");
        }

        @Test
        void unknownFieldInAnIndexIsACompileErrorOnTheIndex() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table(indexes = @Index(fields = {"name", "colour"}))
                    public class Paint {
                        @Id Long id;
                        String name;
                        String color;
                    }
                    """, "{\"name\", \"colour\"}", "@Index of Paint names unknown field 'colour'; its persistent fields are [id, name, color]");
        }

        @Test
        void converterForAnotherTypeIsACompileError() {
            assertSingleError(List.of("""
                    package shop;

                    import dev.osprey.annotation.*;
                    import java.time.Duration;

                    @Table
                    public class Lap {
                        @Id Long id;
                        @Convert(YearConverter.class) Duration time;
                    }
                    """, """
                    package shop;

                    import java.time.Year;

                    public class YearConverter implements dev.osprey.mapping.AttributeConverter<Year, Integer> {
                        @Override public Integer toDatabase(Year value) { return value.getValue(); }
                        @Override public Year fromDatabase(Integer value) { return Year.of(value); }
                    }
                    """), "@Convert", "the converter YearConverter converts java.time.Year, but field 'time' is java.time.Duration");
        }

        @Test
        void enumeratedOnAFieldThatIsNotAnEnumIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Size {
                        @Id Long id;
                        @Enumerated(EnumStorage.ORDINAL) String label;
                    }
                    """, "@Enumerated", "@Enumerated is only for enum fields; 'label' is java.lang.String");
        }

        @Test
        void referenceToAClassThatIsNotAnEntityIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Review {
                        @Id Long id;
                        @References(String.class) Long authorId;
                    }
                    """, "@References", "must name an @Table entity, and java.lang.String is not one");
        }

        @Test
        void referenceWhoseTypeDiffersFromTheReferencedIdIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Comment {
                        @Id Long id;
                        @References(Comment.class) int parentId;
                    }
                    """, "@References", "field 'parentId' is int, but it references Comment, whose id is java.lang.Long");
        }

        @Test
        void transientRecordComponentIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public record Tag(@Id long id,
                                      @Transient String cache) {
                    }
                    """, "cache", "record component 'cache' cannot be @Transient");
        }

        @Test
        void scaleAbovePrecisionIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Rate {
                        @Id Long id;
                        @Column(precision = 4, scale = 6) java.math.BigDecimal value;
                    }
                    """, "@Column", "@Column of field 'value' has an invalid length, precision or scale");
        }

        @Test
        void secondVersionIsACompileErrorOnThatField() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Manual {
                        @Id Long id;
                        @Version int revision;
                        @Version long edition;
                    }
                    """, "@Version long edition", "Manual has more than one @Version: 'revision' and 'edition'");
        }

        @Test
        void versionOfANonIntegralTypeIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Memo {
                        @Id Long id;
                        @Version java.time.Instant updatedAt;
                    }
                    """, "@Version", "@Version needs an integral field (short, int, long or their boxes), but "
                    + "'updatedAt' is java.time.Instant");
        }

        @Test
        void versionOnTheIdIsACompileError() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Ledger {
                        @Id @Version Long id;
                    }
                    """, "@Version", "@Version cannot be on the @Id 'id'");
        }

        @Test
        void versionInARecordIsACompileErrorSinceARecordCannotBeBumped() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public record Tally(@Id long id,
                                        @Version long version) {
                    }
                    """, "@Version", "@Version is not for records: a record is immutable");
        }

        @Test
        void typeThatDoesNotExistIsLeftForTheCompilerToReport() {
            assertSingleError("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table
                    public class Parcel {
                        @Id Long id;
                        Missing contents;
                    }
                    """, "Missing", "cannot find symbol");
        }

        @Test
        void everyMistakeInAnEntityIsReportedAndNothingIsGenerated() {
            Compilation compilation = InMemoryCompiler.compile("""
                    package shop;

                    import dev.osprey.annotation.*;

                    @Table(indexes = @Index(fields = "nope"))
                    public class Mess {
                        private Object thing;
                        final int count = 0;
                    }
                    """);
            assertThat(compilation.errors()).extracting(d -> d.getMessage(Locale.ROOT)).containsExactlyInAnyOrder(
                    "Mess has no @Id: mark the field that holds its primary key with @Id",
                    "field 'thing' has type java.lang.Object, which Osprey cannot store; add @Convert with an "
                            + "AttributeConverter<java.lang.Object, ?> to a type it can (String, Long, BigDecimal, Instant, ...)",
                    "field 'thing' is private and has no getter: add a non-private getThing() or make the field package-private",
                    "field 'thing' is private and has no setter: add a non-private setThing(java.lang.Object) or make the "
                            + "field package-private",
                    "field 'count' is final, but Osprey sets fields after construction: remove final, mark it @Transient, "
                            + "or make the entity a record",
                    "@Index of Mess names unknown field 'nope'; its persistent fields are [thing, count]");
            assertThat(compilation.generatedSources()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Compiles {@code sources}, failing the test on any error or warning (but one, see below). */
    static Compilation compileCleanly(String... sources) {
        Compilation compilation = InMemoryCompiler.compile(sources);
        assertThat(compilation.success()).as(compilation.toString()).isTrue();
        assertThat(compilation.errors()).as(compilation.toString()).isEmpty();
        // -Xlint:processing notes that no processor claims @Generated on the generated classes; nothing else may warn.
        assertThat(compilation.warnings()).as(compilation.toString()).allSatisfy(warning -> assertThat(
                warning.getMessage(Locale.ROOT)).isEqualTo(UNCLAIMED_GENERATED));
        return compilation;
    }

    /**
     * Compiles {@code source} and asserts exactly one error: its message contains {@code message}, it points
     * at the text {@code at} of that source, and no metamodel was generated.
     */
    private static void assertSingleError(String source, String at, String message) {
        assertSingleError(List.of(source), at, message);
    }

    /** As {@link #assertSingleError(String, String, String)}, for an error in the first of {@code sources}. */
    private static void assertSingleError(List<String> sources, String at, String message) {
        String source = sources.getFirst();
        Compilation compilation = InMemoryCompiler.compile(sources.toArray(String[]::new));

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.errors()).as(compilation.toString()).hasSize(1);
        Diagnostic<? extends JavaFileObject> error = compilation.errors().getFirst();
        assertThat(error.getMessage(Locale.ROOT)).contains(message);
        assertThat(error.getSource().toUri().getPath()).as("the file at fault").endsWith(fileOf(source));
        String line = source.lines().toList().get((int) error.getLineNumber() - 1);
        assertThat(line.substring((int) error.getColumnNumber() - 1)).as("where the error points").startsWith(at);
        assertThat(compilation.generatedSources()).as("nothing is generated for a bad entity").isEmpty();
    }

    private static String fileOf(String source) {
        Matcher type = Pattern.compile("\\b(?:class|record|interface|enum) (\\w+)").matcher(source);
        return type.find() ? "/" + type.group(1) + ".java" : "?";
    }

    @SuppressWarnings("unchecked")
    private static EntityModel<Object> modelOf(Compilation compilation, String entity) {
        EntityModel<?> model = EntityModel.of(compilation.load(entity));
        assertThat(model.type().getName()).isEqualTo(entity);
        return (EntityModel<Object>) model;
    }

    private static List<String> publicConstants(Class<?> metamodel) {
        return Arrays.stream(metamodel.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .toList();
    }

    private static Object constant(Compilation compilation, String enumClass, String name) {
        for (Object constant : compilation.load(enumClass).getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new AssertionError(enumClass + " has no " + name);
    }

    private static String javaLiteral(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\%03o", (int) c)); // octal: an escaped newline in \\u form would end the line
            } else if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
