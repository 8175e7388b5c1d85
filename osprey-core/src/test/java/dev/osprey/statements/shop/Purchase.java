package dev.osprey.statements.shop;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.GeneratedValue;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.OnDelete;
import dev.osprey.annotation.References;
import dev.osprey.annotation.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Something a {@link Customer} bought; deleted with its customer. */
@Table("st_purchases")
public class Purchase {
    @Id @GeneratedValue public Long id;
    @References(value = Customer.class, onDelete = OnDelete.CASCADE) public long customerId;
    @Column(length = 200, nullable = false) public String title;
    @Column(precision = 10, scale = 2) public BigDecimal amount;
    public boolean done;
    public LocalDate due;

    public Purchase() {
    }

    public Purchase(long customerId, String title, BigDecimal amount) {
        this.customerId = customerId;
        this.title = title;
        this.amount = amount;
    }

    @Override
    public String toString() {
        return "Purchase[" + id + ", " + title + "]";
    }
}
