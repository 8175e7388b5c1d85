package dev.osprey.blog;

import java.time.Instant;

/** A schema-test entity that refers to {@link User}, deleted with it. Metamodel: {@link Post_}. */
public class Post {
    public Long id;
    public Long authorId;
    public String title;
    public String body;
    public Instant publishedAt;
    public String status;
}
