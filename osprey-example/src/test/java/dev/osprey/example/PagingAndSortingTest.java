package dev.osprey.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.OnEachDatabase;
import dev.osprey.testkit.TestDb;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.osprey.example.ServiceClient.query;
import static org.assertj.core.api.Assertions.assertThat;

/** Pages (sizes, totals, the edges) and sorting (each field, descending, several fields, the id tie-break). */
class PagingAndSortingTest {

    @RegisterExtension
    static final ServiceUnderTest service = new ServiceUnderTest();

    // ---------------------------------------------------------------- paging

    @OnEachDatabase
    void firstPageHasTwentyItemsAndTheTotal(TestDb t) {
        ServiceClient api = service.client(t);
        List<Long> ids = ids(api.createUsers(ServiceClient.users("p", 45)));

        JsonNode page = api.get("/users").expect(200);

        assertThat(Json.itemIds(page)).containsExactlyElementsOf(ids.subList(0, 20));
        assertThat(page.get("page").asLong()).isEqualTo(1);
        assertThat(page.get("page_size").asLong()).isEqualTo(20);
        assertThat(page.get("total").asLong()).isEqualTo(45);
    }

    @OnEachDatabase
    void laterPagesContinueWhereTheLastStopped(TestDb t) {
        ServiceClient api = service.client(t);
        List<Long> ids = ids(api.createUsers(ServiceClient.users("p", 45)));

        JsonNode third = api.get(query("/users", "page", "3")).expect(200);
        JsonNode sevens = api.get(query("/users", "page", "2", "page_size", "7")).expect(200);

        assertThat(Json.itemIds(third)).containsExactlyElementsOf(ids.subList(40, 45));
        assertThat(third.get("page").asLong()).isEqualTo(3);
        assertThat(third.get("total").asLong()).isEqualTo(45);
        assertThat(Json.itemIds(sevens)).containsExactlyElementsOf(ids.subList(7, 14));
        assertThat(sevens.get("page_size").asLong()).isEqualTo(7);
    }

    @OnEachDatabase
    void pageSizeOfOneHundredIsAllowedAndPageSizeOneGivesOneItem(TestDb t) {
        ServiceClient api = service.client(t);
        List<Long> ids = ids(api.createUsers(ServiceClient.users("p", 120)));

        JsonNode hundred = api.get(query("/users", "page_size", "100")).expect(200);
        JsonNode one = api.get(query("/users", "page", "120", "page_size", "1")).expect(200);

        assertThat(Json.itemIds(hundred)).containsExactlyElementsOf(ids.subList(0, 100));
        assertThat(hundred.get("total").asLong()).isEqualTo(120);
        assertThat(Json.itemIds(one)).containsExactly(ids.get(119));
    }

    @OnEachDatabase
    void aPagePastTheEndIsEmptyAndKeepsTheRealTotal(TestDb t) {
        ServiceClient api = service.client(t);
        api.createUsers(ServiceClient.users("p", 45));

        JsonNode fourth = api.get(query("/users", "page", "4")).expect(200);

        assertThat(fourth.get("items").isArray()).isTrue();
        assertThat(fourth.get("items")).isEmpty();
        assertThat(fourth.get("page").asLong()).isEqualTo(4);
        assertThat(fourth.get("total").asLong()).isEqualTo(45);
    }

    @OnEachDatabase
    void aBillionthPageIsEmptyAndKeepsTheRealTotal(TestDb t) {
        ServiceClient api = service.client(t);
        api.createUsers(ServiceClient.users("p", 3));
        long ada = api.createUserId("Ada", "ada@example.com");
        api.createTodoId(ada, "title", "one");

        JsonNode users = api.get(query("/users", "page", "1000000000")).expect(200);
        JsonNode usersBig = api.get(query("/users", "page", "1000000000", "page_size", "100")).expect(200);
        JsonNode todos = api.get(query("/todos", "page", "1000000000")).expect(200);

        assertThat(users.get("items")).isEmpty();
        assertThat(users.get("page").asLong()).isEqualTo(1_000_000_000L);
        assertThat(users.get("page_size").asLong()).isEqualTo(20);
        assertThat(users.get("total").asLong()).isEqualTo(4);
        assertThat(usersBig.get("items")).isEmpty();
        assertThat(usersBig.get("total").asLong()).isEqualTo(4);
        assertThat(todos.get("items")).isEmpty();
        assertThat(todos.get("total").asLong()).isEqualTo(1);
    }

