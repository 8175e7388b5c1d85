package dev.osprey.repository.model;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;
import dev.osprey.annotation.Version;

import java.time.Instant;

/** A gadget in stock: the entity of the repository tests, with a unique code and a version. */
@Table("repo_gadgets")
public class Gadget {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false) public String name;
    @Column(length = 20, unique = true) public String code;
    public int stock;
    public Instant releasedAt;
    @Version public long version;

    public Gadget() {
    }

    public Gadget(String name, String code, int stock) {
        this.name = name;
        this.code = code;
        this.stock = stock;
    }

    @Override
    public String toString() {
        return "Gadget[" + id + ", " + name + "]";
    }
}
