package dev.osprey.blog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A schema-test entity with one column of most types and defaults. Its metamodel {@link User_} is
 * written by hand, as the processor would write it (no {@code @Table}, so the processor leaves it alone).
 */
public class User {
    public Long id;
    public String email;
    public String displayName;
    public String bio;
    public boolean active;
    public int karma;
    public BigDecimal balance;
    public Double rating;
    public UUID externalId;
    public byte[] avatar;
    public Instant createdAt;
    public LocalDate birthday;
}