    @OnEachDatabase
    void anEmptyTableGivesAnEmptyFirstPage(TestDb t) {
        ServiceClient api = service.client(t);

        JsonNode users = api.get("/users").expect(200);
        JsonNode todos = api.get("/todos").expect(200);

        assertThat(users.get("items")).isEmpty();
        assertThat(users.get("total").asLong()).isZero();
        assertThat(users.get("page").asLong()).isEqualTo(1);
        assertThat(todos.get("items")).isEmpty();
        assertThat(todos.get("total").asLong()).isZero();
    }

    @OnEachDatabase
    void todoPagesCountOnlyTheFilteredRows(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            items.add(Json.fields("title", "t" + i, "done", i % 5 == 0));
        }
        List<Long> ids = ids(Json.elements(api.post("/users/" + ada + "/todos/bulk", Json.write(items)).expect(201)));

        JsonNode second = api.get(query("/todos", "page", "2", "page_size", "10")).expect(200);
        JsonNode open = api.get(query("/todos", "done", "false", "page", "2", "page_size", "15")).expect(200);

        assertThat(Json.itemIds(second)).containsExactlyElementsOf(ids.subList(10, 20));
        assertThat(second.get("total").asLong()).isEqualTo(25);
        assertThat(open.get("total").asLong()).isEqualTo(20);
        assertThat(open.get("items")).hasSize(5);
    }

    @OnEachDatabase
    void pageZeroNegativeOrNotANumberIsRejectedNamingPage(TestDb t) {
        ServiceClient api = service.client(t);
        api.createUserId("Ada", "ada@example.com");

        for (String page : List.of("0", "-1", "abc", "1.5", "", "99999999999999999999")) {
            api.get(query("/users", "page", page)).expectError(400, "validation_failed", "page");
            api.get(query("/todos", "page", page)).expectError(400, "validation_failed", "page");
        }
    }

    @OnEachDatabase
    void pageSizeOutsideOneToHundredIsRejectedNamingPageSize(TestDb t) {
        ServiceClient api = service.client(t);

        for (String size : List.of("0", "101", "-5", "abc", "", "99999999999999999999")) {
            api.get(query("/users", "page_size", size)).expectError(400, "validation_failed", "page_size");
            api.get(query("/todos", "page_size", size)).expectError(400, "validation_failed", "page_size");
        }
    }

    @OnEachDatabase
    void aPageWhoseOffsetOverflowsIsRejectedNamingPage(TestDb t) {
        ServiceClient api = service.client(t);
        api.createUserId("Ada", "ada@example.com");

        api.get(query("/users", "page", Long.toString(Long.MAX_VALUE))).expectError(400, "validation_failed", "page");
        api.get(query("/users", "page", "461168601842738792")).expectError(400, "validation_failed", "page");
        api.get(query("/users", "page", Long.toString(Long.MAX_VALUE / 100 + 2), "page_size", "100"))   // (page - 1) * 100 > max
                .expectError(400, "validation_failed", "page");
        api.get(query("/todos", "page", Long.toString(Long.MAX_VALUE))).expectError(400, "validation_failed", "page");
    }

    // ---------------------------------------------------------------- sorting users

    @OnEachDatabase
    void usersSortByEachFieldAscendingAndDescending(TestDb t) {
        ServiceClient api = service.client(t);
        long bob = api.createUserId("Bob", "bob@example.com");
        long ann = api.createUserId("Ann", "ann@example.com");
        long cid = api.createUserId("Cid", "cid@example.com");
        long dee = api.createUserId("Dee", "dee@example.com");
        long abe = api.createUserId("Abe", "abe@example.com");
        api.increment(bob, 2);
        api.increment(cid, 2);
        api.increment(dee, 1);
        api.increment(abe, 2);

        assertThat(sorted(api, "/users", null)).containsExactly(bob, ann, cid, dee, abe);
        assertThat(sorted(api, "/users", "")).as("an empty sort is the default").containsExactly(bob, ann, cid, dee, abe);
        assertThat(sorted(api, "/users", "id")).containsExactly(bob, ann, cid, dee, abe);
        assertThat(sorted(api, "/users", "-id")).containsExactly(abe, dee, cid, ann, bob);
        assertThat(sorted(api, "/users", "name")).containsExactly(abe, ann, bob, cid, dee);
        assertThat(sorted(api, "/users", "-name")).containsExactly(dee, cid, bob, ann, abe);
        assertThat(sorted(api, "/users", "email")).containsExactly(abe, ann, bob, cid, dee);
        assertThat(sorted(api, "/users", "-email")).containsExactly(dee, cid, bob, ann, abe);
        assertThat(sorted(api, "/users", "count")).as("ties by id ascending").containsExactly(ann, dee, bob, cid, abe);
        assertThat(sorted(api, "/users", "-count")).as("ties by id ascending").containsExactly(bob, cid, abe, dee, ann);
    }

    @OnEachDatabase
    void usersSortByCreationTimeWithTiesByIdAscending(TestDb t) {
        ServiceClient api = service.client(t);
        List<JsonNode> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(api.createUser("U" + i, "u" + i + "@example.com"));
        }
        users.addAll(api.createUsers(ServiceClient.users("bulk", 4)));   // one request: possibly equal instants
        Comparator<JsonNode> byCreation = Comparator.comparing(u -> Instant.parse(u.get("created_at").asText()));
        Comparator<JsonNode> byId = Comparator.comparingLong(u -> u.get("id").asLong());

        assertThat(sorted(api, "/users", "created_at"))
                .containsExactlyElementsOf(users.stream().sorted(byCreation.thenComparing(byId)).map(PagingAndSortingTest::id).toList());
        assertThat(sorted(api, "/users", "-created_at"))
                .containsExactlyElementsOf(users.stream().sorted(byCreation.reversed().thenComparing(byId)).map(PagingAndSortingTest::id).toList());
    }

    @OnEachDatabase
    void usersSortBySeveralFields(TestDb t) {
        ServiceClient api = service.client(t);
        long bob = api.createUserId("Bob", "bob@example.com");
        long ann = api.createUserId("Ann", "ann@example.com");
        long cid = api.createUserId("Cid", "cid@example.com");
        long dee = api.createUserId("Dee", "dee@example.com");
        long abe = api.createUserId("Abe", "abe@example.com");
        api.increment(bob, 2);
        api.increment(cid, 2);
        api.increment(dee, 1);
        api.increment(abe, 2);

        assertThat(sorted(api, "/users", "-count,name")).containsExactly(abe, bob, cid, dee, ann);
        assertThat(sorted(api, "/users", "count,-name")).containsExactly(ann, dee, cid, bob, abe);
        assertThat(sorted(api, "/users", "-count,-email")).containsExactly(cid, bob, abe, dee, ann);
    }

    @OnEachDatabase
    void equalSortKeysAreOrderedByIdAscendingInBothDirections(TestDb t) {
        ServiceClient api = service.client(t);
        long sam1 = api.createUserId("Sam", "sam1@example.com");
        long sam2 = api.createUserId("Sam", "sam2@example.com");
        long ann = api.createUserId("Ann", "ann@example.com");
        long sam3 = api.createUserId("Sam", "sam3@example.com");

        assertThat(sorted(api, "/users", "name")).containsExactly(ann, sam1, sam2, sam3);
        assertThat(sorted(api, "/users", "-name")).containsExactly(sam1, sam2, sam3, ann);
    }

    @OnEachDatabase
    void pagesOfEqualSortKeysAreStableAndDisjoint(TestDb t) {
        ServiceClient api = service.client(t);
        List<Long> ids = ids(api.createUsers(ServiceClient.users("same", 7)));

        for (String sort : List.of("count", "-count")) {
            List<Long> seen = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                JsonNode reply = api.get(query("/users", "sort", sort, "page", Integer.toString(page), "page_size", "3")).expect(200);
                assertThat(reply.get("total").asLong()).isEqualTo(7);
                seen.addAll(Json.itemIds(reply));
            }
            assertThat(seen).as("sort=%s over three pages", sort).containsExactlyElementsOf(ids);
        }
    }

    @OnEachDatabase
    void sortingCombinesWithTheNameFilterAndPaging(TestDb t) {
        ServiceClient api = service.client(t);
        long bea = api.createUserId("Bea", "bea@example.com");
        api.createUserId("Cid", "cid@example.com");
        long abe = api.createUserId("Abe", "abe@example.com");
        long dea = api.createUserId("Dea", "dea@example.com");

        JsonNode first = api.get(query("/users", "name", "e", "sort", "-name", "page_size", "2")).expect(200);
        JsonNode second = api.get(query("/users", "name", "e", "sort", "-name", "page", "2", "page_size", "2")).expect(200);

        assertThat(Json.itemIds(first)).containsExactly(dea, bea);
        assertThat(Json.itemIds(second)).containsExactly(abe);
        assertThat(second.get("total").asLong()).isEqualTo(3);
    }

    @OnEachDatabase
    void anUnknownSortFieldIsRejectedNamingSort(TestDb t) {
        ServiceClient api = service.client(t);

        for (String sort : List.of("password", "-password", "name,nope", "title", "due_date")) {
            api.get(query("/users", "sort", sort)).expectError(400, "validation_failed", "sort");
        }
        for (String sort : List.of("email", "name", "-count", "done,nope")) {
            api.get(query("/todos", "sort", sort)).expectError(400, "validation_failed", "sort");
        }
    }

    // ---------------------------------------------------------------- sorting todos

    @OnEachDatabase
    void todosSortByEachFieldAscendingAndDescending(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        long cherry = api.createTodoId(ada, "title", "cherry", "done", false, "due_date", "2026-03-01");
        long apple = api.createTodoId(ada, "title", "apple", "done", true, "due_date", "2026-01-01");
        long banana = api.createTodoId(ada, "title", "banana", "done", false, "due_date", "2026-03-01");
        long apple2 = api.createTodoId(ada, "title", "apple", "done", false, "due_date", "2026-02-01");
        long date = api.createTodoId(bob, "title", "date", "done", true, "due_date", "2026-01-15");

        assertThat(sorted(api, "/todos", null)).containsExactly(cherry, apple, banana, apple2, date);
        assertThat(sorted(api, "/todos", "-id")).containsExactly(date, apple2, banana, apple, cherry);
        assertThat(sorted(api, "/todos", "title")).containsExactly(apple, apple2, banana, cherry, date);
        assertThat(sorted(api, "/todos", "-title")).containsExactly(date, cherry, banana, apple, apple2);
        assertThat(sorted(api, "/todos", "due_date")).containsExactly(apple, date, apple2, cherry, banana);
        assertThat(sorted(api, "/todos", "-due_date")).containsExactly(cherry, banana, apple2, date, apple);
        assertThat(sorted(api, "/todos", "done")).containsExactly(cherry, banana, apple2, apple, date);
        assertThat(sorted(api, "/todos", "-done")).containsExactly(apple, date, cherry, banana, apple2);
        assertThat(sorted(api, "/todos", "user_id")).containsExactly(cherry, apple, banana, apple2, date);
        assertThat(sorted(api, "/todos", "-user_id")).containsExactly(date, cherry, apple, banana, apple2);
    }

    @OnEachDatabase
    void todosSortBySeveralFields(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long bob = api.createUserId("Bob", "bob@example.com");
        long cherry = api.createTodoId(ada, "title", "cherry", "done", false, "due_date", "2026-03-01");
        long apple = api.createTodoId(ada, "title", "apple", "done", true, "due_date", "2026-01-01");
        long banana = api.createTodoId(ada, "title", "banana", "done", false, "due_date", "2026-03-01");
        long apple2 = api.createTodoId(ada, "title", "apple", "done", false, "due_date", "2026-02-01");
        long date = api.createTodoId(bob, "title", "date", "done", true, "due_date", "2026-01-15");

        assertThat(sorted(api, "/todos", "-done,title")).containsExactly(apple, date, apple2, banana, cherry);
        assertThat(sorted(api, "/todos", "-user_id,-title")).containsExactly(date, cherry, banana, apple, apple2);
        assertThat(sorted(api, "/todos", "due_date,-title")).containsExactly(apple, date, apple2, cherry, banana);
        assertThat(sorted(api, "/todos", "done,-due_date,title")).containsExactly(banana, cherry, apple2, date, apple);
    }

    /** Where the contract is silent the implementer chose (findings.md): todos without a due date come last both ways. */
    @OnEachDatabase
    void todosWithoutADueDateComeLastInBothDirections(TestDb t) {
        ServiceClient api = service.client(t);
        long ada = api.createUserId("Ada", "ada@example.com");
        long undated = api.createTodoId(ada, "title", "undated");
        long late = api.createTodoId(ada, "title", "late", "due_date", "2026-09-01");
        long undatedToo = api.createTodoId(ada, "title", "undated too");
        long early = api.createTodoId(ada, "title", "early", "due_date", "2026-01-01");

        assertThat(sorted(api, "/todos", "due_date")).containsExactly(early, late, undated, undatedToo);
        assertThat(sorted(api, "/todos", "-due_date")).containsExactly(late, early, undated, undatedToo);
    }

    /** The ids of the first page (up to 100) of {@code path} sorted by {@code sort} (none: the default). */
    private static List<Long> sorted(ServiceClient api, String path, String sort) {
        String uri = sort == null ? query(path, "page_size", "100") : query(path, "sort", sort, "page_size", "100");
        return Json.itemIds(api.get(uri).expect(200));
    }

    /** The ids of created rows in ascending order: the order of the default sort. */
    private static List<Long> ids(List<JsonNode> created) {
        return created.stream().map(PagingAndSortingTest::id).sorted().toList();
    }

    private static long id(JsonNode node) {
        return node.get("id").asLong();
    }
}
