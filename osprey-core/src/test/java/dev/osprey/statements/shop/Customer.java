package dev.osprey.statements.shop;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.EnumStorage;
import dev.osprey.annotation.Enumerated;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

import java.time.Instant;

/** A shop's customer: the main entity of the statement tests. */
@Table("st_customers")
public class Customer {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false) public String name;
    @Column(length = 200, unique = true) public String email;
    @Column(defaultValue = "0") public int visits;
    public Instant createdAt;
    @Enumerated(EnumStorage.ORDINAL) public Tier tier;
    public Integer score;
    @Column(length = 20, defaultValue = "retail") public String segment;

    public Customer() {
    }

    public Customer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Customer(String name, String email, int visits) {
        this(name, email);
        this.visits = visits;
    }

    @Override
    public String toString() {
        return "Customer[" + id + ", " + name + "]";
    }
}
