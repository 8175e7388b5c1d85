package dev.osprey.session.model;

/**
 * A bank account with an optimistic-locking version. Its metamodel {@link Account_} is written by hand
 * (no {@code @Table}, so the processor leaves it alone) until the processor supports {@code @Version}.
 */
public class Account {
    public Long id;
    public String owner;
    public long balance;
    public int version;

    public Account() {
    }

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
